// Serves recorded pages on 127.0.0.1 so tests, the demo and the benchmark never touch a real
// outlet. Layout: DIR/<host>/<path>. A URL with a query string is stored as `<path>@<query>`
// (the raw query, as the outlet writes it: `service/news_view.htm@lang=v&Seq_Code=61234`).
// A path ending in `/` (or the bare host), or naming a folder, is `index.html` in that folder.
// An optional sidecar
// `<file>.meta.json` sets {"status": 301, "headers": {"location": "/x"}} for redirects, errors,
// {"dripMs": 500} for a server that sends one byte at a time, {"chunked": true} for no length
// and odd headers. Content type comes from the extension, or from the content for XML.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ReplayServer {
  readonly url: string;
  readonly port: number;
  /** Request paths served so far (for tests: "was this page fetched again?"). */
  readonly hits: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
};

/** The file that holds a request path (`/host/path?query`), or null if it escapes the root. */
export function replayFileFor(root: string, requestPath: string): string | null {
  const q = requestPath.indexOf('?');
  const pathname = decodeURIComponent(q >= 0 ? requestPath.slice(0, q) : requestPath);
  const query = q >= 0 ? requestPath.slice(q + 1) : '';
  let rel = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  if (query) rel += `@${query}`;
  const full = path.resolve(root, `.${rel}`);
  const rootAbs = path.resolve(root);
  return full === rootAbs || full.startsWith(rootAbs + path.sep) ? full : null;
}

async function contentTypeFor(file: string): Promise<string> {
  const base = path.basename(file).split('@')[0] ?? '';
  const byExt = TYPES[path.extname(base).toLowerCase()];
  const head = (await readFile(file)).subarray(0, 200).toString('utf8').trimStart();
  if (head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed')) {
    return 'application/rss+xml; charset=utf-8';
  }
  return byExt ?? 'text/html; charset=utf-8';
}

function paramKey(query: string): string {
  return [...new URLSearchParams(query).entries()]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
}

/** A recorded `<name>@<query>` file whose parameters equal the requested ones in another order. */
async function sameParamsFile(file: string): Promise<string | null> {
  const base = path.basename(file);
  const at = base.indexOf('@');
  if (at < 0) return null;
  const name = base.slice(0, at);
  const want = paramKey(base.slice(at + 1));
  const dir = path.dirname(file);
  const entries = await readdir(dir).catch(() => [] as string[]);
  const hit = entries.find(
    (e) => e.startsWith(`${name}@`) && !e.endsWith('.meta.json') && paramKey(e.slice(name.length + 1)) === want,
  );
  return hit ? path.join(dir, hit) : null;
}

interface Meta {
  status?: number;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (timeouts, slow outlets). */
  delayMs?: number;
  /**
   * Answer with a D1N-style cookie challenge page unless the request carries `name=value`
   * (`offer` is the token the challenge page hands out; a different one never passes).
   */
  requireCookie?: {
    name: string;
    value: string;
    offer?: string;
    /** Answer without the cookie instead of the challenge page (e.g. QĐND's redirect loop). */
    otherwise?: { status: number; headers?: Record<string, string> };
  };
  /** Send the body one byte every this many milliseconds (a slow-loris server). */
  dripMs?: number;
  /** Send without Content-Length (chunked), as servers streaming a page do. */
  chunked?: boolean;
  /** Answers for the first requests of this path, in order (e.g. a 429 then the page). */
  sequence?: { status?: number; headers?: Record<string, string> }[];
}

export async function startReplayServer(root: string, port = 0, host = '127.0.0.1'): Promise<ReplayServer> {
  const hits: string[] = [];
  const served = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const reqPath = req.url ?? '/';
    hits.push(reqPath);
    void (async () => {
      let file = replayFileFor(root, reqPath);
      let meta: Meta = {};
      if (file) {
        try {
          meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as Meta;
        } catch {
          meta = {};
        }
      }
      if (meta.sequence) {
        const n = served.get(reqPath) ?? 0;
        served.set(reqPath, n + 1);
        const step = meta.sequence[n];
        meta = step
          ? { ...meta, status: step.status, headers: { ...meta.headers, ...step.headers } }
          : { ...meta, status: undefined };
      }
      if (meta.delayMs) await new Promise((r) => setTimeout(r, meta.delayMs));
      if (meta.requireCookie) {
        const { name, value, offer } = meta.requireCookie;
        const sent = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
        if (!sent.includes(`${name}=${value}`)) {
          if (meta.requireCookie.otherwise) {
            res.writeHead(meta.requireCookie.otherwise.status, meta.requireCookie.otherwise.headers ?? {});
            res.end();
            return;
          }
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(`<script>document.cookie="${name}=${offer ?? value}; path=/";window.location.reload(true);</script>`);
          return;
        }
      }
      let st = file ? await stat(file).catch(() => null) : null;
      if (file && !st) {
        // Outlets write a query's parameters in any order; match the recorded file regardless.
        const alt = await sameParamsFile(file);
        if (alt) {
          file = alt;
          st = await stat(alt).catch(() => null);
        }
      }
      if (file && st?.isDirectory()) {
        // A path that is also a folder of deeper pages (QĐND's section and its articles).
        const index = path.join(file, 'index.html');
        const ist = await stat(index).catch(() => null);
        if (ist?.isFile()) {
          file = index;
          st = ist;
        }
      }
      if (!file || !st?.isFile()) {
        if (meta.status) {
          res.writeHead(meta.status, meta.headers ?? {});
          res.end();
          return;
        }
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><title>404</title><p>not recorded: ${reqPath.replace(/[<>&"]/g, '')}</p>`);
        return;
      }
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const lastModified = st.mtime.toUTCString();
      const contentType = await contentTypeFor(file);
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (!meta.status && (inm === etag || (!inm && ims && Date.parse(ims) >= Math.floor(st.mtimeMs / 1000) * 1000))) {
        res.writeHead(304, { etag, 'last-modified': lastModified, 'content-type': contentType });
        res.end();
        return;
      }
      res.writeHead(meta.status ?? 200, {
        'content-type': contentType,
        ...(meta.chunked || meta.dripMs ? {} : { 'content-length': String(st.size) }),
        'last-modified': lastModified,
        etag,
        ...meta.headers,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      if (meta.dripMs) {
        const bytes = await readFile(file);
        for (let i = 0; i < bytes.length && !res.destroyed; i++) {
          res.write(bytes.subarray(i, i + 1));
          await new Promise((r) => setTimeout(r, meta.dripMs));
        }
        res.end();
        return;
      }
      createReadStream(file).pipe(res);
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
