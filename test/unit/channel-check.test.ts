// The start-up check of alert channels: a variable a used channel needs and the environment
// lacks is named with the rules it affects; unused channels and set variables are quiet.
import { describe, expect, it } from 'vitest';
import { watchlistSchema } from '../../config/watchlist-schema.js';
import { missingChannelEnv } from '../../src/alert/channel-check.js';

const watchlist = watchlistSchema.parse({
  channels: {
    hook: { type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
    fixed: { type: 'webhook', url: 'https://example.org/hook' },
    chat: { type: 'telegram', tokenEnv: 'TG_TOKEN', chatId: '1' },
    log: { type: 'log' },
  },
  rules: [
    { name: 'alliance', query: 'Hàn Quốc', channels: ['hook', 'log'] },
    { name: 'drills', query: 'tập trận', channels: ['hook', 'fixed'] },
  ],
});

describe('missingChannelEnv', () => {
  it('names each unset variable of a used channel with the rules that use it', () => {
    expect(missingChannelEnv(watchlist, (n) => (n === 'HOOK_URL' ? 'https://x' : undefined))).toEqual([
      { channel: 'hook', variable: 'HOOK_SECRET', rules: ['alliance', 'drills'] },
    ]);
  });

  it('is quiet when everything a used channel needs is set (an unused channel is not checked)', () => {
    expect(missingChannelEnv(watchlist, (n) => ({ HOOK_URL: 'u', HOOK_SECRET: 's' })[n])).toEqual([]);
  });
});
