import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-redis.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Test files share one Redis but each uses its own key prefix; two at a time suits 2 cores.
    maxWorkers: 2,
    reporters: ['default'],
    // Tests crawl a local replay server: no politeness delay (the gate has its own test).
    env: { TINWATCH_HOST_DELAY_MS: '0' },
  },
});
