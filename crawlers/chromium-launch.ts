// How Chromium is started for sources with render: 'browser'. The flags keep it from reaching out
// to Google's services, which a closed network refuses, many connections at a time.
import { readEnv } from '../config/env.js';

/** The Chromium to drive (TINWATCH_CHROMIUM; Debian's by default). */
export function chromiumPath(): string {
  return readEnv().TINWATCH_CHROMIUM;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
