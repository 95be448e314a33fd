// Entry of an article worker thread. A thread does not inherit the TypeScript loader its parent
// registered at run time (bin/tinwatch.js), so it registers its own before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./article-thread.ts');
