// A URL as it may be shown: in a log line, a failure reason, a page. The password of
// `redis://user:pass@host` and the token in a Telegram-style `/bot<token>/` path are secrets that
// an operator's logs and dashboards must not carry.
export function redactUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.password) u.password = '***';
  u.pathname = u.pathname.replace(/\/bot[^/]+/g, '/bot***');
  for (const key of [...u.searchParams.keys()])
    if (/token|secret|key|password|sig/i.test(key)) u.searchParams.set(key, '***');
  return u.href;
}
