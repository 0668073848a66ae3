import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/model/kinds';
import { KIND_INFO } from '../../src/model/tables';

const doc = readFileSync(join(process.cwd(), 'docs/data-model.md'), 'utf8');

/** The part of the data-model document about one kind: from its heading to the next. */
function section(kind: string): string {
  const start = doc.indexOf(`### \`${kind}\``);
  if (start < 0) return '';
  const next = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('docs/data-model.md', () => {
  it.each(Object.values(KINDS).map((k) => [k.kind, k] as const))(
    'documents every field of %s',
    (kind, definition) => {
      const text = section(kind);
      expect(text, `no section for ${kind}`).not.toBe('');
      expect(text).toContain(`table \`${KIND_INFO[kind].table}\``);
      const missing = Object.keys(definition.content).filter((field) => !text.includes(`\`${field}\``));
      expect(missing, `fields of ${kind} missing from docs/data-model.md`).toEqual([]);
    },
  );
});

describe('the repository’s text files', () => {
  it('carry no leftover merge-conflict markers', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
      .split('\0')
      .filter((f) => /\.(md|ts|tsx|js|mjs|json|css|html|yml|yaml)$/.test(f) || f.startsWith('.ci/'));
    const marked = files.filter((file) => {
      try {
        return /^(<{7} |={7}$|>{7} )/m.test(readFileSync(join(process.cwd(), file), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(marked).toEqual([]);
  });
});
