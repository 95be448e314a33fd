// A local outlet that attacks its crawler, for the hostile-outlet suite: one host on loopback
// (reached through the origin map, as tests reach every outlet) whose feeds, sitemaps, listing and
// pages try what a hostile or broken site would. A second loopback server, the canary, stands
// for everything tinwatch must never reach (Redis, a cloud metadata service, an intranet page):
// every request it hears is a failure of the guard. Texts are the project's own eval articles.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import iconv from 'iconv-lite';
import { listenLocal } from './http-receiver.js';
import { classifiedOnTopicArticles, testArticlePage } from './test-source.js';

export const HOSTILE_HOST = 'hostile.example.vn';
const ORIGIN = `https://${HOSTILE_HOST}`;

/** The links of the huge listing: /tin/bai-1000000.html … */
export const LISTING_LINKS = 10_000;
/** Byte-for-byte size of the oversized page: over the 5 MB page cap. */
const OVERSIZED_BYTES = 6 * 1024 * 1024;

/** Pages with one attack each; the path names it. */
export const PAGE = {
  changing: '/tin/thay-doi-moi-lan-2000001.html',
  garbled: '/tin/ma-hong-2000002.html',
  badBytesInScript: '/tin/byte-la-trong-script-2000003.html',
  oversized: '/tin/qua-lon-2000004.html',
  redirectInward: '/tin/chuyen-huong-vao-trong-2000005.html',
  futureDated: '/tin/ngay-tuong-lai-2000006.html',
} as const;

export interface HostileOutlet {
  /** Origin map entry: the outlet's real origin → this server. */
  originMap: Record<string, string>;
  /** Paths requested on the outlet, in order. */
  hits: string[];
  /** Requests the canary heard (must stay empty). */
  canaryHits: string[];
  close(): Promise<void>;
}

export async function startHostileOutlet(): Promise<HostileOutlet> {
  // Stories the classifier takes as on topic, so a page's fate depends only on its attack.
  const stories = classifiedOnTopicArticles();
  const story = (i: number) => stories[i % stories.length]!;
  // The attack pages take stories from the end of the set, the listing from the start.
  const last = (k: number) => stories[stories.length - k]!;
  const canaryHits: string[] = [];
  const canary = await listenLocal((req, res) => {
    canaryHits.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    res.end('canary');
  });
  const canaryPort = new URL(canary.base).port;
  // Places an SSRF would reach: the canary by loopback literal, by IPv4-mapped IPv6 (as the URL
  // parser rewrites it, to hex), on the outlet's name with a port, and cloud metadata.
  const inward = (file: string) => [
    `http://127.0.0.1:${canaryPort}/${file}`,
    `http://[::ffff:127.0.0.1]:${canaryPort}/${file}`,
    `http://2130706433:${canaryPort}/${file}`,
    `${ORIGIN}:${canaryPort}/${file}`,
    `http://169.254.169.254/latest/meta-data/${file}`,
  ];
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  let changingServed = 0;

  const rssItem = (link: string, pubDate: string) =>
    `<item><title>Tin</title><link>${link}</link><pubDate>${pubDate}</pubDate></item>`;
  const rss = (items: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title>${items.join('')}</channel></rss>`;

  const handler = (req: IncomingMessage, res: ServerResponse): unknown => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.push(path);
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') =>
      res.writeHead(200, { 'content-type': type }).end(body);
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(body);

    if (path === '/robots.txt') return void res.end('User-agent: *\nAllow: /\n');
    if (path === '/rss/slow.rss') {
      // Slow-loris: headers, then a byte now and then, never the end.
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
      return;
    }
    if (path === '/rss/main.rss') {
      // A new ETag on every fetch, items dated 9999 and 2100, and links that point inward.
      res.setHeader('etag', `"${Date.now()}-${Math.random()}"`);
      return xml(
        rss([
          ...Object.values(PAGE).map((p) => rssItem(`${ORIGIN}${p}`, 'Fri, 31 Dec 9999 23:59:59 GMT')),
          ...inward('tin/ssrf-3000001.html').map((u) => rssItem(u, 'Mon, 01 Jan 2100 00:00:00 GMT')),
        ]),
      );
    }
    const index = /^\/sitemap\/index-(\d+)\.xml$/.exec(path);
    if (index) {
      // An index that names two deeper indexes, for ever, and sitemaps at inward addresses.
      const n = Number(index[1]);
      const children = [`${ORIGIN}/sitemap/index-${2 * n + 1}.xml`, `${ORIGIN}/sitemap/index-${2 * n + 2}.xml`];
      return xml(
        `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
          ...inward('sitemap.xml'),
          ...children,
        ]
          .map((u) => `<sitemap><loc>${u}</loc><lastmod>2100-01-01T00:00:00Z</lastmod></sitemap>`)
          .join('')}</sitemapindex>`,
      );
    }
    if (path === '/danh-muc') {
      const links: string[] = [];
      for (let i = 0; i < LISTING_LINKS; i++)
        links.push(`<a class="tin" href="/tin/bai-${1_000_000 + i}.html">Tin ${i}</a>`);
      return html(`<html><body>${links.join('\n')}</body></html>`);
    }
    const listed = /^\/tin\/bai-(\d{7})\.html$/.exec(path);
    if (listed) return html(testArticlePage(story(Number(listed[1]) - 1_000_000)));

    switch (path) {
      case PAGE.changing: {
        // Different text on every fetch: fetched once, written once.
        changingServed++;
        const a = last(1);
        return html(testArticlePage({ ...a, title: `${a.title} (${changingServed})` }));
      }
      case PAGE.garbled: {
        // UTF-8 text read as windows-1252 and sent as UTF-8 again: mojibake in every charset.
        const page = testArticlePage(last(2));
        return html(Buffer.from(iconv.decode(Buffer.from(page, 'utf8'), 'windows-1252'), 'utf8'));
      }
      case PAGE.badBytesInScript: {
        const page = testArticlePage(last(3), '<script src="/js/a\u0000.js"></script>');
        const bytes = Buffer.from(page, 'utf8');
        const nul = bytes.indexOf(0);
        // Six bytes that are not UTF-8, where the NUL was: inside the script URL only.
        return html(
          Buffer.concat([
            bytes.subarray(0, nul),
            Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
            bytes.subarray(nul + 1),
          ]),
        );
      }
      case PAGE.oversized: {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let sent = 0; sent < OVERSIZED_BYTES; sent += chunk.length) res.write(chunk);
        return void res.end();
      }
      case PAGE.redirectInward:
        return void res.writeHead(302, { location: `http://[::ffff:7f00:1]:${canaryPort}/steal` }).end();
      case PAGE.futureDated:
        return html(
          testArticlePage(last(4)).replace(
            '<html><body>',
            '<html><head><meta property="article:published_time" content="2100-01-01T00:00:00+07:00"></head><body>',
          ),
        );
      default:
        res.writeHead(404).end();
    }
  };

  const outlet = await listenLocal(handler);
  outlet.server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    originMap: { [ORIGIN]: outlet.base },
    hits,
    canaryHits,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => outlet.server.close(r));
      await new Promise((r) => canary.server.close(r));
    },
  };
}
