// A script's `--name value` option: the benchmarks' and evals' small command lines.

/** The value after `--name`, or undefined when the option is absent. */
export function cliOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The value after `--name`, or its default. */
export function cliArg(name: string, dflt: string): string {
  return cliOption(name) ?? dflt;
}
