// Renders the app icons in public/icons/ from the open-book motif of public/favicon.svg, with headless
// Chromium (playwright-core). Run: `node scripts/make-icons.mjs` (CHROME_PATH overrides the browser).
//   icon-192.png, icon-512.png  the favicon as it is: a rounded #1f4e5f square, transparent corners
//   icon-maskable-512.png       full-bleed #1f4e5f, the book well inside the central 80% safe zone
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BACKGROUND = '#1f4e5f';
const PAPER = '#f7f5f0';
// The two pages of an open book, drawn in the favicon's 64 × 64 box (x 13–51, y 17–48, centre 32, 32.5):
// curved upper edges meeting at the spine, a thin gap between the pages.
const BOOK =
  'M31 22C26 18 19 17 13 18.5V45C19 44 26 45 31 48ZM33 22C38 18 45 17 51 18.5V45C45 44 38 45 33 48Z';

const rounded = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="12" fill="${BACKGROUND}"/>
  <path d="${BOOK}" fill="${PAPER}" transform="translate(0 -0.5)"/>
</svg>`;

// Scaled by 0.75 about its centre, the book's farthest corner lies 18.4 units from the middle, i.e. 29%
// of the icon's width: well inside the 40% radius of the maskable safe zone.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${BACKGROUND}"/>
  <g transform="translate(32 32) scale(0.75) translate(-32 -32.5)"><path d="${BOOK}" fill="${PAPER}"/></g>
</svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: rounded },
  { file: 'icon-512.png', size: 512, svg: rounded },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
];

const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, svg } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const html = `<!doctype html><html><body style="margin:0;background:transparent">
      ${svg.replace('<svg ', `<svg width="${size}" height="${size}" style="display:block" `)}</body></html>`;
    await page.setContent(html);
    const path = new URL(file, outDir).pathname;
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
