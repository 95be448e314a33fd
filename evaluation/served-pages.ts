// Pages as the outlets served them, kept by public repositories (scrapers' test fixtures), for
// the outlets whose selectors had never met one (issue 35, item 5). Only where each page is
// kept is written here (repository, path, commit, the article's URL); the page itself is read in
// place from a snapshot of that repository, never copied: TINWATCH_SNAPSHOTS names a folder
// holding snapshots as `<owner>+<name>/repo` git directories (or bare `<owner>+<name>`). A page
// whose snapshot is absent is reported as such in one line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { load } from 'cheerio/slim';
import { decodeHTML } from 'entities';
import path from 'node:path';
import { genericSource } from '../config/generic-source.js';
import { sourceForUrl } from '../config/load-sources.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { readPageMetadata } from '../src/extract/page-metadata.js';
import { decodePage } from '../src/text/decode-page.js';

export interface ServedPage {
  outlet: string;
  repo: string;
  path: string;
  commit: string;
  url: string;
}

/** Where each page is kept. Pages of repositories no snapshot could be had of are listed too. */
export const SERVED_PAGES: readonly ServedPage[] = [
  {
    outlet: 'baochinhphu',
    repo: 'meth04/tracking_news-mcp',
    path: 'tests/fixtures/baochinhphu_article.html',
    commit: 'a10a806b36ecc1be09ae1a47c0e06f880eed9e77',
    url: 'https://baochinhphu.vn/chinh-sach-moi-co-hieu-luc-tu-thang-3-2026-102260228093004191.htm',
  },
  {
    outlet: 'vtv',
    repo: 'braycolony1y/my-rss-reader',
    path: 'vtv.html',
    commit: '227f00c117088b69bf5e3175666820b2859c56f8',
    url: 'https://vtv.vn/mot-giao-vien-truong-thpt-chuyen-tuyen-quang-lien-quan-vu-gian-lan-thi-cu-den-dau-thu-100260717183037249.htm',
  },
  {
    outlet: 'vov',
    repo: 'braycolony1y/my-rss-reader',
    path: 'vov.html',
    commit: '227f00c117088b69bf5e3175666820b2859c56f8',
    url: 'https://vov.vn/the-thao/argentina-doi-dien-an-phat-tu-fifa-sau-khi-vao-chung-ket-world-cup-2026-post1315698.vov',
  },
  {
    outlet: 'nhandan',
    repo: 'braycolony1y/my-rss-reader',
    path: 'nhandan_test.html',
    commit: '227f00c117088b69bf5e3175666820b2859c56f8',
    url: '',
  },
  {
    outlet: 'tienphong',
    repo: 'braycolony1y/my-rss-reader',
    path: 'test/fixtures/tienphong-1874068.html',
    commit: 'c0668b9192734987c02847812dfecf583caffead',
    url: 'https://tienphong.vn/post1874068.tpo',
  },
];

export const SNAPSHOTS_DIR = process.env.TINWATCH_SNAPSHOTS ?? '';

function gitDirOf(repo: string): string | null {
  if (!SNAPSHOTS_DIR) return null;
  const base = path.join(SNAPSHOTS_DIR, repo.replace('/', '+'));
  for (const dir of [path.join(base, 'repo'), base]) if (existsSync(path.join(dir, 'HEAD'))) return dir;
  return null;
}

export interface ServedPageCheck {
  page: ServedPage;
  /** Why the page could not be read here, when it could not. */
  missing?: string;
  source?: string;
  title?: string;
  titleIsHeadline?: boolean;
  leadIsDescription?: boolean;
  paragraphs?: number;
  bodyChars?: number;
  fallbacks?: string[];
  refused?: string;
}

// Some CMSs escape their meta tags twice ("Ch&#237;nh"): the page's own word, decoded once more.
const plain = (s: string): string => decodeHTML(s).normalize('NFC').trim();
const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && plain(a) === plain(b);
/** The lead is the description, the outlet's wire tag ("(Chinhphu.vn) - ") aside. */
const sameLead = (lead: string | null, description: string | undefined): boolean =>
  !!lead && !!description && plain(lead).endsWith(plain(description));

/**
 * Reads one page with its outlet's source file and says how the selectors fared: the title
 * against the page's own headline (JSON-LD, else og:title), the lead against its description,
 * the body's size, and which fields fell back to the generic reading.
 */
export function checkServedPage(page: ServedPage): ServedPageCheck {
  const gitDir = gitDirOf(page.repo);
  if (!gitDir) return { page, missing: `no snapshot of ${page.repo} (TINWATCH_SNAPSHOTS)` };
  let bytes: Buffer;
  try {
    bytes = execFileSync('git', ['--git-dir', gitDir, 'show', `${page.commit}:${page.path}`], {
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return { page, missing: `${page.path} not in the snapshot at ${page.commit.slice(0, 7)}` };
  }
  const html = decodePage(bytes, 'text/html').text;
  const url = page.url || (readPageMetadata(load(html)).canonical ?? '');
  const source = sourceForUrl(url) ?? genericSource(url);
  const meta = readPageMetadata(load(html));
  const res = extractArticle(html, url, source);
  if (!res.ok) return { page, source: source.id, refused: res.reason };
  const a = res.article;
  return {
    page,
    source: source.id,
    title: a.title,
    titleIsHeadline: same(a.title, meta.title),
    leadIsDescription: sameLead(a.lead, meta.description),
    paragraphs: a.paragraphs.length,
    bodyChars: a.paragraphs.join(' ').length,
    fallbacks: a.fallbacks,
  };
}
