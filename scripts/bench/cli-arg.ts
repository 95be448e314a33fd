// A benchmark's `--name value` option, or its default: the benchmarks' small command lines.
export function cliArg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
}
