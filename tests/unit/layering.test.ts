/**
 * Layering: imports run one way only, model ← db ← sync/report/calendar ← ui ← app ← main, and only
 * src/db touches Dexie. See docs/architecture.md. Type-only imports count too: a type from a
 * higher layer still ties the lower one to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The top folders of src/ (and main.tsx) as layers; `tests` is tests/helpers and tests/fixtures. */
type Layer = 'model' | 'db' | 'sync' | 'report' | 'calendar' | 'ui' | 'app' | 'main' | 'tests';

/**
 * What each layer may import besides itself. sync, report and calendar sit side by side and do not
 * import each other (none needs to today). Only main imports app.
 */
const MAY_IMPORT: Record<Exclude<Layer, 'tests'>, readonly Layer[]> = {
  model: [],
  db: ['model'],
  sync: ['db', 'model'],
  report: ['db', 'model'],
  calendar: ['db', 'model'],
  ui: ['sync', 'report', 'calendar', 'db', 'model'],
  app: ['ui', 'sync', 'report', 'calendar', 'db', 'model'],
  main: ['app', 'ui', 'sync', 'report', 'calendar', 'db', 'model'],
};

/** The only layer that may import 'dexie' (tables, live queries, even its types). */
const DEXIE_LAYER: Layer = 'db';

/**
 * Test support kept beside the code it tests. Like *.test.ts(x) files they may also import
 * tests/helpers and tests/fixtures; code that ships may not import them.
 */
const TEST_SUPPORT = new Set([
  'src/sync/testing.ts',
  'src/sync/arbitraries.ts',
  'src/report/testRecords.ts',
  'src/ui/goals/testJournal.tsx',
]);

/** Files that are not code of any layer. */
const IGNORED = new Set(['src/env.d.ts']);

interface SourceFile {
  /** Path from the repository root, with forward slashes: "src/ui/home/HomeScreen.tsx". */
  path: string;
  text: string;
}

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const STATIC_IMPORT = /^(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every module specifier a file imports or re-exports: static (`import … from`, `import '…'`,
 * `export … from`, type-only included) and dynamic (`import('…')`, `typeof import('…')`).
 * Static statements start a line (as the formatter writes them), so commented-out code and JSDoc
 * examples are not read as imports; a dynamic import on a `//` or `*` comment line is skipped.
 */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(STATIC_IMPORT)) found.push(match[1]!);
  for (const match of text.matchAll(DYNAMIC_IMPORT)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index).trimStart();
    if (before.startsWith('//') || before.startsWith('*') || before.startsWith('/*')) continue;
    found.push(match[1]!);
  }
  return found;
}

/** The layer a repository path belongs to, or undefined for anything outside the layers. */
function layerOf(path: string): Layer | undefined {
  if (path === 'src/main.tsx') return 'main';
  if (path.startsWith('tests/helpers/') || path.startsWith('tests/fixtures/')) return 'tests';
  const match = /^src\/([^/]+)(?:\/|$)/.exec(path);
  if (!match) return undefined;
  const top = match[1] as Layer;
  return top in MAY_IMPORT ? top : undefined;
}

function isTestCode(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || TEST_SUPPORT.has(path);
}

/** Resolves a relative specifier against the importing file; bare specifiers stay as they are. */
function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** Every import that runs the wrong way, in the given files. */
function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (IGNORED.has(file.path)) continue;
    const from = layerOf(file.path);
    const testCode = isTestCode(file.path);
    const report = (specifier: string, rule: string) => violations.push({ file: file.path, specifier, rule });
    if (!from || from === 'tests') {
      report('(file)', 'in no layer: give its folder a place in MAY_IMPORT and docs/architecture.md');
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      if (specifier === 'dexie' || specifier.startsWith('dexie/')) {
        if (from !== DEXIE_LAYER) report(specifier, `only src/${DEXIE_LAYER} may import dexie`);
        continue;
      }
      if (!specifier.startsWith('.')) continue; // other packages: any layer may use them
      const target = resolve(file.path, specifier);
      const to = layerOf(target);
      if (to === 'tests') {
        if (!testCode) report(specifier, 'only tests may import tests/helpers or tests/fixtures');
        continue;
      }
      if (!to) {
        report(specifier, `${target} is in no layer`);
        continue;
      }
      if (!testCode && [...TEST_SUPPORT].some((support) => support.replace(/\.tsx?$/, '') === target)) {
        report(specifier, 'only tests may import test support');
        continue;
      }
      if (to !== from && !MAY_IMPORT[from].includes(to)) {
        const allowed = MAY_IMPORT[from].length ? MAY_IMPORT[from].join(', ') : 'no other layer';
        report(specifier, `${from} may import ${allowed}; not ${to}`);
      }
    }
  }
  return violations;
}

/** A readable list, one "file → import (rule broken)" per line. */
function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file} → ${v.specifier} (${v.rule})`).join('\n');
}

/** Every .ts/.tsx file under src/, with its path from the repository root. */
function sourceFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(join(root, 'src'));
  return files;
}

describe('layering', () => {
  it('every import in src runs the allowed way, and only src/db imports dexie', () => {
    const files = sourceFiles(process.cwd());
    expect(files.length).toBeGreaterThan(50);
    const found = describeViolations(findViolations(files));
    expect(found, `imports that break the layers (see docs/architecture.md):\n${found}`).toBe('');
  });

  describe('the checker itself', () => {
    it('reads static, type-only, re-export, side-effect and dynamic imports, not comments', () => {
      const text = [
        "import { a } from './a';",
        "import type { B } from '../b';",
        'import {',
        '  c,',
        '  type D,',
        "} from './c';",
        "import './style.css';",
        "export { e } from './e';",
        "export * from './f';",
        "const g = await import('./g');",
        "type H = typeof import('./h');",
        "// import { z } from '../z';",
        " * import { y } from '../y';",
        "// later: import('./x')",
        "const s = 'import from nowhere';",
      ].join('\n');
      expect(importsOf(text).sort()).toEqual(
        ['./a', '../b', './c', './style.css', './e', './f', './g', './h'].sort(),
      );
    });

    it('lists each wrong-way import with the rule it breaks', () => {
      const violations = findViolations([
        { path: 'src/model/goal.ts', text: "import type { Repository } from '../db/repository';" },
        {
          path: 'src/db/repository.ts',
          text: "import { liveQuery } from 'dexie';\nimport { x } from '../model/x';",
        },
        { path: 'src/report/summaryText.ts', text: "import { LABELS } from '../ui/goals/goalLabels';" },
        { path: 'src/report/toPdf.ts', text: "const m = await import('../sync/crypto');" },
        {
          path: 'src/ui/home/HomeScreen.tsx',
          text: "import { liveQuery } from 'dexie';\nimport { repo } from '../../db';",
        },
        {
          path: 'src/ui/goals/GoalsScreen.tsx',
          text: "import { useJournal } from '../../app/journalContext';",
        },
        {
          path: 'src/ui/goals/Goals.test.tsx',
          text: "import { renderInJournal } from '../../../tests/helpers/journal';",
        },
        {
          path: 'src/ui/goals/GoalsScreen.tsx',
          text: "import { renderInJournal } from '../../../tests/helpers/journal';",
        },
        { path: 'src/ui/goals/Other.tsx', text: "import { renderInJournal } from './testJournal';" },
        { path: 'src/app/App.tsx', text: "import { HomeScreen } from '../ui/home/HomeScreen';" },
        { path: 'src/main.tsx', text: "import { App } from './app/App';" },
        { path: 'src/workers/sw.ts', text: '' },
      ]);
      expect(describeViolations(violations).split('\n')).toEqual([
        'src/model/goal.ts → ../db/repository (model may import no other layer; not db)',
        'src/report/summaryText.ts → ../ui/goals/goalLabels (report may import db, model; not ui)',
        'src/report/toPdf.ts → ../sync/crypto (report may import db, model; not sync)',
        'src/ui/home/HomeScreen.tsx → dexie (only src/db may import dexie)',
        'src/ui/goals/GoalsScreen.tsx → ../../app/journalContext (ui may import sync, report, calendar, db, model; not app)',
        'src/ui/goals/GoalsScreen.tsx → ../../../tests/helpers/journal (only tests may import tests/helpers or tests/fixtures)',
        'src/ui/goals/Other.tsx → ./testJournal (only tests may import test support)',
        'src/workers/sw.ts → (file) (in no layer: give its folder a place in MAY_IMPORT and docs/architecture.md)',
      ]);
    });

    it('holds tests beside the code to the same layers as the code', () => {
      const violations = findViolations([
        {
          path: 'src/db/repository.test.ts',
          text: "import { renderInJournal } from '../../tests/helpers/journal';",
        },
        { path: 'src/db/journals.test.ts', text: "import { App } from '../app/App';" },
      ]);
      expect(describeViolations(violations)).toBe(
        'src/db/journals.test.ts → ../app/App (db may import model; not app)',
      );
    });
  });
});
