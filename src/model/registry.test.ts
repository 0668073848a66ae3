import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds';
import { countOf, KIND_NAMES, KIND_REGISTRY } from './registry';

describe('the registry of record kinds', () => {
  it('names exactly the kinds that have a schema', () => {
    expect([...KIND_NAMES].sort()).toEqual(Object.keys(KINDS).sort());
    for (const kind of KIND_NAMES) expect(KINDS[kind].kind).toBe(kind);
  });

  it('gives every kind its own table', () => {
    const tables = KIND_NAMES.map((kind) => KIND_REGISTRY[kind].table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('never lets the journal, its history or shared working records be made private', () => {
    for (const kind of [
      'journal',
      'agreementChange',
      'meeting',
      'agendaItem',
      'actionItem',
      'duty',
    ] as const) {
      expect(KIND_REGISTRY[kind].mayBePrivate).toBe(false);
    }
    for (const kind of KIND_NAMES) {
      if (KIND_REGISTRY[kind].defaultVisibility === 'private')
        expect(KIND_REGISTRY[kind].mayBePrivate).toBe(true);
    }
  });

  it('counts in words', () => {
    expect(countOf('story', 1)).toBe('1 story');
    expect(countOf('story', 12)).toBe('12 stories');
  });
});
