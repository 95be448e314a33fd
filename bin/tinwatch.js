#!/usr/bin/env node
// Entry point for `npx tinwatch`: registers tsx's loader so the TypeScript sources run as they are
// (no build step to forget), then hands over to the command line.
import { register } from 'tsx/esm/api';

register();
await import('../app/cli/main.ts');
