// One HTTP exchange as the crawler saw it: the request it sent, the response it got and the
// payload (the entity body as received; a browser fetch can only give it decoded). Parked in Redis beside the raw page
// until the article worker writes it into a WARC file. Serialized as one JSON line of headers,
// then the payload bytes; when the payload is the parked raw page itself (a UTF-8 page, the
// common case) it is not stored twice.
export interface HttpExchange {
  request: { method: string; url: string; headers: [string, string][] };
  response: { status: number; statusText: string; httpVersion: string; headers: [string, string][] };
  /** Content-Encoding the server applied and the fetcher undid before tinwatch saw the body (Chromium); null: the payload is as received. */
  removedContentEncoding: string | null;
}

/** Headers that describe the transfer, not the stored payload: dropped or rewritten. */
const TRANSFER_HEADERS = /^(?:content-encoding|transfer-encoding|content-length)$/i;

/** Response headers true to a decoded payload: transfer codings out, Content-Length its length. */
export function payloadHeaders(raw: readonly [string, string][], payloadLength: number): [string, string][] {
  const kept = raw.filter(([k]) => !TRANSFER_HEADERS.test(k));
  kept.push(['Content-Length', String(payloadLength)]);
  return kept;
}

/** Node's rawHeaders ([k, v, k, v…]) as pairs, in the order and case the server sent them. */
export function headerPairs(rawHeaders: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  return out;
}

export function packExchange(exchange: HttpExchange, payload: Buffer | null): Buffer {
  const head = Buffer.from(`${JSON.stringify({ ...exchange, payloadIsRaw: payload === null })}\n`, 'utf8');
  return payload ? Buffer.concat([head, payload]) : head;
}

export function unpackExchange(packed: Buffer, rawPage: Buffer): { exchange: HttpExchange; payload: Buffer } {
  const nl = packed.indexOf(10);
  if (nl < 0) throw new Error('parked capture has no header line');
  const head = JSON.parse(packed.subarray(0, nl).toString('utf8')) as HttpExchange & { payloadIsRaw: boolean };
  const { payloadIsRaw, ...exchange } = head;
  return { exchange, payload: payloadIsRaw ? rawPage : packed.subarray(nl + 1) };
}
