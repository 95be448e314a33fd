// A rendered page from a hostile outlet cannot make Chromium reach inward: its image, script and
// fetch() to a loopback canary, and a navigation redirected (over two hops) to the canary, are all
// aborted — the canary hears nothing — while the outlet's own pages still render, through a
// redirect within the outlet too.
import type http from 'node:http';
import { listenLocal } from '../helpers/http-receiver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../config/source-schema.js';
import { createBrowserFetcher } from '../../crawlers/browser-fetcher.js';
import { createOriginMap } from '../../base/url/origin-map.js';

const HOST = 'hostile.example.vn';

describe('browser requests pass the SSRF guard', () => {
  const canaryHits: string[] = [];
  let canary: { server: http.Server; base: string };
  let outlet: { server: http.Server; base: string };

  beforeAll(async () => {
    canary = await listenLocal((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('ok');
    });
    const port = new URL(canary.base).port;
    outlet = await listenLocal((req, res) => {
      const p = req.url ?? '';
      if (p === `/${HOST}/news/page-123456.html`) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html><body><h1>Tin</h1><p id="own">own text</p>
<img src="${canary.base}/img"><script src="http://[::ffff:7f00:1]:${port}/script.js"></script>
<script>fetch('${canary.base}/xhr').catch(() => {}); document.getElementById('own').textContent = 'rendered';</script>
</body></html>`);
      } else if (p === `/${HOST}/news/moved-123456.html`) {
        // The replay convention: an outlet's redirect names the local base the origin map serves.
        res.writeHead(302, { location: `${outlet.base}/${HOST}/news/moved-again-123456.html` }).end();
      } else if (p === `/${HOST}/news/old-654321.html`) {
        res.writeHead(301, { location: `${outlet.base}/${HOST}/news/page-123456.html` }).end();
      } else if (p === `/${HOST}/news/moved-again-123456.html`) {
        res.writeHead(302, { location: `${canary.base}/navigation` }).end();
      } else res.writeHead(404).end();
    });
  });
  afterAll(() => {
    canary.server.close();
    outlet.server.close();
  });

  it('renders the outlet’s page and aborts every request inward', async () => {
    const source = sourceSchema.parse({
      id: 'hostile',
      name: 'Hostile',
      homepage: `https://${HOST}/`,
      hosts: [HOST],
      render: 'browser',
      discovery: { feeds: [`https://${HOST}/rss.xml`] },
      articleUrlPattern: '-\\d{6}\\.html$',
      extract: { title: ['h1'], body: ['p'] },
      provenance: 'test',
    });
    const originMap = createOriginMap({ [`https://${HOST}`]: `${outlet.base}/${HOST}` });
    const pages: { url: string; body: string }[] = [];
    const failures: string[] = [];
    await createBrowserFetcher(source, originMap).fetchAll(
      [
        {
          url: `https://${HOST}/news/page-123456.html`,
          label: 'article',
          data: { canonicalUrl: `https://${HOST}/news/page-123456.html` },
        },
        {
          url: `https://${HOST}/news/moved-123456.html`,
          label: 'article',
          data: { canonicalUrl: `https://${HOST}/news/moved-123456.html` },
        },
        {
          url: `https://${HOST}/news/old-654321.html`,
          label: 'article',
          data: { canonicalUrl: `https://${HOST}/news/old-654321.html` },
        },
      ],
      async (p) => {
        pages.push({ url: p.finalUrl, body: p.body });
      },
      async (f) => {
        failures.push(f.request.url);
      },
    );
    // The page itself, and the same page reached through a redirect within the outlet (its
    // address is the last hop's).
    expect(pages.map((p) => p.url)).toEqual([
      `https://${HOST}/news/page-123456.html`,
      `https://${HOST}/news/page-123456.html`,
    ]);
    for (const p of pages) expect(p.body).toContain('rendered');
    expect(failures).toEqual([`https://${HOST}/news/moved-123456.html`]);
    expect(canaryHits).toEqual([]);
  }, 120_000);
});
