import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds';
import { FIELD_LABELS, fieldLabel } from './labels';
import type { KindName } from './registry';

describe('field labels', () => {
  it('gives every long text of every kind a label, so a conflict never shows a field key', () => {
    const missing = Object.entries(KINDS).flatMap(([kind, definition]) =>
      definition.longText
        .filter((field) => !FIELD_LABELS[kind as KindName]?.[field])
        .map((f) => `${kind}.${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('names a field as the screen does, and makes words of a key it does not know', () => {
    expect(fieldLabel('goal', 'successCriteria')).toBe('Success criteria');
    expect(fieldLabel('goal', 'someNewField')).toBe('Some new field');
  });
});
