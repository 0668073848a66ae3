// Makes the manifest's screenshots (public/screenshots/wide.png 1280×800, narrow.png 390×844) from
// the built app in Chromium, with a small sample journal: `npm run build && node scripts/screenshots.mjs`.
// The install dialog shows them; they are not precached (vite.config.ts, globIgnores).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'screenshots');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SHOTS = [
  { file: 'wide.png', width: 1280, height: 800 },
  { file: 'narrow.png', width: 390, height: 844 },
];

const server = await preview({
  root: ROOT,
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview gave no address');
const browser = await chromium.launch({ executablePath: CHROME, args: ['--headless', '--no-sandbox'] });
mkdirSync(OUT, { recursive: true });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(url);
    await page.getByLabel(/^The mentee/).check();
    await page.getByLabel('Mentee’s name').fill('Zofia Łukasiewicz');
    await page.getByLabel('Mentor’s name').fill('Grace Okafor');
    await page.getByLabel('Programme (optional)').fill('Regional library mentoring');
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.goto(`${url}stories/new`);
    await page.getByLabel('Title').fill('Rebuilt the teen reading club');
    await page.goto(`${url}meetings/today`);
    await page.getByRole('button', { name: 'Start a meeting now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting mode' }).waitFor();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, shot.file) });
    await page.close();
    console.log(`screenshots/${shot.file} ${shot.width}×${shot.height}`);
  }
} finally {
  await browser.close();
  await server.close();
}
