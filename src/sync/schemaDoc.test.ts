import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileJsonSchema } from './schemaDoc';

const PATH = 'docs/pair-file.schema.json';

describe('the documented JSON Schema', () => {
  it('is the one generated from the zod schemas (run with UPDATE_SCHEMA=1 to regenerate)', () => {
    const generated = `${JSON.stringify(fileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(PATH, generated);
    expect(readFileSync(PATH, 'utf8')).toBe(generated);
  });
});
