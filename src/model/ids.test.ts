import { describe, expect, it } from 'vitest';
import { derivedId, newId, newNodeId } from './ids';

describe('ids', () => {
  it('gives random ids that differ', () => {
    expect(newId()).not.toBe(newId());
    expect(newNodeId()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('derives the same id from the same source on every device, and different ids from different sources', () => {
    const a = derivedId('carry', 'item-1', 'meeting-2');
    expect(a).toBe(derivedId('carry', 'item-1', 'meeting-2'));
    expect(a).not.toBe(derivedId('carry', 'item-1', 'meeting-3'));
    expect(a).not.toBe(derivedId('carry', 'item-1meeting-2'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
