// The shape of a source file in config/sources/. Per-outlet knowledge is data: selectors, feeds,
// URL patterns, time zone. zod checks every file at start-up and names the file and field that
// is wrong, so a typo never turns into a silent empty crawl.
import { parse as parseSelector } from 'css-what';
import { z } from 'zod';

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** A CSS selector that parses (cheerio's own :first, :eq(n)… included); a typo fails at start. */
const cssSelector = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    try {
      parseSelector(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a valid CSS selector (${(err as Error).message})` });
    }
  });

/**
 * A CSS selector, optionally reading an attribute instead of the text, or a key of the JSON in
 * the matched elements (JSON-LD: `{ selector: 'script[type="application/ld+json"]', json:
 * 'datePublished' }`, looked up in the object, its arrays and its @graph).
 */
export const selectorSpec = z.union([
  cssSelector,
  z.strictObject({ selector: cssSelector, attr: z.string().min(1) }),
  z.strictObject({ selector: cssSelector, json: z.string().min(1) }),
]);
export type SelectorSpec = z.infer<typeof selectorSpec>;

const selectorList = z.array(selectorSpec).default([]);

const listingSchema = z.strictObject({
  url: z.url(),
  /** Anchors to article pages on the listing page. */
  linkSelector: cssSelector,
  /** `{n}` is replaced by the page number for pages 2.. (backfill and deep listings). */
  pageUrl: z.string().includes('{n}').optional(),
  /** Pages read on every crawl (1 = the first page only). */
  maxPages: z.number().int().min(1).max(50).default(1),
  /** Deepest page a backfill (`crawl --since`) walks to; outlets cap pagination (Znews ~50). */
  backfillMaxPages: z.number().int().min(1).max(500).default(50),
});

/**
 * A kind of page of the outlet that reads differently (video, live, infographic, long-form
 * "emagazine"), told by its URL: its selector lists replace the source's for those pages ([] =
 * the generic reading), and bodyOptional says its story may be a video or a graphic, so a title
 * and lead alone are the article (written marked partial, never refused for want of prose).
 */
const layoutSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    /** The layout's URLs; with `marker` as well, both must hold. */
    urlPattern: regexString.optional(),
    /**
     * Elements only this layout's pages carry (a live page's `.detail--live` wrapper): the layout
     * is told by its markup where its URLs look like any article's. Any one of them is enough.
     */
    marker: z.array(cssSelector).min(1).optional(),
    extract: z
      .strictObject({
        title: z.array(selectorSpec).optional(),
        lead: z.array(selectorSpec).optional(),
        body: z.array(selectorSpec).optional(),
        drop: z.array(cssSelector).optional(),
      })
      .prefault({}),
    bodyOptional: z.boolean().default(false),
  })
  .refine((l) => l.urlPattern !== undefined || l.marker !== undefined, {
    message: 'a layout is told by a urlPattern, a marker, or both',
  });
export type PageLayout = z.output<typeof layoutSchema>;

const cronField = z.string().regex(/^(\S+\s+){4,5}\S+$/, 'a 5- or 6-field cron expression, e.g. "*/20 * * * *"');

/** What a source says when no page as its outlet served it has confirmed its selectors. */
export const NOT_CHECKED = 'not checked against a served page';

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  homepage: z.url(),
  /** Hosts this source may fetch from; discovery drops links to any other host. */
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
  render: z.enum(['http', 'browser']).default('http'),
  /** Zone for times printed without one (Vietnam +07:00, KBS +09:00). */
  timezone: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/)
    .default('+07:00'),
  schedule: z
    .strictObject({
      cron: cronField.default('*/30 * * * *'),
      /** Each scheduled crawl starts after a random delay up to this, so sources do not align. */
      jitterSeconds: z.number().int().min(0).max(3600).default(90),
    })
    .prefault({}),
  discovery: z.strictObject({
    /**
     * Visited first, without following redirects, for the session cookie it sets; feeds and
     * listings are then fetched with it (QĐND's RSS answers only a primed session).
     */
    primeUrl: z.url().optional(),
    feeds: z.array(z.url()).default([]),
    /**
     * XML sitemaps: a urlset is read like a feed; an index is followed to its newest children
     * whose URL matches childPattern (Znews: `sitemap-news`), at most maxChildren of them.
     */
    sitemaps: z
      .array(
        z.strictObject({
          url: z.url(),
          childPattern: regexString.optional(),
          maxChildren: z.number().int().min(1).max(20).default(2),
        }),
      )
      .default([]),
    listings: z.array(listingSchema).default([]),
    /**
     * The outlet's own site search, read like a listing: `{q}` in urlTemplate becomes each query
     * (form-encoded), e.g. VnExpress timkiem for "Hàn Quốc Mỹ quốc phòng".
     */
    search: z
      .array(
        z.strictObject({
          urlTemplate: z.string().includes('{q}'),
          queries: z.array(z.string().min(1)).min(1),
          linkSelector: cssSelector,
        }),
      )
      .default([]),
    /**
     * New articles one crawl fetches at most, in the order discovery found them (newest first
     * on feeds and listings). The rest stay unseen and wait for the next crawl, so a listing of
     * 10,000 links cannot turn one crawl into hours of requests to one host.
     */
    maxNewPerCrawl: z.number().int().min(1).max(5_000).default(1_000),
  }),
  /** A discovered URL must match this to be treated as an article. */
  articleUrlPattern: regexString,
  /**
   * Links of the outlet refused on purpose, each with why (an e-paper issue is not an article):
   * a refused link the source did not mean to refuse is a pattern to fix, and the feed-item
   * test says which.
   */
  notArticleUrls: z.array(z.strictObject({ pattern: regexString, why: z.string().min(1) })).default([]),
  canonical: z
    .strictObject({
      keepParams: z.array(z.string()).optional(),
      /** Regex with one capture group: the outlet's stable article id in the URL (see articleIdentity). */
      idPattern: regexString
        .refine((re) => new RegExp(`${re}|`).exec('')!.length === 2, 'needs exactly one capture group (the article id)')
        .optional(),
    })
    .prefault({}),
  extract: z.strictObject({
    title: selectorList,
    lead: selectorList,
    body: selectorList,
    date: selectorList,
    author: selectorList,
    section: selectorList,
    /** Credit line (author/agency as printed at the end), taken out of the body. */
    credit: selectorList,
    /** Elements removed before reading title, lead and body (share bars, captions, teasers). */
    drop: z.array(cssSelector).default([]),
    /** Whole paragraphs matching one of these are dropped (outlet-specific boilerplate). */
    dropText: z.array(regexString).default([]),
    /** A final body paragraph matching one of these is the credit line. */
    creditPattern: z.array(regexString).default([]),
  }),
  http: z
    .strictObject({
      userAgent: z.string().optional(),
      acceptLanguage: z.string().default('vi-VN,vi;q=0.9,en;q=0.5'),
    })
    .prefault({}),
  /** Per-host politeness: requests at once per crawl, and the gap between requests to a host. */
  politeness: z
    .strictObject({
      maxConcurrency: z.number().int().min(1).max(8).default(2),
      delayMs: z.number().int().min(0).max(60_000).default(1_000),
    })
    .prefault({}),
  /** Page kinds read differently from the outlet's articles, first match wins (layoutSchema). */
  layouts: z.array(layoutSchema).default([]),
  /** Where the selectors came from and when they were last confirmed against the outlet. */
  provenance: z.string().min(1),
  /**
   * The page as the outlet served it that the extract selectors were checked on (where it is
   * kept), or NOT_CHECKED: selectors inferred from descriptions or from pages written here are
   * never presented as verified.
   */
  selectorsCheckedOn: z.string().min(1).default(NOT_CHECKED),
});

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;

/** The JSON Schema of a source file (editor completion; schemas/source.schema.json). */
export function sourceJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(sourceSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/tinwatch/tinwatch/schemas/source.schema.json',
    title: 'tinwatch source: one outlet (feeds, listings, URL patterns, selectors)',
  };
}

/** Identity helper so TypeScript source files get type checking and editor completion. */
export function defineSource(source: SourceInput): SourceInput {
  return source;
}
