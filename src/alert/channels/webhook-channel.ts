// The webhook channel: the alert as JSON, POSTed with an idempotency key and, when a secret is
// named, an HMAC-SHA256 signature of the body (x-tinwatch-signature).
import { signBody, type ChannelFactory } from './channel.js';
import { postJson } from './http-post.js';

export const webhookChannel: ChannelFactory<'webhook'> =
  ({ cfg, secret }) =>
  async (a, key) => {
    const url = cfg.url ?? secret(cfg.urlEnv!);
    const body = JSON.stringify(a.json);
    const headers: Record<string, string> = { 'x-tinwatch-idempotency-key': key };
    if (cfg.secretEnv) headers['x-tinwatch-signature'] = signBody(secret(cfg.secretEnv), body);
    await postJson(url, body, headers);
  };
