import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  define: { __APP_VERSION__: JSON.stringify('test'), __BUILD_ID__: JSON.stringify('test-build') },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    reporters: ['default', ['json', { outputFile: '.tmp/reports/unit.json' }]],
    // Component tests render whole screens over IndexedDB; on a busy two-core machine some take seconds.
    testTimeout: 20_000,
  },
});
