import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileJsonSchema } from './schemaDoc';

const PATH = 'docs/pair-file.schema.json';

describe('the documented JSON Schema', () => {
  it('is the one generated from the zod schemas (UPDATE_SCHEMA=1 regenerates it; then run biome format)', () => {
    const generated = fileJsonSchema();
    if (process.env.UPDATE_SCHEMA) writeFileSync(PATH, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(PATH, 'utf8'))).toEqual(generated);
  });
});
