// A second real development corpus for the dedupe eval: pairs of VietNews texts (ThanhChinhBK/
// vietnews, 2016–2019, Tuổi Trẻ, VnExpress, Người Đưa Tin; third-party text read in place, never
// copied) that share rare sentences or rare names, found across the whole corpus (shared-runs.ts),
// labelled by sentence alignment (real-pair-labels.ts) and ordered and given kinds from the dates
// they state (vietnews-pair-kinds.ts). Unlike the news clusters, nobody grouped these texts: the
// pairs are whatever republications, follow-ups and same-event reports the corpus holds.
//
// Every pair is claimed through Redis, so the pairs of each label are capped (MAX_PAIRS), keeping
// those of least hash of their ids: a sample that does not depend on the rule under test. Stories
// are the connected components of the pairs kept; each story's pairs share a half (parity of a
// hash of its first path: even = development, odd = held out).
import type { NewsDoc } from './real-news-corpus.js';
import type { LabelledPair } from './real-pair-labels.js';
import { mirrorGitDir, MIRROR_ROOT, vietnewsArticle } from './mirror-relevance-set.js';
import { SERIES_COMMIT, SERIES_REPO } from './real-series.js';
import {
  MAX_NAME_TEXTS,
  MAX_RUN_TEXTS,
  MIN_SHARED_NAMES,
  MIN_SHARED_RUNS,
  sharedFeaturePairs,
  stableHash,
  textFeatures,
} from './shared-runs.js';
import { eachFileText, uniqueFiles, type MirrorFile } from './vietnews-files.js';
import { NEW_LEAD, orderedPair } from './vietnews-pair-kinds.js';

/**
 * Pairs scored at most, per label (each is claimed through the index); the grey pairs that align
 * as copies under two leads (NEW_LEAD: mostly follow-ups) are sampled apart from the rest of grey.
 */
export const MAX_PAIRS = { copy: 1500, apart: 1500, grey: 400, newLead: 600 };
type Sample = keyof typeof MAX_PAIRS;

export interface VietnewsPairs {
  pairs: LabelledPair[];
  /** Texts read (each blob once), and files that repeated another file's blob. */
  texts: number;
  repeatedFiles: number;
  /** Candidate pairs by label (and new lead) before the cap. */
  found: Record<Sample, number>;
  /** Candidates whose title, lead and body are one text (one article under two paths): left out. */
  identical: number;
  stories: number;
}

function docOf(file: MirrorFile, text: string): NewsDoc {
  const a = vietnewsArticle(text);
  return {
    id: `${SERIES_REPO}:${file.path}`,
    cluster: '',
    onTopic: false,
    kind: 'real',
    event: null,
    title: a.title,
    lead: a.lead,
    paragraphs: [...a.body],
    outlet: 'vietnews',
    url: '',
    day: null,
    author: '',
  };
}

const sameText = (a: NewsDoc, b: NewsDoc): boolean =>
  a.title === b.title && a.lead === b.lead && a.paragraphs.join('\n') === b.paragraphs.join('\n');

/** Candidate pairs (by file index) sharing rare runs or rare names, each once. */
function candidates(gitDir: string, files: readonly MirrorFile[]): [number, number][] {
  const runs: number[][] = [];
  const names: string[][] = [];
  eachFileText(gitDir, files, (i, text) => {
    const f = textFeatures(text);
    runs[i] = f.runs;
    names[i] = f.names;
  });
  const byKey = new Map<string, [number, number]>();
  for (const p of [
    ...sharedFeaturePairs(runs, MAX_RUN_TEXTS, MIN_SHARED_RUNS),
    ...sharedFeaturePairs(names, MAX_NAME_TEXTS, MIN_SHARED_NAMES),
  ])
    byKey.set(`${p.a}~${p.b}`, [p.a, p.b]);
  return [...byKey.values()];
}

/** Each story (connected component of the pairs) named after a hash of its first text's id. */
function assignStories(pairs: readonly LabelledPair[]): number {
  const parent = new Map<NewsDoc, NewsDoc>();
  const find = (d: NewsDoc): NewsDoc => {
    const p = parent.get(d) ?? d;
    if (p === d) return d;
    const root = find(p);
    parent.set(d, root);
    return root;
  };
  for (const p of pairs) {
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra !== rb) parent.set(ra.id < rb.id ? rb : ra, ra.id < rb.id ? ra : rb);
  }
  const roots = new Set<NewsDoc>();
  for (const d of pairs.flatMap((p) => [p.a, p.b])) {
    const root = find(d);
    roots.add(root);
    d.cluster = `story${stableHash(root.id)}`;
  }
  return roots.size;
}

export function loadVietnewsPairs(root = MIRROR_ROOT): VietnewsPairs {
  const gitDir = mirrorGitDir(SERIES_REPO, root);
  const { files, repeated } = uniqueFiles(gitDir, SERIES_COMMIT, 'data');
  const found = candidates(gitDir, files);
  const wanted = [...new Set(found.flat())].sort((x, y) => x - y);
  const docs = new Map<number, NewsDoc>();
  eachFileText(
    gitDir,
    wanted.map((i) => files[i]!),
    (k, text) => docs.set(wanted[k]!, docOf(files[wanted[k]!]!, text)),
  );
  const byLabel: Record<Sample, (LabelledPair & { hash: number })[]> = { copy: [], apart: [], grey: [], newLead: [] };
  let identical = 0;
  for (const [i, j] of found) {
    const [x, y] = [docs.get(i)!, docs.get(j)!];
    if (sameText(x, y)) {
      identical++;
      continue;
    }
    const p = orderedPair(x, y);
    const id = `${p.a.id}~${p.b.id}`;
    byLabel[p.kind === NEW_LEAD ? 'newLead' : p.label].push({ id, ...p, hash: stableHash(id) });
  }
  const pairs = (Object.keys(byLabel) as Sample[]).flatMap((l) =>
    byLabel[l]
      .sort((x, y) => x.hash - y.hash)
      .slice(0, MAX_PAIRS[l])
      .map(({ hash: _, ...p }) => p),
  );
  const stories = assignStories(pairs);
  return {
    pairs,
    texts: files.length,
    repeatedFiles: repeated,
    found: {
      copy: byLabel.copy.length,
      apart: byLabel.apart.length,
      grey: byLabel.grey.length,
      newLead: byLabel.newLead.length,
    },
    identical,
    stories,
  };
}
