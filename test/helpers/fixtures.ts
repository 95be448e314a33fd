// The golden cases (test/fixtures/<sourceId>/) and the demo's recorded site tree they read their
// pages from (app/demo/sites/<host>/<path>).
import path from 'node:path';
import { readGoldenCases, type GoldenCase } from '../../evaluation/golden-cases.js';

export type { GoldenCase };
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const SITES = path.resolve(import.meta.dirname, '../../app/demo/sites');

export function goldenCases(): GoldenCase[] {
  return readGoldenCases(FIXTURES, SITES);
}
