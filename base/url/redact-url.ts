// A URL as it may be shown: in a log line, a failure reason, a page. The password of
// `redis://user:pass@host`, the token in a Telegram-style `/bot<token>/` path and every
// token-like query value are secrets that an operator's logs and dashboards must not carry.

/** Query names that say their value is a credential (api_token, apikey, sig, access_code…). */
const SECRET_NAME = /token|secret|key|pass|sig|auth|session|code|credential/i;

/**
 * Whether a query value may be a credential: named like one (whatever its length: a short
 * `?api_token=Tk_93jd7Q` is still a token), or shaped like one under any name — 8 or more
 * characters mixing letters and digits with nothing but token punctuation.
 */
export function tokenLikeParam(name: string, value: string): boolean {
  if (!value) return false;
  if (SECRET_NAME.test(name)) return true;
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value) && /^[\w\-.~+/=:]+$/.test(value);
}

export function redactUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.password) u.password = '***';
  u.pathname = u.pathname.replace(/\/bot[^/]+/g, '/bot***');
  for (const [name, value] of [...u.searchParams.entries()])
    if (tokenLikeParam(name, value)) u.searchParams.set(name, '***');
  return u.href;
}
