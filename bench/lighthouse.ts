/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (fetched on demand with npx, not a dependency;
 * Lighthouse 13 needs Node 22) in its default mobile mode — a phone's screen, simulated slow 4G and
 * a 4× slower CPU — against the production build served the way a static host serves it: gzip,
 * hashed assets cached for a year, unknown paths falling back to index.html. Prints the four
 * category scores and writes them, with the metrics and the audits that lost points, to
 * bench/lighthouse.json.
 *
 *   LIGHTHOUSE_RUNS=3       runs (each score the median; default 1)
 *   BENCH_BUILD=1, BENCH_DIST=dist, CHROME_PATH=/usr/bin/chromium, LIGHTHOUSE_OUT=bench/lighthouse.json
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH } from './measure';
import { markdownTable, median } from './report';
import { startServer } from './server';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const LIGHTHOUSE = 'lighthouse@12.2.3';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'speed-index',
  'total-blocking-time',
  'cumulative-layout-shift',
  'interactive',
] as const;

interface Report {
  lighthouseVersion: string;
  finalDisplayedUrl: string;
  configSettings: { formFactor: string; throttlingMethod: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
    }
  >;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: tmpdir(), env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args[0]} exited with ${code}`)),
    );
  });
}

export async function main(): Promise<void> {
  const dist = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
  const out = resolve(ROOT, process.env.LIGHTHOUSE_OUT ?? 'bench/lighthouse.json');
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1) || 1);
  if (process.env.BENCH_BUILD === '1' || !existsSync(join(dist, 'index.html'))) {
    console.error(`lighthouse: building the app into ${dist} (npm run build)`);
    execFileSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, OUT_DIR: dist },
    });
  }
  const work = join(ROOT, '.tmp', 'lighthouse');
  mkdirSync(work, { recursive: true });
  const server = await startServer({ dist, root: ROOT, gzip: true });
  const reports: Report[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const path = join(work, `report-${i}.json`);
      console.error(`lighthouse: run ${i} of ${runs} against ${server.url} (${LIGHTHOUSE}, mobile)`);
      await run(
        'npx',
        [
          '-y',
          LIGHTHOUSE,
          server.url,
          '--output=json',
          `--output-path=${path}`,
          '--form-factor=mobile',
          `--only-categories=${CATEGORIES.join(',')}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
          '--quiet',
        ],
        { ...process.env, CHROME_PATH },
      );
      reports.push(JSON.parse(readFileSync(path, 'utf8')) as Report);
    }
  } finally {
    await server.close();
  }

  const score = (name: string) =>
    median(reports.map((r) => Math.round((r.categories[name]?.score ?? 0) * 100)));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(c)]));
  const last = reports[reports.length - 1]!;
  const metrics = Object.fromEntries(
    METRICS.map((id) => [
      id,
      {
        value: median(reports.map((r) => r.audits[id]?.numericValue ?? 0)),
        shown: last.audits[id]?.displayValue,
      },
    ]),
  );
  // What cost points: audits of each category that did not pass (the last run's).
  const failing = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      (last.categories[c]?.auditRefs ?? [])
        .map((ref) => ({ id: ref.id, weight: ref.weight, audit: last.audits[ref.id] }))
        .filter(
          (a) =>
            a.audit &&
            a.audit.score !== null &&
            a.audit.score < 1 &&
            ['binary', 'numeric', 'metricSavings'].includes(a.audit.scoreDisplayMode),
        )
        .map((a) => ({
          id: a.id,
          title: a.audit!.title,
          score: a.audit!.score,
          weight: a.weight,
          shown: a.audit!.displayValue,
        })),
    ]),
  );
  const result = {
    date: new Date().toISOString(),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return '';
      }
    })(),
    lighthouse: last.lighthouseVersion,
    runs,
    formFactor: last.configSettings.formFactor,
    throttling: last.configSettings.throttlingMethod,
    server: 'bench/server.ts with gzip, hashed assets cached for a year, SPA fallback',
    scores,
    metrics,
    failing,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

  const table = markdownTable(
    ['Lighthouse (mobile)', ...CATEGORIES],
    [
      [
        `${LIGHTHOUSE}${runs > 1 ? `, median of ${runs}` : ''}`,
        ...CATEGORIES.map((c) => String(scores[c] ?? '')),
      ],
    ],
  );
  const lines = [table, ''];
  lines.push(
    `Metrics: ${METRICS.map((id) => `${id.replace(/-/g, ' ')} ${metrics[id]?.shown ?? ''}`).join(', ')}.`,
  );
  for (const c of CATEGORIES) {
    const lost = failing[c] ?? [];
    if (lost.length)
      lines.push(
        `Lost points in ${c}: ${lost.map((a) => `${a.title}${a.shown ? ` (${a.shown})` : ''}`).join('; ')}.`,
      );
  }
  console.log(lines.join('\n'));
  console.error(`lighthouse: wrote ${out}`);
}
