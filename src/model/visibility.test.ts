import { describe, expect, it } from 'vitest';
import { visibilityChoices } from './visibility';

describe('who a record may be shown to', () => {
  it('offers “only me” on my own records of a kind that may be private', () => {
    expect(visibilityChoices('goal', 'mentee', 'mentee')).toEqual(['private', 'pair', 'committee']);
    expect(visibilityChoices('goal', undefined, 'mentor')).toEqual(['private', 'pair', 'committee']);
  });

  it('never offers “only me” on the partner’s record, or on a kind that is always shared', () => {
    expect(visibilityChoices('goal', 'mentor', 'mentee')).toEqual(['pair', 'committee']);
    expect(visibilityChoices('meeting', 'mentee', 'mentee')).toEqual(['pair']);
  });

  it('offers the committee only for kinds the committee summary shows', () => {
    expect(visibilityChoices('story', 'mentee', 'mentee')).toEqual(['private', 'pair', 'committee']);
    expect(visibilityChoices('contact', 'mentee', 'mentee')).toEqual(['private', 'pair']);
    expect(visibilityChoices('opportunity', 'mentee', 'mentee')).toEqual(['private', 'pair', 'committee']);
    expect(visibilityChoices('reflection', 'mentee', 'mentee', 'committee')).toEqual([
      'private',
      'pair',
      'committee',
    ]);
  });

  it('keeps the current value among the choices', () => {
    expect(visibilityChoices('goal', 'mentor', 'mentee', 'private')).toEqual([
      'private',
      'pair',
      'committee',
    ]);
  });
});
