// Real Vietnamese news from public repositories, labelled here for relevance and read in place
// from a local mirror of each repository (third-party text: the project keeps only ids and labels,
// evaluation/own-set/mirror-relevance-labels.tsv). Without the mirror the set is absent and
// training and evaluation go on with the reference material alone, saying so in one line.
//
// The one corpus labelled so far is VietNews (ThanhChinhBK/vietnews, 2016–2019 articles of
// Tuổi Trẻ, VnExpress and Người Đưa Tin): word-segmented text, syllables of a word joined by "_"
// and punctuation spaced off, title / lead / one sentence a line. It is turned back into plain
// text here so that the classifier sees what an outlet's page would give it.
import { catBlobs, git } from './vietnews-files.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RelevanceInput } from '../src/relevance/relevance-types.js';
import { EVAL_DIR } from './own-eval-set.js';
import type { Label, RealItem } from './real-relevance-sets.js';

export const MIRROR_LABELS = path.join(EVAL_DIR, 'mirror-relevance-labels.tsv');
/** Local mirrors of public repositories: `<root>/<owner>+<name>/repo` is a git directory. */
export const MIRROR_ROOT = process.env.TINWATCH_MIRRORS ?? '/work/.mirror';

export interface MirrorLabel {
  repo: string;
  path: string;
  commit: string;
  /** First line of the article in the file (1-based); a VietNews file is one article. */
  line: number;
  label: Label;
  story: string;
}

export function readMirrorLabels(file = MIRROR_LABELS): MirrorLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [repo, p, commit, line, label, story] = l.split('\t');
      if (!repo || !p || !commit || !line || !story || !['ON', 'OFF', 'BORDER'].includes(label ?? ''))
        throw new Error(`${file}: bad line ${JSON.stringify(l)}`);
      return { repo, path: p, commit, line: Number(line), label: label as Label, story };
    });
}

export const mirrorGitDir = (repo: string, root = MIRROR_ROOT): string =>
  path.join(root, repo.replace('/', '+'), 'repo');

/** Plain text from VietNews' word-segmented form: "Hàn_Quốc , Mỹ ." → "Hàn Quốc, Mỹ." */
export function unsegment(line: string): string {
  return line
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?%)\]”])/g, '$1')
    .replace(/([(“[]) /g, '$1')
    .trim();
}

/** A VietNews file: title, blank, lead, blank, then one sentence a line. */
export function vietnewsArticle(text: string): RelevanceInput {
  const lines = text.split('\n').map(unsegment);
  const [title = '', , lead = '', , ...body] = lines;
  return { title, lead: lead || null, body: body.filter(Boolean) };
}

// The class of an OFF text, for the per-class report, read from its headline and lead by pattern
// (these texts have no labeller's reason line): the labelling guide's hard-negative classes.
const KINDS: [string, RegExp][] = [
  ['korea–japan', /Nhật|Tokyo|Abe\b/],
  ['korea–china / nk–china', /Trung Quốc|Bắc Kinh|Tập Cận Bình|Ông Tập/],
  ['nk–russia', /\bNga\b|Putin|Moscow|Matxcơva/],
  ['korea–vietnam', /Việt Nam|Hà Nội|Đà Nẵng/],
  ['us–korea trade', /thương mại|thuế|kinh tế|đầu tư|doanh nghiệp|nhà đầu tư|Lotte|Hyundai|Samsung/i],
  ['inter-korean / nk without the us', /Triều Tiên|Bình Nhưỡng|Kim Jong/],
  ['us defence without korea', /Mỹ|Lầu Năm Góc|Washington|Trump/],
  ['korea-only', /Hàn Quốc|Seoul/],
];

function kindOf(label: Label, input: RelevanceInput): string {
  if (label !== 'OFF') return label === 'ON' ? 'on-topic' : 'border';
  const head = `${input.title} ${input.lead ?? ''}`;
  return KINDS.find(([, re]) => re.test(head))?.[0] ?? 'other';
}

/**
 * The blob of each `path` at `commit`. One `ls-tree` per folder, then one `cat-file --batch` for
 * all blobs: `commit:path` names would make git parse a folder of 100 000 entries once per file.
 */
export function readFiles(gitDir: string, commit: string, paths: readonly string[]): (string | null)[] {
  const blobOf = new Map<string, string>();
  for (const dir of new Set(paths.map((p) => path.posix.dirname(p)))) {
    for (const entry of git(gitDir, ['ls-tree', '-z', commit, `${dir}/`])
      .toString('utf8')
      .split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab > 0) blobOf.set(entry.slice(tab + 1), entry.slice(0, tab).split(' ')[2]!);
    }
  }
  const wanted = paths.map((p) => blobOf.get(p) ?? null);
  const texts: string[] = [];
  catBlobs(
    gitDir,
    wanted.filter((b) => b !== null),
    (k, text) => (texts[k] = text),
  );
  let next = 0;
  return wanted.map((blob) => (blob === null ? null : texts[next++]!));
}

export interface MirrorSet {
  items: (RealItem & { story: string })[];
  /** Repositories whose mirror is absent: their texts are left out, named in one line. */
  absent: string[];
}

/** The labelled mirror texts, each read in place at its labelled commit. */
export function loadMirrorSet(labels = MIRROR_LABELS, root = MIRROR_ROOT): MirrorSet {
  if (!existsSync(labels)) return { items: [], absent: [] };
  const all = readMirrorLabels(labels);
  const items: MirrorSet['items'] = [];
  const absent: string[] = [];
  for (const repo of [...new Set(all.map((l) => l.repo))]) {
    const gitDir = mirrorGitDir(repo, root);
    const mine = all.filter((l) => l.repo === repo);
    if (!existsSync(gitDir)) {
      absent.push(`${repo} (${mine.length} labelled texts; no mirror at ${gitDir})`);
      continue;
    }
    const blobs = new Map<MirrorLabel, string | null>();
    for (const commit of new Set(mine.map((l) => l.commit))) {
      const at = mine.filter((l) => l.commit === commit);
      readFiles(
        gitDir,
        commit,
        at.map((l) => l.path),
      ).forEach((t, k) => blobs.set(at[k]!, t));
    }
    mine.forEach((l) => {
      const text = blobs.get(l);
      if (text == null) throw new Error(`${labels}: ${repo} ${l.commit}:${l.path} is not in the mirror`);
      const input = vietnewsArticle(
        text
          .split('\n')
          .slice(l.line - 1)
          .join('\n'),
      );
      // A story id groups the copies of one story (VietNews republishes some articles across its
      // splits), so the text's own id is its place in the repository.
      const id = `${l.repo}:${l.path}:${l.line}`;
      items.push({ id, story: l.story, label: l.label, kind: kindOf(l.label, input), input, why: '' });
    });
  }
  return { items, absent };
}
