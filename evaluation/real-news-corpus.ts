// A public corpus of Vietnamese news clusters (one event, several outlets), read in place for the
// dedupe eval's real pairs: never copied into the repository. Each document is a text file with a
// header ("Title:", "Source:", "Link:", "Published Date:", "Author:", "Summary:") and its body
// after "Content:", in one folder per cluster (the layout of the public ViMs clusters).
// Where it is read from: REAL_NEWS_CORPUS (reference-material.ts), either a folder holding the
// cluster folders, or a git directory (a mirror with no work tree) as `<git dir>#<rev>:<path>`,
// read with `git cat-file --batch` without checking anything out.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EvalArticle } from './own-eval-set.js';

export interface NewsDoc extends EvalArticle {
  cluster: string;
  outlet: string;
  url: string;
  /** The day it was published (yyyy-mm-dd), when the header says. */
  day: string | null;
  author: string;
}

interface RawFile {
  cluster: string;
  name: string;
  text: string;
}

/** Where the corpus is: a folder, or a git directory with a revision and path inside it. */
export function corpusLocation(spec: string): { gitDir: string; rev: string; path: string } | { dir: string } {
  const m = /^(.*)#([^:]+):(.*)$/.exec(spec);
  return m ? { gitDir: m[1]!, rev: m[2]!, path: m[3]!.replace(/\/$/, '') } : { dir: spec };
}

/** Whether the corpus the spec names is there (a folder, or a git directory). */
export function corpusPresent(spec: string): boolean {
  const loc = corpusLocation(spec);
  return 'dir' in loc ? existsSync(loc.dir) : existsSync(loc.gitDir);
}

const DOC_FILE = /(?:^|\/)([^/]+)\/(?:original\/)?(\d+)\.txt$/;

function filesFromFolder(dir: string): RawFile[] {
  const out: RawFile[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const m = DOC_FILE.exec(path.relative(dir, p).split(path.sep).join('/'));
        if (m)
          out.push({
            cluster: m[1] === 'original' ? path.basename(path.dirname(d)) : m[1]!,
            name: m[2]!,
            text: readFileSync(p, 'utf8'),
          });
      }
    }
  };
  walk(dir);
  return out;
}

function filesFromGit(gitDir: string, rev: string, root: string): RawFile[] {
  const git = (args: string[], input?: string): Buffer =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 1 << 30 });
  const listed = git(['ls-tree', '-r', rev, '--', root])
    .toString('utf8')
    .split('\n')
    .map((l) => /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ blob: m[1]!, file: m[2]!.slice(root.length + 1) }))
    .map((x) => ({ ...x, m: /^([^/]+)\/(?:original\/)?(\d+)\.txt$/.exec(x.file) }))
    .filter((x) => x.m !== null);
  const batch = git(['cat-file', '--batch'], listed.map((x) => x.blob).join('\n') + '\n');
  const out: RawFile[] = [];
  let at = 0;
  for (const x of listed) {
    const nl = batch.indexOf(0x0a, at);
    const size = Number(batch.subarray(at, nl).toString('utf8').split(' ')[2]);
    out.push({ cluster: x.m![1]!, name: x.m![2]!, text: batch.subarray(nl + 1, nl + 1 + size).toString('utf8') });
    at = nl + 1 + size + 1;
  }
  return out;
}

/** "Thứ 6, 11:03, 20/05/2016" or "20/05/2016 11:03" → "2016-05-20". */
function dayOf(s: string): string | null {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

export function parseNewsDoc(f: RawFile): NewsDoc | null {
  const lines = f.text.replace(/\r\n?/g, '\n').normalize('NFC').split('\n');
  const head = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^(Title|Source|Link|Published Date|Author|Tags|Summary|Content):\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    if (m[1] === 'Content') break;
    head.set(m[1]!, m[2]!.trim());
  }
  const paragraphs = lines
    .slice(i + 1)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const title = head.get('Title') ?? '';
  if (!title || paragraphs.length === 0) return null;
  return {
    id: `${f.cluster}/${f.name}`,
    cluster: f.cluster,
    onTopic: false,
    kind: 'real',
    event: f.cluster,
    title,
    lead: head.get('Summary') || null,
    paragraphs,
    outlet: head.get('Source') ?? '',
    url: head.get('Link') ?? '',
    day: dayOf(head.get('Published Date') ?? ''),
    author: head.get('Author') ?? '',
  };
}

/** Every document of the corpus the spec names, by cluster then number. */
export function loadNewsClusters(spec: string): Map<string, NewsDoc[]> {
  const loc = corpusLocation(spec);
  const files = 'dir' in loc ? filesFromFolder(loc.dir) : filesFromGit(loc.gitDir, loc.rev, loc.path);
  const clusters = new Map<string, NewsDoc[]>();
  for (const f of files.sort((a, b) => a.cluster.localeCompare(b.cluster) || Number(a.name) - Number(b.name))) {
    const d = parseNewsDoc(f);
    if (!d) continue;
    const list = clusters.get(d.cluster) ?? [];
    list.push(d);
    clusters.set(d.cluster, list);
  }
  return clusters;
}
