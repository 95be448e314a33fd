// Turns page bytes into text by the charset the page declares and the bytes of its text — never
// by a few stray bytes elsewhere. Legacy Vietnamese pages may be windows-1258 or VISCII
// (ARCHITECTURE.md, Vietnamese text), and servers mislabel. Each candidate charset (the HTTP header's, the
// document's own, UTF-8, windows-1258, in that order) is tried on the page's text only — markup,
// attributes, scripts, styles and comments left out — and the first that reads it with the
// fewest characters Vietnamese never uses (garbled-text.ts) decodes the page. So six bad bytes
// in a `<script src>` of a UTF-8 page leave it UTF-8 (they become U+FFFD where nobody reads),
// and a page no candidate reads cleanly is refused with the reason, never written as mojibake.
// A Western label (latin-1, windows-1252) on windows-1258 bytes reads without any such character,
// so there the letters Vietnamese lacks and windows-1258 puts at those bytes count as marks too.
import iconv from 'iconv-lite';
import { countGarble, describeGarble, isGarbled, type GarbleCount } from './garbled-text.js';
import { UndecodableTextError } from '../../base/errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text if they are valid UTF-8, else null (one pass: the check is the decode). */
function utf8Text(bytes: Buffer): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function normalizeCharset(name: string | undefined | null): string | null {
  if (!name) return null;
  const n = name
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  return iconv.encodingExists(n) ? n : null;
}

/** The charset named inside the document: <meta charset>, <meta http-equiv>, or <?xml encoding>. */
export function declaredInDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return normalizeCharset(m?.[1]);
}

export function headerCharset(contentType: string | undefined): string | null {
  return normalizeCharset(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
}

/** Elements whose content no reader sees, by their opening and closing markers (lowercase). */
const SKIPPED_ELEMENTS = [
  { open: Buffer.from('<script'), close: Buffer.from('</script') },
  { open: Buffer.from('<style'), close: Buffer.from('</style') },
  { open: Buffer.from('<!--'), close: Buffer.from('-->') },
];
const CDATA = Buffer.from('<![cdata[');
const LT = 0x3c;
const GT = 0x3e;

/** Whether `bytes` holds `marker` (lowercase ASCII) at `at`, in any letter case. */
function startsWithAt(bytes: Buffer, at: number, marker: Buffer): boolean {
  if (at + marker.length > bytes.length) return false;
  for (let k = 0; k < marker.length; k++) {
    const b = bytes[at + k]!;
    if ((b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== marker[k]) return false;
  }
  return true;
}

/** Where the first `marker` (lowercase ASCII, any case in `bytes`) starts at or after `from`; -1 if none. */
function indexOfMarker(bytes: Buffer, marker: Buffer, from: number): number {
  for (let at = bytes.indexOf(marker[0]!, from); at >= 0; at = bytes.indexOf(marker[0]!, at + 1)) {
    if (startsWithAt(bytes, at, marker)) return at;
  }
  return -1;
}

/**
 * The bytes a reader sees: everything outside tags, scripts, styles and comments. Works on the
 * bytes (every charset tinwatch reads keeps ASCII `<` and `>` as themselves) with indexOf, so a
 * hostile page of unclosed tags costs one pass, not one pass per tag.
 */
export function textBytesOf(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let size = 0;
  let i = 0;
  while (i < bytes.length) {
    const lt = bytes.indexOf(LT, i);
    const textEnd = lt < 0 ? bytes.length : lt;
    size += bytes.copy(out, size, i, textEnd);
    if (lt < 0) break;
    const skipped = SKIPPED_ELEMENTS.find((e) => startsWithAt(bytes, lt, e.open));
    if (startsWithAt(bytes, lt, CDATA)) {
      i = lt + CDATA.length; // CDATA content is text (feeds put descriptions there)
    } else if (skipped) {
      const close = indexOfMarker(bytes, skipped.close, lt + skipped.open.length);
      i = close < 0 ? bytes.length : bytes.indexOf(GT, close) + 1 || bytes.length;
    } else {
      i = bytes.indexOf(GT, lt) + 1 || bytes.length;
    }
  }
  return out.subarray(0, size);
}

export interface Decoded {
  text: string;
  charset: string;
  /** The UTF-8 bytes of `text` when the page came as valid UTF-8 (no need to encode it again). */
  utf8?: Buffer;
}

function decodeAs(bytes: Buffer, charset: string): string {
  return charset === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
}

function decodeWhole(bytes: Buffer, charset: string): Decoded {
  if (charset !== 'utf-8') return { text: iconv.decode(bytes, charset), charset };
  const valid = utf8Text(bytes);
  // Invalid bytes outside the text (a script URL, an attribute) become U+FFFD where nobody reads.
  return valid !== null ? { text: valid, charset, utf8: bytes } : { text: bytes.toString('utf8'), charset };
}

/** The single-byte Western charsets, which read windows-1258 bytes without a visible error. */
const WESTERN = new Set(['iso-8859-1', 'latin1', 'l1', 'iso-8859-15', 'windows-1252', 'cp1252', 'us-ascii']);

/**
 * Marks of Vietnamese written in windows-1258 but read as a Western charset: "đ" (0xF0), the most
 * common Vietnamese letter outside ASCII, reads as "ð", and the tilde tone mark (0xDE) as "Þ";
 * neither letter exists in Vietnamese, and the Western charsets produce no other mark of the
 * mistake (every byte is a letter there), so garbled-text.ts cannot see it.
 */
function westernMisreadMarks(text: string, charset: string): number {
  if (!WESTERN.has(charset)) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xf0 || c === 0xd0 || c === 0xde || c === 0xfe) n++;
  }
  return n;
}

export function decodePage(bytes: Buffer, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWhole(bytes.subarray(3), 'utf-8');
  const candidates = [
    ...new Set([headerCharset(contentType), declaredInDocument(bytes), 'utf-8', 'windows-1258']),
  ].filter((c): c is string => c !== null);
  const text = textBytesOf(bytes);
  let best: { charset: string; count: GarbleCount } | null = null;
  const tried: string[] = [];
  for (const charset of candidates) {
    const decoded = decodeAs(text, charset);
    const garble = countGarble(decoded);
    const count = { ...garble, outOfPlace: garble.outOfPlace + westernMisreadMarks(decoded, charset) };
    if (!best || count.outOfPlace < best.count.outOfPlace) best = { charset, count };
    if (count.outOfPlace === 0) break; // nothing can read it better
    tried.push(`as ${charset} ${describeGarble(count)}`);
  }
  if (isGarbled(best!.count)) {
    throw new UndecodableTextError(`page text does not decode cleanly (${tried.join('; ')}): not written`);
  }
  return decodeWhole(bytes, best!.charset);
}
