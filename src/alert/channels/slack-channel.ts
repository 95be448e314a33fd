// The Slack channel: the alert in mrkdwn to an incoming-webhook URL (itself the secret).
import type { ChannelFactory } from './channel.js';
import { postJson } from './http-post.js';

export const slackChannel: ChannelFactory<'slack'> =
  ({ cfg, secret }) =>
  async (a) => {
    await postJson(secret(cfg.urlEnv), JSON.stringify({ text: a.markdown, mrkdwn: true }));
  };
