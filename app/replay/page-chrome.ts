// What a news site wraps around every article page, for the benchmark's synthetic outlets: head
// metadata, inline scripts and critical CSS, the section menu, related / most-read / latest
// teasers and a footer of section links, in VnExpress's class names. The article extractor must
// look past all of it (its selectors name the article's own elements); the bare crawler's stock
// CheerioCrawler parses all of it, as it would on a real outlet. Real article pages are mostly an
// inline state script (the page's data for the site's JavaScript), inline SVG icons and teaser
// boxes; this chrome carries the same kinds of bulk, so the synthetic pages weigh what real ones
// do (sizes: BENCHMARKS.md, each pipeline run's command line).
import { escapeHtml as esc } from '../../src/alert/alert-content.js';

const SECTIONS = [
  ['thoi-su', 'Thời sự'],
  ['goc-nhin', 'Góc nhìn'],
  ['the-gioi', 'Thế giới'],
  ['video', 'Video'],
  ['podcast', 'Podcasts'],
  ['kinh-doanh', 'Kinh doanh'],
  ['bat-dong-san', 'Bất động sản'],
  ['khoa-hoc', 'Khoa học'],
  ['giai-tri', 'Giải trí'],
  ['the-thao', 'Thể thao'],
  ['phap-luat', 'Pháp luật'],
  ['giao-duc', 'Giáo dục'],
  ['suc-khoe', 'Sức khỏe'],
  ['doi-song', 'Đời sống'],
  ['du-lich', 'Du lịch'],
  ['so-hoa', 'Số hóa'],
  ['oto-xe-may', 'Xe'],
  ['y-kien', 'Ý kiến'],
] as const;

const SUBSECTIONS = [
  ['tu-lieu', 'Tư liệu'],
  ['phan-tich', 'Phân tích'],
  ['nguoi-viet-5-chau', 'Người Việt 5 châu'],
  ['cuoc-song-do-day', 'Cuộc sống đó đây'],
  ['quan-su', 'Quân sự'],
  ['ho-so', 'Hồ sơ'],
] as const;

export interface Teaser {
  id: number;
  title: string;
  sapo: string;
}

export interface ChromeInput {
  n: number;
  /** The page's own URL (og:url, the JSON-LD @id). */
  url: string;
  title: string;
  pubdate: string;
  /** The k-th teaser shown around this page (another story). */
  teasers: (k: number) => Teaser;
  /** Add the state script, icons and extra teaser boxes real pages carry (default true). */
  bulk?: boolean;
}

export interface PageChrome {
  head: string;
  header: string;
  aside: string;
  footer: string;
}

const teaserUrl = (t: Teaser): string => `/han-quoc-my-thao-luan-hop-tac-quoc-phong-${4_000_000 + t.id}.html`;

function teaserList(cls: string, heading: string, items: Teaser[], withSapo: boolean): string {
  const li = items.map(
    (t) =>
      `<article class="item-news item-news-common"><p class="thumb-art"><a href="${teaserUrl(t)}" title="${esc(t.title)}"><img src="https://i1-vnexpress.vnecdn.net/2026/08/01/${t.id}.jpg" alt="${esc(t.title)}" loading="lazy"></a></p><h3 class="title-news"><a href="${teaserUrl(t)}" title="${esc(t.title)}">${esc(t.title)}</a></h3>${withSapo ? `<p class="description"><a href="${teaserUrl(t)}">${esc(t.sapo)}</a></p>` : ''}</article>`,
  );
  return `<div class="${cls}"><h2 class="title-box">${heading}</h2>${li.join('\n')}</div>`;
}

/** The page's data for the site's JavaScript, inline as real outlets ship it: every box's stories. */
function stateScript(n: number, items: Teaser[]): string {
  const state = {
    page: { articleId: n, type: 'article', section: 'the-gioi' },
    boxes: items.map((t, k) => ({
      id: 4_000_000 + t.id,
      slot: `box-${k % 12}`,
      title: t.title,
      lead: t.sapo,
      url: teaserUrl(t),
      thumb: { src: `https://i1-vnexpress.vnecdn.net/2026/08/01/${t.id}.jpg`, w: 680, h: 408, crop: '0-0-680-408' },
      stats: { views: (t.id * 37) % 100_000, comments: (t.id * 7) % 300, shares: (t.id * 13) % 900 },
      tags: ['Hàn Quốc', 'Mỹ', 'quốc phòng', 'liên minh'].slice(0, 1 + (k % 4)),
    })),
  };
  return `<script>window.__INITIAL_STATE__=${JSON.stringify(state)};</script>`;
}

/** Inline SVG icons (a sprite), as outlets embed them in every page. */
function iconSprite(): string {
  const icon = (k: number) =>
    `<symbol id="icon-${k}" viewBox="0 0 24 24"><path d="M${k % 24} 2 L${(k * 7) % 24} 22 L${(k * 13) % 24} 12 C 4 ${k % 20} 8 ${(k * 3) % 20} 12 ${(k * 5) % 20} S 20 ${(k * 11) % 20} 22 ${(k * 17) % 20} Z M3 3h18v18H3z M6 6h12v12H6z M9 9h6v6H9z"/></symbol>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${Array.from({ length: 60 }, (_, k) => icon(k)).join('')}</svg>`;
}

export function pageChrome({ n, url, title, pubdate, teasers, bulk = true }: ChromeInput): PageChrome {
  const t = (from: number, count: number): Teaser[] => Array.from({ length: count }, (_, k) => teasers(from + k));
  const head = `
<meta name="description" content="${esc(title)}"><meta name="keywords" content="Hàn Quốc, Mỹ, quốc phòng, liên minh, tập trận">
<meta property="og:type" content="article"><meta property="og:title" content="${esc(title)}"><meta property="og:url" content="${url}">
<meta property="og:image" content="https://i1-vnexpress.vnecdn.net/2026/08/01/${n}.jpg"><meta property="article:published_time" content="${pubdate}">
<link rel="stylesheet" href="https://s1.vnecdn.net/vnexpress/restruct/c/v1000/pc/css/common.css"><link rel="stylesheet" href="https://s1.vnecdn.net/vnexpress/restruct/c/v1000/pc/css/detail.css">
<style>body{margin:0;font:400 16px/1.6 Arial,sans-serif;color:#222}.container{width:1130px;margin:0 auto}.header{height:50px;border-bottom:1px solid #e5e5e5}.main-nav ul{display:flex;list-style:none;margin:0;padding:0}.main-nav li{position:relative;padding:0 10px}.main-nav .sub{display:none;position:absolute;top:40px;left:0;background:#fff;box-shadow:0 4px 8px rgba(0,0,0,.1)}.main-nav li:hover .sub{display:block}.title-detail{font:700 32px/1.3 Merriweather,serif}.description{font-size:18px}.fck_detail p{margin:0 0 1em}.item-news{padding:15px 0;border-bottom:1px solid #e5e5e5}.thumb-art img{width:100%}.sidebar-2{width:300px}.footer{background:#f7f7f7;padding:30px 0}</style>
<script>window.VNE_CONFIG={site:'vnexpress',device:'pc',articleId:${n},categoryId:1001002,categoryName:'Thế giới',parentId:1001002,typeArticle:1,isVideo:0,ads:{enabled:true,zones:['top_banner','sidebar_1','sidebar_2','inread','footer']},comment:{enabled:true,objectType:1,siteId:1000000},cdn:'https://s1.vnecdn.net/vnexpress/restruct/',tracking:{ga:'G-XXXXXXXXXX',fosp:'aid=${n}'}};</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-XXXXXXXXXX',{page_path:location.pathname,article_id:'${n}',category:'the-gioi',author_id:'${n % 50}',published:'${pubdate}'});</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title)},"datePublished":"${pubdate}","dateModified":"${pubdate}","image":["https://i1-vnexpress.vnecdn.net/2026/08/01/${n}.jpg"],"author":{"@type":"Person","name":"Phóng viên ${n % 50}"},"publisher":{"@type":"Organization","name":"VnExpress","logo":{"@type":"ImageObject","url":"https://s1.vnecdn.net/vnexpress/restruct/i/v1000/logo.svg"}},"mainEntityOfPage":{"@type":"WebPage","@id":"${url}"}}</script>
<script async src="https://s1.vnecdn.net/vnexpress/restruct/j/v1000/pc/common.js"></script><script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
${bulk ? stateScript(n, t(40, 300)) : ''}`;
  const header = `
<div class="main-nav"><ul class="parent">${SECTIONS.map(
    ([slug, name]) =>
      `<li class="${slug}"><a href="/${slug}" title="${name}">${name}</a><ul class="sub">${SUBSECTIONS.map(
        ([sub, subName]) => `<li><a href="/${slug}/${sub}" title="${subName}">${subName}</a></li>`,
      ).join('')}</ul></li>`,
  ).join('\n')}</ul></div>
<div class="top-banner" id="banner_top"><div class="ads" data-zone="top_banner" data-size="970x250"></div></div>
${bulk ? iconSprite() : ''}`;
  const aside = `
<div class="box-tinlienquan">${teaserList('list-news-subfolder', 'Tin liên quan', t(0, 5), true)}</div>
<div class="sidebar-2">${teaserList('box-category box-xemnhieu', 'Xem nhiều', t(5, 10), false)}
<div class="ads" data-zone="sidebar_1" data-size="300x600"></div>${teaserList('box-category box-tinmoi', 'Tin mới nhất', t(15, 8), true)}</div>
${bulk ? teaserList('box-category box-goiy', 'Có thể bạn quan tâm', t(23, 20), true) : ''}
${bulk ? teaserList('box-category box-chuyenmuc', 'Tin khác cùng chuyên mục', t(43, 20), true) : ''}`;
  const footer = `
<footer class="footer"><div class="container"><div class="wrap-sitemap">${SECTIONS.map(
    ([slug, name]) =>
      `<ul class="list-sitemap"><li><a href="/${slug}" title="${name}">${name}</a></li>${SUBSECTIONS.slice(0, 3)
        .map(([sub, subName]) => `<li><a href="/${slug}/${sub}">${subName}</a></li>`)
        .join('')}</ul>`,
  ).join('\n')}</div>
<div class="copyright"><p>Báo điện tử tổng hợp (trang mô phỏng cho phép đo)</p><p>Giấy phép số 000/GP-BTTTT. Địa chỉ tòa soạn: số 1 phố Mẫu, Hà Nội</p><p>Điện thoại: 024 0000 0000. Email: toasoan@bench.local</p><p>© 1997-2026. Toàn bộ bản quyền thuộc tòa soạn</p></div></div></footer>`;
  return { head, header, aside, footer };
}
