// Prints the size of what the first page load fetches: every JS and CSS file that dist/index.html
// loads (scripts, modulepreloads, stylesheets), gzipped. Also writes it to dist/size-report.json,
// which a unit test reads to hold the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.OUT_DIR ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) refs.add(m[1]);
const files = [...refs].map((ref) => {
  const path = ref.replace(/^\.?\//, '').replace(/^.*?assets\//, 'assets/');
  const bytes = readFileSync(join(dist, path));
  return { file: path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = files.reduce((sum, f) => sum + f.gzip, 0);
writeFileSync(join(dist, 'size-report.json'), `${JSON.stringify({ initialGzip: total, files }, null, 2)}\n`);
for (const f of files)
  console.log(`  ${f.file.padEnd(44)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`initial load (JS + CSS, gzip): ${(total / 1024).toFixed(1)} KB — budget 60 KB, goal 45 KB`);
