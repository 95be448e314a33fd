// Bad day: a story whose title carries U+FFFE, U+FFFF, a C0 control or a lone surrogate (issue 32,
// finding 5). Written as-is, one such title made /feeds/all.atom invalid XML for every reader for as
// long as the story was among the newest 50. The feeds drop the characters XML forbids: whatever
// the title and lead, the Atom feed parses with a strict XML parser (jsdom's) and says the same
// text less those characters, and the JSON feed carries no lone surrogate or non-character.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, type FeedEntry } from '../../../app/dashboard/feeds.js';
import { dashboardApp } from '../../../app/dashboard/dashboard.js';
import { xmlSafeText } from '../../../src/text/xml-chars.js';
import { testRuntime } from '../../helpers/test-runtime.js';
import { WRITTEN, writtenOut } from '../../helpers/written-out.js';

const meta = {
  title: 'tinwatch',
  selfUrl: 'http://127.0.0.1/feeds/all.atom',
  homeUrl: 'http://127.0.0.1/',
  id: 'urn:t',
};

function entry(title: string, lead: string): FeedEntry {
  return {
    article: {
      id: '00000000000000f1',
      url: 'https://outlet.example/a.html',
      outlet: 'Outlet',
      title,
      matched_rules: ['r'],
      written_at: '2026-08-20T00:00:00Z',
    } as FeedEntry['article'],
    lead,
  };
}

/** The document, parsed by a strict XML parser: throws on anything not well-formed. */
/** What a reader gets for a text: the forbidden characters gone, line ends as XML reads them. */
const asRead = (text: string): string => xmlSafeText(text).replace(/\r\n?/g, '\n');

const parseXml = (xml: string): Document => new JSDOM(xml, { contentType: 'application/xml' }).window.document;

// Every UTF-16 code unit, lone surrogates and controls included, with the troublemakers made likely.
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\uFFFE',
      '\uFFFF',
      '\u0000',
      '\u0001',
      '\u000B',
      '\u001F',
      '\uD800',
      '\uDFFF',
      '&',
      '<',
      '"',
      ']]>',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
  ),
});

describe('bad day: XML-illegal characters in a story', () => {
  it('any title and lead give a well-formed Atom feed that says them less the forbidden characters', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, lead) => {
        const doc = parseXml(atomFeed(meta, [entry(title, lead)]));
        expect(doc.querySelector('entry > title')!.textContent).toBe(asRead(title));
        if (xmlSafeText(lead).trim()) expect(doc.querySelector('entry > summary')!.textContent).toBe(asRead(lead));
      }),
      { numRuns: 100 },
    );
  });

  it('any title gives a JSON feed with only well-formed, XML-safe strings', () => {
    fc.assert(
      fc.property(hostileText, (title) => {
        const feed = JSON.parse(jsonFeed(meta, [entry(title, title)])) as { items: { title: string }[] };
        const t = feed.items[0]!.title;
        expect(t).toBe(xmlSafeText(title));
        // Nothing left to drop: no lone surrogate, non-character or control.
        expect(xmlSafeText(t)).toBe(t);
      }),
      { numRuns: 100 },
    );
  });

  describe('served by the dashboard', () => {
    let rt: Awaited<ReturnType<typeof testRuntime>>;
    beforeAll(async () => {
      const bad = { ...WRITTEN[0]!, title: 'Tập trận\uFFFE chung\uFFFF \u0001mùa thu\uD800' };
      rt = await testRuntime({ outDir: writtenOut([bad, ...WRITTEN.slice(1)]), outFolder: 'none' });
    });
    afterAll(async () => rt?.cleanup());

    it('/feeds/all.atom stays valid XML with the story in it', async () => {
      const app = dashboardApp(rt, { boundHost: '127.0.0.1', loopback: true });
      const res = await app.request('http://127.0.0.1/feeds/all.atom', { headers: { host: '127.0.0.1' } });
      expect(res.status).toBe(200);
      const doc = parseXml(await res.text());
      const titles = [...doc.querySelectorAll('entry > title')].map((t) => t.textContent);
      expect(titles).toContain('Tập trận chung mùa thu');
      expect(titles).toHaveLength(WRITTEN.length);
      const json = await app.request('http://127.0.0.1/feeds/all.json', { headers: { host: '127.0.0.1' } });
      expect((JSON.parse(await json.text()) as { items: { title: string }[] }).items.map((i) => i.title)).toContain(
        'Tập trận chung mùa thu',
      );
    });
  });
});
