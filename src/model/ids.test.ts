import { describe, expect, it } from 'vitest';
import { carriedId } from './carryForward';
import { defaultDutyId } from './defaultDuties';
import { derivedId, newId, newNodeId, planMilestoneId, reflectionId, reviewAnswerId, themeId } from './ids';

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

  it('derived ids never change from one version to the next: two devices on different versions make one record', () => {
    expect(themeId('j-1', 'leadership')).toBe('4433e5b8-0e4a-8d9c-8378-fb112469a255');
    expect(reflectionId('j-1', 'mentee', 'p-1', '2026-04-10')).toBe('bdaf2590-59d6-82be-9152-aa1de0264ea7');
    expect(carriedId('item-1', 'meeting-2')).toBe('5c1eb658-4443-8360-ad19-874e9838b55d');
    expect(defaultDutyId('j-1', 'mentor', 3)).toBe('674ac9e5-6c5b-8f44-96cb-a952f51fef1e');
    expect(planMilestoneId('j-1', 'first-meeting')).toBe('9946314e-a2f8-8bdc-a9b8-ad120a170806');
    expect(reviewAnswerId('j-1', 'mid-point', 'mentee', 'worked')).toBe(
      '86e19511-4e09-838a-8cf5-b9b14c55a0ab',
    );
  });

  it('gives each person their own review answer, and each goal its own', () => {
    const mine = reviewAnswerId('j-1', 'mid-point', 'mentee', 'achieved', 'g-1');
    expect(mine).not.toBe(reviewAnswerId('j-1', 'mid-point', 'mentor', 'achieved', 'g-1'));
    expect(mine).not.toBe(reviewAnswerId('j-1', 'mid-point', 'mentee', 'achieved', 'g-2'));
    expect(mine).not.toBe(reviewAnswerId('j-1', 'closing', 'mentee', 'achieved', 'g-1'));
  });
});
