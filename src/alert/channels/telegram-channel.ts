// The Telegram channel: the alert in Telegram's HTML to one chat through the Bot API.
import type { ChannelFactory } from './channel.js';
import { postJson } from './http-post.js';

/** Telegram caps a message at 4096 characters. */
const MAX_TEXT = 4000;

export const telegramChannel: ChannelFactory<'telegram'> =
  ({ cfg, secret }) =>
  async (a) => {
    const token = secret(cfg.tokenEnv);
    const base = cfg.baseUrl.replace(/\/+$/, '');
    const text = a.html.length > MAX_TEXT ? `${a.html.slice(0, MAX_TEXT - 10)}…` : a.html;
    await postJson(
      `${base}/bot${token}/sendMessage`,
      JSON.stringify({ chat_id: cfg.chatId, text, parse_mode: 'HTML', disable_web_page_preview: true }),
    );
  };
