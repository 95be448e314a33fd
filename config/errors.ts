// The configuration layer's error: a wrong setting, source file, watchlist or topic profile. Its
// message names the file, the line where known, and the field; the CLI prints it as one line and
// exits 2. Query syntax errors (config/query-language.ts) are reported through it too.
export class ConfigError extends Error {
  override name = 'ConfigError';
}
