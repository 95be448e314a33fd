// Splits news text into sentences for the relevance classifier, which judges what each sentence
// relates. Excerpts and feeds often lose the space after a full stop ("…năm 2001.Boramae"), so a
// stop followed directly by a capital letter also ends a sentence; a stop inside a number
// (1.8, 2.200) does not.
const BOUNDARY = /(?<=[.!?…;])\s+(?=\S)|(?<=[.!?])(?=[\p{Lu}"“‘])|\s*[|\n]+\s*/u;

export function splitSentences(text: string): string[] {
  return text
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
