// Selector rot shows up in operations: a source whose pages no longer match its title selector
// (the outlet changed its markup) keeps working through the generic reading, and is flagged on
// the dashboard and in /metrics; a source whose selectors still match is not.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../helpers/test-source.js';

const HEALTHY = 'healthy.example.vn';
const ROTTEN = 'rotten.example.vn';
/** An outlet read by the generic extractor alone: every field "falls back", by design. */
const GENERIC = 'generic.example.vn';

describe('selector rot', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;

  beforeAll(async () => {
    const root = tempDir('tw-rot');
    const stories = classifiedOnTopicArticles();
    for (const [h, host] of [HEALTHY, ROTTEN, GENERIC].entries()) {
      mkdirSync(path.join(root, host), { recursive: true });
      const items = Array.from({ length: 6 }, (_, i) => {
        const file = `bai-${2_000_000 + i}.html`;
        writeFileSync(path.join(root, host, file), testArticlePage(stories[h * 6 + i]!));
        return `<item><title>t</title><link>https://${host}/${file}</link></item>`;
      });
      writeFileSync(
        path.join(root, host, 'rss.xml'),
        `<?xml version="1.0"?><rss><channel>${items.join('')}</channel></rss>`,
      );
    }
    replay = await startReplayServer(root);
    // The rotten source still names the outlet's old title markup.
    const rotten = testSource(ROTTEN, { extract: { title: ['h1.old-headline'], body: ['article'] } });
    rt = await testRuntime({
      sources: [testSource(HEALTHY), rotten, testSource(GENERIC, { extract: {} })],
      originMap: {
        [`https://${HEALTHY}`]: `${replay.url}/${HEALTHY}`,
        [`https://${ROTTEN}`]: `${replay.url}/${ROTTEN}`,
        [`https://${GENERIC}`]: `${replay.url}/${GENERIC}`,
      },
      env: { TINWATCH_HOST_DELAY_MS: 0 },
    });
    const run = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(run.totals.written).toBe(18); // the generic reading kept the rotten source working
    dash = await startDashboard(rt, { port: 0 });
  }, 120_000);
  afterAll(async () => {
    await dash?.close();
    await rt?.cleanup();
    await replay?.close();
  });

  it('flags the source on the dashboard, naming the command that shows the broken selector', async () => {
    const html = await (await fetch(dash.url)).text();
    const row = (id: string) => html.split(/<tr[ >]/).find((r) => r.includes(`<span class="muted">${id}</span>`)) ?? '';
    expect(row('rotten')).toContain('selector-rot');
    expect(row('rotten')).toContain('6 of 6 (100 %): selectors broken? run <code>tinwatch sources check rotten</code>');
    expect(row('healthy')).not.toContain('selector-rot');
    expect(row('healthy')).toContain('0 of 6 (0 %)');
    // A source with no selectors has nothing that can break.
    expect(row('generic')).not.toContain('selector-rot');
    expect(row('generic')).toContain('0 of 6 (0 %)');
  });

  it('exports the share and the flag in /metrics', async () => {
    const text = await (await fetch(`${dash.url}/metrics`)).text();
    expect(text).toContain('tinwatch_selector_rot{source="rotten"} 1');
    expect(text).toContain('tinwatch_selector_rot{source="healthy"} 0');
    expect(text).toContain('tinwatch_selector_rot{source="generic"} 0');
    expect(text).toContain('tinwatch_selector_fallback_share{source="rotten"} 1');
  });
});
