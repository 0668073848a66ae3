import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from './kind';
import { KINDS } from './kinds';
import { KIND_INFO } from './tables';

describe('record kinds', () => {
  it('the first-load table list agrees with the schemas', () => {
    for (const kind of KIND_NAMES) {
      expect(KIND_INFO[kind]).toEqual({ table: KINDS[kind].table, label: KINDS[kind].label });
    }
  });
});
