// Characters XML 1.0 does not allow anywhere in a document (its Char production): C0 controls but
// tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not half of a pair. One of them in a story's
// title makes a whole feed unreadable for every reader, so text bound for XML (and, to say the same
// thing everywhere, the JSON feed) passes through here first. Dropped, not replaced: they carry no
// meaning a reader could show.
/* eslint-disable no-control-regex -- matching control characters is the point */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** The text without the characters XML 1.0 forbids. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}
