// Serves recorded pages on 127.0.0.1 so tests, the demo and the benchmark never touch a real
// outlet. Layout: DIR/<host>/<path>. A URL with a query string is stored as `<path>@<query>`
// (the raw query, as the outlet writes it: `service/news_view.htm@lang=v&Seq_Code=61234`).
// A path ending in `/` (or the bare host), or naming a folder, is `index.html` in that folder.
// An optional sidecar
// `<file>.meta.json` sets {"status": 301, "headers": {"location": "/x"}} for redirects, errors,
// {"dripMs": 500} for a server that sends one byte at a time, {"chunked": true} for no length
// and odd headers, {"gzip": true} for a gzip-encoded body. Content type comes from the extension, or from the content for XML.
// Files are read with synchronous calls: recorded pages are small local files, and each
// asynchronous call was a round trip through libuv's thread pool (about a dozen per request);
// the server shares the benchmark's two cores with the pipeline it measures.
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ReplayServer {
  readonly url: string;
  readonly port: number;
  /** Request paths served so far (for tests: "was this page fetched again?"). */
  readonly hits: string[];
  /** Each request answered: its path, when it arrived (ms since the epoch) and the status sent. */
  readonly requests: { path: string; at: number; status: number }[];
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

function contentTypeFor(file: string, body: Buffer): string {
  const base = path.basename(file).split('@')[0] ?? '';
  const byExt = TYPES[path.extname(base).toLowerCase()];
  const head = body.subarray(0, 200).toString('utf8').trimStart();
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
function sameParamsFile(file: string): string | null {
  const base = path.basename(file);
  const at = base.indexOf('@');
  if (at < 0) return null;
  const name = base.slice(0, at);
  const want = paramKey(base.slice(at + 1));
  const dir = path.dirname(file);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    entries = [];
  }
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
  /** Send the body gzip-encoded (Content-Encoding: gzip), as most outlets do. */
  gzip?: boolean;
  /** Answers for the first requests of this path, in order (e.g. a 429 then the page). */
  sequence?: { status?: number; headers?: Record<string, string> }[];
}

function statOrNull(file: string): Stats | null {
  return statSync(file, { throwIfNoEntry: false }) ?? null;
}

export async function startReplayServer(root: string, port = 0, host = '127.0.0.1'): Promise<ReplayServer> {
  const hits: string[] = [];
  const requests: { path: string; at: number; status: number }[] = [];
  const served = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const reqPath = req.url ?? '/';
    hits.push(reqPath);
    const at = Date.now();
    res.on('finish', () => requests.push({ path: reqPath, at, status: res.statusCode }));
    void (async () => {
      let file = replayFileFor(root, reqPath);
      let meta: Meta = {};
      if (file && existsSync(`${file}.meta.json`)) {
        try {
          meta = JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')) as Meta;
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
      let st = file ? statOrNull(file) : null;
      if (file && !st) {
        // Outlets write a query's parameters in any order; match the recorded file regardless.
        const alt = sameParamsFile(file);
        if (alt) {
          file = alt;
          st = statOrNull(alt);
        }
      }
      if (file && st?.isDirectory()) {
        // A path that is also a folder of deeper pages (QĐND's section and its articles).
        const index = path.join(file, 'index.html');
        const ist = statOrNull(index);
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
      const stored = readFileSync(file);
      const body = meta.gzip ? gzipSync(stored) : stored;
      const contentType = contentTypeFor(file, stored);
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (!meta.status && (inm === etag || (!inm && ims && Date.parse(ims) >= Math.floor(st.mtimeMs / 1000) * 1000))) {
        res.writeHead(304, { etag, 'last-modified': lastModified, 'content-type': contentType });
        res.end();
        return;
      }
      res.writeHead(meta.status ?? 200, {
        'content-type': contentType,
        ...(meta.chunked || meta.dripMs ? {} : { 'content-length': String(body.length) }),
        ...(meta.gzip ? { 'content-encoding': 'gzip' } : {}),
        'last-modified': lastModified,
        etag,
        ...meta.headers,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      if (meta.dripMs) {
        for (let i = 0; i < body.length && !res.destroyed; i++) {
          res.write(body.subarray(i, i + 1));
          await new Promise((r) => setTimeout(r, meta.dripMs));
        }
        res.end();
        return;
      }
      // Without a content-length the header written above already chose chunked encoding.
      res.end(body);
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
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
