// How deeply a YAML text nests, read line by line before the parser sees it. The YAML library
// recurses once per level: a 5,000-deep map overflows the stack inside it, and what it reports
// then is neither the cause nor the place. No configuration tinwatch reads nests past a dozen
// levels, so a text deeper than MAX_CONFIG_DEPTH is refused with the line where it gets there.
// Block nesting is counted by indentation (and the dashes of a compact "- - -" sequence), flow nesting by unquoted [ and {; both over-count
// rather than under-count (a block scalar's indented lines count too), which is safe at this limit.
import { ConfigError } from './errors.js';

export const MAX_CONFIG_DEPTH = 64;

/** Throws a ConfigError at "file:line:col" where the text first nests deeper than `max`. */
export function checkYamlDepth(text: string, file: string, max = MAX_CONFIG_DEPTH): void {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const content = line.trimStart();
    if (flow === 0 && content && !content.startsWith('#')) {
      const indent = line.length - content.length;
      while (indents.length && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
      // "- - - x": each dash of a compact sequence is one more level on the same line.
      const dashes = /^(?:-[ \t]+)+/.exec(content)?.[0].replace(/[ \t]/g, '').length ?? 0;
      for (let d = 1; d < dashes; d++) indents.push(indent + d);
    }
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || line[i - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (indents.length + flow > max)
        throw new ConfigError(
          `${file}:${n + 1}:${i + 1}: nested deeper than ${max} levels: not a configuration tinwatch reads`,
        );
    }
    if (indents.length > max)
      throw new ConfigError(`${file}:${n + 1}:1: nested deeper than ${max} levels: not a configuration tinwatch reads`);
  }
}
