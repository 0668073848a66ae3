// @vitest-environment node
// The first load stays small: every JS and CSS file that the built index.html loads (modulepreloads
// included), gzipped, must stay within 45 KB (the preloaded Home screen included). `npm test` builds before the unit tests; run on its
// own, this test builds dist/ first when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUDGET_BYTES, GOAL_BYTES, measureInitialLoad } from '../../scripts/size-report.mjs';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');

function ensureBuilt() {
  if (existsSync(join(DIST, 'index.html'))) return;
  try {
    execFileSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, OUT_DIR: 'dist' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `dist/ is missing and \`npm run build\` failed, so the size cannot be measured:\n${stdout}\n${stderr}`,
    );
  }
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('`npm run build` did not produce dist/index.html');
}

describe('first-load size budget', () => {
  test('the JS and CSS the first page load fetches weigh at most 45 KB gzipped', { timeout: 180_000 }, () => {
    ensureBuilt();
    const report = measureInitialLoad(DIST);
    const lines = report.files.map((f) => `${f.file}: ${(f.gzip / 1024).toFixed(1)} KB`).join(', ');
    console.log(
      `initial load ${(report.initialGzip / 1024).toFixed(1)} KB gzip (goal ${GOAL_BYTES / 1024} KB): ${lines}`,
    );
    expect(report.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(report.files.some((f) => f.file.endsWith('.css'))).toBe(true);
    expect(report.initialGzip, `initial load: ${lines}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  test('the first load holds the Home screen and leaves Dexie out (Home shows before it loads)', () => {
    ensureBuilt();
    const files = measureInitialLoad(DIST).files.map((f) => f.file);
    const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST, f), 'utf8'));
    // Home's own words are in the first load: a cold start waits for no screen chunk.
    expect(code.some((text) => text.includes('Milestones due'))).toBe(true);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      // "DexieError" is the name of Dexie's own error class: present in Dexie's chunk only.
      expect(readFileSync(join(DIST, file), 'utf8'), file).not.toContain('DexieError');
    }
  });

  test('the size the build printed (dist/size-report.json) is the size of what index.html loads', () => {
    ensureBuilt();
    const path = join(DIST, 'size-report.json');
    const measured = measureInitialLoad(DIST);
    // A plain `vite build` (as the browser tests' harness runs) does not write the report: measure only.
    if (!existsSync(path)) return;
    const printed = JSON.parse(readFileSync(path, 'utf8')) as { initialGzip: number };
    expect(printed.initialGzip).toBe(measured.initialGzip);
  });
});
