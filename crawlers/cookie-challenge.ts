// The D1N cookie challenge (docs/outlets.md, anti-bot): some .vn CMSs answer a first request
// with a ~180-byte page whose only content is
//   <script>document.cookie="D1N=<hex>"…;window.location.reload(true);</script>
// A browser sets the cookie and reloads; the HTTP fetcher does the same — read the token, send
// it as a cookie, retry once — and remembers the cookie per host so later requests pass at once.

/** The cookie (`D1N=<token>`) a challenge page asks for, or null when the page is not one. */
export function cookieChallenge(body: string): string | null {
  if (body.length > 4096) return null;
  const m = /document\.cookie\s*=\s*["'](D1N=[0-9A-Za-z]+)/.exec(body);
  if (!m || !/location\.reload/.test(body)) return null;
  return m[1]!;
}

/** Adds or replaces one `name=value` in a Cookie header value. */
export function withCookie(header: string | undefined, cookie: string): string {
  const name = cookie.split('=')[0]!;
  const rest = (header ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${name}=`));
  return [...rest, cookie].join('; ');
}
