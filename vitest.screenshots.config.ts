// `npm run screenshots`: renders the main screens of the sample journal into docs/screenshots/ with the
// browser tests' harness (tests/e2e/harness.ts). Not part of `npm test`: the images are made on request.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/screenshots/**/*.shots.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
