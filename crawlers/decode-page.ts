// Turns page bytes into text by the charset the page declares — never by assumption. Legacy
// Vietnamese pages may be windows-1258 or VISCII (DESIGN.md §3), and servers mislabel: a
// single-byte label on bytes that are valid multi-byte UTF-8 is read as UTF-8, and a UTF-8
// label on bytes that are not UTF-8 falls back to the charset the document itself names.
// Order: byte-order mark, then the HTTP header, then <meta charset> / XML declaration.
import iconv from 'iconv-lite';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text if they are valid UTF-8, else null (one pass: the check is the decode). */
function utf8Text(bytes: Buffer): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function hasMultiByte(bytes: Buffer): boolean {
  return bytes.some((b) => b >= 0x80);
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

export interface Decoded {
  text: string;
  charset: string;
  /** The UTF-8 bytes of `text` when the page came as UTF-8 (no need to encode the text again). */
  utf8?: Buffer;
}

export function decodePage(bytes: Buffer, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    return { text: rest.toString('utf8'), charset: 'utf-8', utf8: rest };
  }
  const fromHeader = headerCharset(contentType);
  const fromDoc = declaredInDocument(bytes);
  const asUtf8 = utf8Text(bytes);
  for (const cs of [fromHeader, fromDoc]) {
    if (!cs) continue;
    if (cs === 'utf-8') {
      if (asUtf8 !== null) return { text: asUtf8, charset: 'utf-8', utf8: bytes };
      continue; // mislabelled: try what the document itself says
    }
    // A single-byte label on valid multi-byte UTF-8 is a mislabel: those bytes are UTF-8.
    if (asUtf8 !== null && hasMultiByte(bytes) && cs !== fromDoc) continue;
    return { text: iconv.decode(bytes, cs), charset: cs };
  }
  if (asUtf8 !== null) return { text: asUtf8, charset: 'utf-8', utf8: bytes };
  // Nothing usable declared and not UTF-8: windows-1258 is the likeliest legacy Vietnamese charset.
  return { text: iconv.decode(bytes, 'windows-1258'), charset: 'windows-1258' };
}
