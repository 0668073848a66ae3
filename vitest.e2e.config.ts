// Browser tests: `npm run test:e2e`. They drive the Debian Chromium through playwright-core against a
// built copy of the app (tests/e2e/harness.ts); the global setup builds dist/ when it is missing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One file at a time: each test launches its own Chromium, and the machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '.tmp/reports/e2e.json' }]],
  },
});
