// Runs tests/measure/import.ts in Debian's Chromium, over the browser's own IndexedDB: the module
// is bundled by vite into .tmp/measure-browser and served from 127.0.0.1.
// Usage: node tests/measure/browser.mjs [records] [runs]   (MEASURE=measureOverlap: another export of it)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const [records = '10000', runs = '5'] = process.argv.slice(2);
const out = join(process.cwd(), '.tmp', 'measure-browser');
await build({
  configFile: false,
  logLevel: 'error',
  define: { __APP_VERSION__: JSON.stringify('measure') },
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: 'tests/measure/import.ts', formats: ['es'], fileName: 'measure' },
  },
});
const page =
  '<!doctype html><script type="module">import * as m from "./measure.js"; window.measure = m;</script>';
const server = createServer(async (request, response) => {
  const path = request.url === '/' ? null : join(out, request.url.split('?')[0]);
  try {
    const body = path ? await readFile(path) : page;
    response.writeHead(200, {
      'content-type': extname(path ?? '.html') === '.js' ? 'text/javascript' : 'text/html',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => typeof window.measure === 'object');
  const which = process.env.MEASURE ?? 'measureImport';
  const result = await tab.evaluate(
    ([f, n, r]) => window.measure[f](n, r),
    [which, Number(records), Number(runs)],
  );
  console.log(JSON.stringify({ browser: 'chromium', ...result }));
} finally {
  await browser.close();
  server.close();
}
