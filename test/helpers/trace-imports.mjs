// A Node module hook for tests: appends every module URL the process loads to $TRACE_IMPORTS_FILE,
// so a test can say which code a command loaded (node --import this-file …).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.TRACE_IMPORTS_FILE)}, r.url + '\\n');
  return r;
}`)}`,
);
