// The SSRF guard inside the browser: every request a rendered page makes — its scripts, images,
// frames, XHR — and every redirect hop of a navigation passes assertPublicDestination, or is
// aborted. Playwright routes a subresource's redirect hops one by one, but hands a navigation's
// redirects to the network stack unseen (and a redirect fulfilled from the route is followed
// unseen too), so a navigation's chain is walked here, hop by hop, and the page is given the
// final answer; the page's real address is then the last hop (navigatedUrl).
import type { Page, Route } from 'playwright-core';
import type { OriginMap } from '../base/url/origin-map.js';
import { assertPublicDestination } from './ssrf-guard.js';

const MAX_REDIRECTS = 10;
const guarded = new WeakSet<Page>();
const lastHop = new WeakMap<Page, string>();

async function allowed(url: string, originMap: OriginMap): Promise<boolean> {
  try {
    await assertPublicDestination(url, originMap);
    return true;
  } catch {
    return false;
  }
}

async function handle(page: Page, route: Route, originMap: OriginMap): Promise<void> {
  const req = route.request();
  let url = req.url();
  if (!(await allowed(url, originMap))) return route.abort('blockedbyclient');
  if (!req.isNavigationRequest()) return route.continue();
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await route.fetch({ url, maxRedirects: 0 });
    const location = res.headers()['location'];
    if (res.status() < 300 || res.status() >= 400 || !location) {
      if (req.frame() === page.mainFrame()) lastHop.set(page, url);
      return route.fulfill({ response: res });
    }
    url = new URL(location, url).href;
    if (!(await allowed(url, originMap))) return route.abort('blockedbyclient');
  }
  return route.abort('failed');
}

/** Installs the guard on a page once; later navigations of the same page keep it. */
export async function guardEveryRequest(page: Page, originMap: OriginMap): Promise<void> {
  if (guarded.has(page)) return;
  guarded.add(page);
  await page.route('**/*', (route) =>
    handle(page, route, originMap).catch(() => route.abort('failed').catch(() => undefined)),
  );
}

/** Where the page's last main-frame navigation ended, after the redirects walked above. */
export function navigatedUrl(page: Page): string {
  return lastHop.get(page) ?? page.url();
}
