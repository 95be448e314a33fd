// What every request to the dashboard must show before anything else runs. The dashboard holds
// bull-board's API (add, retry, clean jobs: an alert can be sent from it), so it answers only:
//  - requests whose Host is the address it listens on, a loopback name when it listens on
//    loopback, or a name the operator configured: a DNS-rebinding page (evil.example resolving to
//    127.0.0.1) arrives with its own Host and is refused;
//  - with the token, whenever one is set (Authorization: Bearer …, or ?token=… once, which sets a
//    SameSite=Strict cookie);
//  - for anything that changes state (every method but GET/HEAD/OPTIONS), from the dashboard's
//    own pages (same-origin Origin or Sec-Fetch-Site) or with the token in the Authorization
//    header: a form or fetch() from another site in the same browser carries its own Origin, and
//    a text/plain POST needs no CORS preflight to be sent.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export interface GuardOptions {
  /** The address the server listens on (host part). */
  boundHost: string;
  loopback: boolean;
  /** Extra Host names the operator put the dashboard behind (a proxy, a DNS name). */
  allowedHosts?: readonly string[];
  token?: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host header's name, without the port, lower-cased; IPv6 literals keep their brackets. */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const own = new URL(c.req.url).origin;
  if (origin !== undefined && origin !== own) return false;
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  return origin !== undefined || fetchSite !== undefined;
}

export function dashboardGuard(opts: GuardOptions): MiddlewareHandler {
  const bound = opts.boundHost.toLowerCase();
  const hosts = new Set<string>([
    bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound,
    ...(opts.loopback ? LOOPBACK_NAMES : []),
    ...(opts.allowedHosts ?? []).map((h) => h.toLowerCase()),
  ]);
  // Listening on every interface, the names it is reached by are the operator's to list; until
  // they do, the token (required beyond loopback) is what keeps a rebinding page out.
  const anyHost = (bound === '0.0.0.0' || bound === '::') && !opts.allowedHosts?.length;
  return async (c, next) => {
    const name = hostName(c.req.header('host'));
    if (!anyHost && (!name || !hosts.has(name))) return c.text('tinwatch dashboard: unknown Host refused', 421);
    const bearer = c.req.header('authorization')?.replace(/^Bearer /, '');
    if (opts.token) {
      const given = bearer ?? c.req.query('token') ?? getCookie(c, 'tw_token');
      if (given !== opts.token) return c.text('tinwatch dashboard: token required', 401);
      if (c.req.query('token')) setCookie(c, 'tw_token', opts.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
    if (!SAFE_METHODS.has(c.req.method) && !(opts.token && bearer === opts.token) && !sameOrigin(c))
      return c.text('tinwatch dashboard: cross-site request refused', 403);
    return next();
  };
}
