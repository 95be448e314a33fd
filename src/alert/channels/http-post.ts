// POST for the HTTP channels. Errors never include the URL: Telegram's carries the bot token and
// Slack's is itself the secret — nor do they repeat it when the receiver echoes the request in
// its answer. 429 and 5xx are transient (retried with backoff); any other non-2xx is permanent
// (the failed list says why).
import { UnrecoverableError } from 'bullmq';
import { ChannelHttpError } from '../../../base/errors.js';
import { tokenLikeParam } from '../../../base/url/redact-url.js';

export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const cause = (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new ChannelHttpError(`request failed (${cause})`);
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return text;
  const detail = withoutSecretsOf(url, text).slice(0, 200).replace(/\s+/g, ' ');
  if (res.status === 429 || res.status >= 500) throw new ChannelHttpError(`HTTP ${res.status}: ${detail}`);
  throw new UnrecoverableError(`HTTP ${res.status}: ${detail}`);
}

/**
 * A receiver's answer with the URL's secret parts taken out: the URL itself, its path segments
 * and query values long enough to be tokens (a Telegram bot token, a Slack hook path), every
 * token-like query value however short (`?api_token=Tk_93jd7Q`), its password. What is left is
 * safe for logs, the failed list and the dashboard.
 */
export function withoutSecretsOf(url: string, text: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return text;
  }
  const long = [url, u.pathname, u.password, ...u.pathname.split('/'), ...u.searchParams.values()].filter(
    (x) => x.length >= 12,
  );
  // Shorter than 4, a value would be cut out of ordinary words; no credential is that short.
  const named = [...u.searchParams.entries()]
    .filter(([name, value]) => tokenLikeParam(name, value) && value.length >= 4)
    .map(([, value]) => value);
  const secrets = [...long, ...named, ...(u.password.length >= 4 ? [u.password] : [])];
  let out = text;
  for (const s of secrets.sort((a, b) => b.length - a.length)) {
    out = out.split(s).join('***');
    out = out.split(encodeURIComponent(s)).join('***');
  }
  return out;
}
