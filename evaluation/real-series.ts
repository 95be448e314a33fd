// Real recurring columns for the dedupe eval: pieces of one templated column published on
// different days (a gold-price report, a weather forecast, a lottery draw, a news round-up), read
// in place from the VietNews mirror (ThanhChinhBK/vietnews, 2016–2019; third-party text, never
// copied). Two days of one column are two stories, however alike their template (issue 34 (a)).
//
// Columns are found from the titles, not from a list of names: a title that starts with a few
// words and then a day/month date ("<words> 17/9: …") belongs to the column of those words, and a
// column is a run of at least MIN_PIECES such titles. Each piece is paired with the pieces of the
// next two dates of its column: adjacent days are the hard case (a forecast names tomorrow, a
// draw names the last jackpot). A pair whose lead and body are the same text (one article filed
// under two dates) is left out. Sentence alignment (real-pair-labels) cannot label these pairs: a
// column's template makes two days' sentences align, which is what makes them hard.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { NewsDoc } from './real-news-corpus.js';
import { labelPair, type LabelledPair } from './real-pair-labels.js';
import { MIRROR_ROOT, mirrorGitDir, readFiles, vietnewsArticle } from './mirror-relevance-set.js';

export const SERIES_REPO = 'ThanhChinhBK/vietnews';
export const SERIES_COMMIT = 'a20d9b7f5d37b95f39f28f08999092f9fa400983';
/** A column: this many titles with the same opening words before a date. */
const MIN_PIECES = 8;
/** Each piece against the pieces of this many following dates of its column. */
const NEXT_DATES = 2;

export interface SeriesTitle {
  path: string;
  column: string;
  /** Day-of-year order of the title's date (month × 32 + day): the year is not in the title. */
  order: number;
  date: string;
}

const TITLE_DATE = /^(.{6,60}?)\s*\(?\s*(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\b/iu;

/** The column and date of a (word-segmented) title, or null when it opens with no date. */
export function seriesTitle(path: string, title: string): SeriesTitle | null {
  const m = TITLE_DATE.exec(title.replace(/_/g, ' '));
  if (!m) return null;
  const [day, month] = [Number(m[2]), Number(m[3])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const column = m[1]!
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (column.split(' ').length < 2) return null;
  return { path, column, order: month * 32 + day, date: `${day}/${month}` };
}

/** Titles opening with a date, from every file's first line (git grep: no checkout). */
function datedTitles(gitDir: string): SeriesTitle[] {
  const r = spawnSync(
    'git',
    ['--git-dir', gitDir, 'grep', '-n', '-m', '1', '-E', '[0-9]{1,2}/[0-9]{1,2}', SERIES_COMMIT, '--', 'data'],
    { maxBuffer: 1 << 28 },
  );
  if (r.status !== 0) throw new Error(`git grep in ${gitDir}: ${r.stderr.toString()}`);
  const out: SeriesTitle[] = [];
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const m = /^[0-9a-f]+:([^:]+):1:(.*)$/.exec(line);
    const t = m ? seriesTitle(m[1]!, m[2]!) : null;
    if (t) out.push(t);
  }
  return out;
}

/** Pairs of one column's pieces: each against those of its next NEXT_DATES dates. */
export function columnPairs(pieces: readonly SeriesTitle[]): [SeriesTitle, SeriesTitle][] {
  const dates = [...new Set(pieces.map((p) => p.order))].sort((a, b) => a - b);
  const out: [SeriesTitle, SeriesTitle][] = [];
  dates.forEach((d, i) => {
    const later = new Set(dates.slice(i + 1, i + 1 + NEXT_DATES));
    for (const a of pieces.filter((p) => p.order === d))
      for (const b of pieces.filter((p) => later.has(p.order))) out.push([a, b]);
  });
  return out;
}

const sameText = (a: NewsDoc, b: NewsDoc): boolean =>
  a.lead === b.lead && a.paragraphs.join('\n') === b.paragraphs.join('\n');

export interface RealSeries {
  pairs: LabelledPair[];
  columns: number;
  pieces: number;
  /** Pairs left out because lead and body are one text (one article filed under two dates). */
  copiesLeftOut: number;
}

export const seriesMirrorPresent = (root = MIRROR_ROOT): boolean => existsSync(mirrorGitDir(SERIES_REPO, root));

/**
 * Every column's pairs, labelled apart (kind: the column's opening words). A pair's `cluster` is
 * the first piece's file number, so the halves split by it (even: development, odd: held out).
 */
export function loadRealSeries(root = MIRROR_ROOT): RealSeries {
  const gitDir = mirrorGitDir(SERIES_REPO, root);
  const byColumn = new Map<string, SeriesTitle[]>();
  for (const t of datedTitles(gitDir)) {
    const pieces = byColumn.get(t.column);
    if (pieces) pieces.push(t);
    else byColumn.set(t.column, [t]);
  }
  const columns = [...byColumn.values()].filter((v) => v.length >= MIN_PIECES);
  const pieces = columns.flat();
  const texts = readFiles(
    gitDir,
    SERIES_COMMIT,
    pieces.map((p) => p.path),
  );
  const docs = new Map<string, NewsDoc>();
  pieces.forEach((p, i) => {
    const a = vietnewsArticle(texts[i] ?? '');
    const number = /(\d+)\.txt/.exec(p.path)?.[1] ?? '0';
    docs.set(p.path, {
      id: `${SERIES_REPO}:${p.path}`,
      onTopic: false,
      kind: p.column,
      event: null,
      title: a.title,
      lead: a.lead,
      paragraphs: [...a.body],
      cluster: `${p.path.includes('/train') ? 'train' : p.path.includes('/val') ? 'val' : 'test'}${number}`,
      outlet: 'vietnews',
      url: '',
      day: null,
      author: '',
    });
  });
  const pairs: LabelledPair[] = [];
  let copiesLeftOut = 0;
  for (const col of columns)
    for (const [x, y] of columnPairs(col)) {
      const [a, b] = [docs.get(x.path)!, docs.get(y.path)!];
      if (sameText(a, b)) {
        copiesLeftOut++;
        continue;
      }
      const { sentenceCover } = labelPair(a, b);
      pairs.push({ id: `${x.path}~${y.path}`, a, b, label: 'apart', kind: x.column, sentenceCover });
    }
  return { pairs, columns: columns.length, pieces: pieces.length, copiesLeftOut };
}
