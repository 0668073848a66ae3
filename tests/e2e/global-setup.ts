// Global setup of the browser tests (vitest.e2e.config.ts): makes sure there is a build to test and a
// browser to test it with, so `npm run test:e2e` works on its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Identifies one run of the e2e suite; harness build() reuses a build made in the same run. */
    e2eRunId: string;
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * Builds the app (`npm run build`) into dist/, or $E2E_DIST, if its index.html is missing or E2E_BUILD=1,
 * and checks that there is a Chromium.
 */
export function setup(project: TestProject): void {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    throw new Error(
      `No Chromium at ${chrome}: apt-get install chromium, or set CHROME_PATH (.ci/run does it).`,
    );
  }
  const dist = process.env.E2E_DIST ?? 'dist';
  if (process.env.E2E_BUILD === '1' || !existsSync(join(ROOT, dist, 'index.html'))) {
    console.log(`e2e global setup: building the app into ${dist}/ (npm run build)`);
    execFileSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, OUT_DIR: dist },
    });
  }
  project.provide('e2eRunId', `${Date.now()}-${process.pid}`);
}
