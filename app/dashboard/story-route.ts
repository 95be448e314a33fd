// GET /story/:id: one story's page — the article, the outlets that carried a copy, the rules it
// fired, its thread (related earlier and later stories) and the text as written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import { readStoryCarriers } from '../../src/dedupe/story-carriers.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { findArticle } from './latest-articles.js';
import { storyPage } from './story-page.js';
import { storyRules } from './story-rules.js';
import { storyThread } from './story-thread.js';

export function registerStoryRoute(app: Hono, rt: Runtime): void {
  app.get('/story/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{16}$/.test(id)) return c.text('not found', 404);
    const story = await findArticle(rt.outDir, id);
    if (!story) return c.text('no story with that id', 404);
    const text = await readFile(path.join(rt.outDir, story.file), 'utf8').catch(() => null);
    return c.html(
      storyPage(
        story,
        await readStoryCarriers(rt.redis, rt.keys, id),
        text === null ? [] : storyRules(rt.alerts.watchlist.rules, story.matched_rules, text),
        text,
        await storyThread(rt.outDir, story),
      ),
    );
  });
}
