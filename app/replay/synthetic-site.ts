// Builds the benchmark's synthetic site tree: 5,000 article pages across 12 outlets in the
// VnExpress layout, one RSS feed per outlet, text drawn from the project's own hand-written
// sentences (nothing outside the repository). Most pages are
// on topic and distinct; every 20th repeats another page's text (a wire duplicate) and every
// 10th is off topic, so dedupe and relevance do real work.
// A page carries what a news site wraps around every article (page-chrome.ts: section menu,
// inline state script, icons, related and most-read teasers, footer), the size of real article
// pages. With the article markup alone the benchmark measured per-page overhead on pages no
// outlet serves; the report still gives one pair of runs on such pages (`chrome: false`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceSchema, type SourceConfig } from '../../config/source-schema.js';
import { escapeHtml as esc } from '../../src/alert/alert-content.js';
import { pageChrome } from './page-chrome.js';
import { projectPath } from '../../config/project-root.js';
import { sourceById } from '../../config/load-sources.js';

export const OUTLETS = 12;

/** Every sentence (over 40 characters) of the project's hand-written evaluation texts. */
function ownSentences(): string[] {
  const lines = readFileSync(projectPath('evaluation', 'own-set', 'articles.txt'), 'utf8').split('\n');
  const paras = lines.filter((l) => l.startsWith('P: ') || l.startsWith('L: ')).map((l) => l.slice(3));
  return [...new Set(paras.flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((x) => x.length > 40))];
}

/**
 * When page n was published: a day of August 2026 at 08:00 Vietnam time. The feed lists each page
 * with its own date, as outlets do (a page far older than its listing is judged stale).
 */
function pagePublished(n: number): Date {
  return new Date(Date.UTC(2026, 7, 1 + (n % 28), 1, 0, 0));
}

export function benchHost(i: number): string {
  return `o${i}.bench.local`;
}

export function benchSources(): SourceConfig[] {
  return Array.from({ length: OUTLETS }, (_, i) =>
    sourceSchema.parse({
      ...sourceById('vnexpress'),
      id: `bench-${i}`,
      name: `Bench outlet ${i}`,
      homepage: `https://${benchHost(i)}/`,
      hosts: [benchHost(i)],
      discovery: { feeds: [`https://${benchHost(i)}/rss.xml`], listings: [] },
      articleUrlPattern: `^https://o${i}\\.bench\\.local/[a-z0-9-]+-\\d{7}\\.html$`,
    }),
  );
}

export function articleUrl(n: number, layout: SiteLayout = BENCH_LAYOUT): string {
  return `https://${layout.host(n % layout.outlets)}/bai-viet-so-${n}-${String(1_000_000 + n)}.html`;
}

/** Where the pages go: the benchmark's 12 synthetic outlets, or one real outlet's host (tests). */
export interface SiteLayout {
  outlets: number;
  host(i: number): string;
  feedPath: string;
}

export const BENCH_LAYOUT: SiteLayout = { outlets: OUTLETS, host: benchHost, feedPath: 'rss.xml' };

export interface BenchSiteWriter {
  /** Writes article page n (its text fixed by n, dated `publishedAt` if given) and returns its URL. */
  writePage(n: number, publishedAt?: Date): string;
  /** Writes each outlet's RSS feed listing the given pages (newest last). */
  writeFeeds(pages: readonly number[]): void;
}

export interface BenchSiteOptions {
  /** Wrap each article in a news site's page chrome (default), or serve the article markup alone. */
  chrome?: boolean;
  /**
   * With the chrome, the bulk real pages carry (inline state script, icons, more teaser boxes;
   * default), or menus, teasers and footer alone (the crash tests, whose pages need not weigh
   * what the benchmark's do).
   */
  bulk?: boolean;
}

export function benchSiteWriter(
  root: string,
  layout: SiteLayout = BENCH_LAYOUT,
  opts: BenchSiteOptions = {},
): BenchSiteWriter {
  const withChrome = opts.chrome ?? true;
  // Distinct stories must not look like edited copies of each other to the near-duplicate
  // detector: each draws its own 14 of the project's own hand-written sentences (the labelled
  // texts of the evaluation set, written here) in its own order, so two stories share well under
  // one sentence on average, as different articles on one beat do.
  const sentences = ownSentences();
  const storyParas = (d: number): string[] => {
    let x = (d + 1) * 0x9e3779b1;
    const next = () => {
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ (x + 0x6d2b79f5);
      return (x >>> 0) / 2 ** 32;
    };
    const pool = [...sentences];
    const picked: string[] = [];
    while (picked.length < 14) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return [0, 2, 4, 7, 9, 12].map((start, k, starts) => picked.slice(start, starts[k + 1] ?? 14).join(' '));
  };
  const offTopic = [
    'Giá vàng trong nước hôm nay tăng mạnh theo đà thế giới, các cửa hàng kinh doanh vàng bạc đông khách từ sáng sớm.',
    'Đội tuyển bóng đá nữ giành chiến thắng thuyết phục trong trận giao hữu cuối tuần, chuẩn bị cho giải đấu khu vực.',
    'Thời tiết miền Bắc chuyển lạnh, nhiệt độ thấp nhất tại vùng núi có nơi dưới 10 độ C trong những ngày tới.',
  ];
  // A teaser of another story: its title and the opening of one of its sentences.
  const teaserOf = (d: number): { id: number; title: string; sapo: string } => ({
    id: d,
    title: `Hàn Quốc, Mỹ thảo luận hợp tác quốc phòng (bài ${d})`,
    sapo: sentences[d % sentences.length]!.slice(0, 160),
  });
  for (let i = 0; i < layout.outlets; i++) mkdirSync(path.join(root, layout.host(i)), { recursive: true });
  /** Page n, dated `publishedAt` when given (a page published now), its own August day otherwise. */
  const writePage = (n: number, publishedAt?: Date): string => {
    const url = articleUrl(n, layout);
    const dupOf = n % 20 === 19 ? n - 7 : n; // wire copy of another outlet's story
    const paras =
      n % 10 === 3
        ? [...offTopic, `Bản tin số ${dupOf}.`]
        : storyParas(dupOf).concat(
            `Theo nguồn tin số ${dupOf}, hai đồng minh Hàn Quốc và Mỹ sẽ tiếp tục tham vấn về quốc phòng.`,
          );
    const title = n % 10 === 3 ? `Tin trong nước số ${n}` : `Hàn Quốc, Mỹ thảo luận hợp tác quốc phòng (bài ${dupOf})`;
    const pubdate = (publishedAt ?? pagePublished(n)).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const chrome = withChrome
      ? pageChrome({
          n,
          url,
          title,
          pubdate,
          bulk: opts.bulk ?? true,
          teasers: (k) => teaserOf((n * 31 + k * 17) % 9_973),
        })
      : { head: '', header: '', aside: '', footer: '' };
    const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="pubdate" content="${pubdate}">${chrome.head}</head><body>
<header class="header"><nav><a href="/">Trang chủ</a><a href="/the-gioi">Thế giới</a></nav>${chrome.header}</header>
<section class="section page-detail"><div class="container">
<ul class="breadcrumb"><li><a href="/the-gioi">Thế giới</a></li></ul>
<h1 class="title-detail">${esc(title)}</h1>
<p class="description">${esc(paras[0]!)}</p>
<article class="fck_detail">
${paras
  .slice(1)
  .map((p) => `<p class="Normal">${esc(p)}</p>`)
  .join('\n')}
<figure class="tplCaption"><img src="/img/${n}.jpg" alt=""><figcaption><p class="Image">Ảnh minh họa. Ảnh: Yonhap</p></figcaption></figure>
<p class="Normal" style="text-align:right;"><strong>Phóng viên ${n % 50}</strong></p>
</article>
<div class="footer-content"><div class="social_pin">Chia sẻ</div></div>${chrome.aside}
</div></section>${chrome.footer}</body></html>`;
    writeFileSync(path.join(root, layout.host(n % layout.outlets), `bai-viet-so-${n}-${1_000_000 + n}.html`), html);
    return url;
  };
  const writeFeeds = (pages: readonly number[]): void => {
    for (let i = 0; i < layout.outlets; i++) {
      const items = pages
        .filter((n) => n % layout.outlets === i)
        .map(
          (n) =>
            `<item><title>bài</title><link>${articleUrl(n, layout)}</link><pubDate>${pagePublished(n).toUTCString()}</pubDate></item>`,
        )
        .join('\n');
      mkdirSync(path.dirname(path.join(root, layout.host(i), layout.feedPath)), { recursive: true });
      writeFileSync(
        path.join(root, layout.host(i), layout.feedPath),
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench</title>${items}</channel></rss>`,
      );
    }
  };
  return { writePage, writeFeeds };
}

export function buildBenchSite(
  root: string,
  pages = 5_000,
  layout: SiteLayout = BENCH_LAYOUT,
  opts: BenchSiteOptions = {},
): string[] {
  const w = benchSiteWriter(root, layout, opts);
  const all = Array.from({ length: pages }, (_, n) => n);
  const urls = all.map((n) => w.writePage(n));
  w.writeFeeds(all);
  return urls;
}
