import { describe, expect, it } from 'vitest';
import { normaliseSkill, proposeThemes, skillSuggestions, summariseSkills } from './themes';

const skill = (name: string, enjoyed = false) => ({ name, enjoyed });

describe('skills and themes', () => {
  it('counts "Leadership" and "leadership " as one skill, shown in its most common spelling', () => {
    const summaries = summariseSkills([
      { id: 'a', title: 'Reading club', skills: [skill('leadership ')] },
      { id: 'b', title: 'Budget', skills: [skill('Leadership')] },
      { id: 'c', title: 'Move', skills: [skill(' Leadership', true)] },
    ]);
    expect(summaries).toEqual([
      {
        key: 'leadership',
        name: 'Leadership',
        count: 3,
        enjoyedCount: 1,
        stories: [
          { id: 'a', title: 'Reading club' },
          { id: 'b', title: 'Budget' },
          { id: 'c', title: 'Move' },
        ],
      },
    ]);
  });

  it('breaks a tie between spellings in favour of the earliest story, and lists stories earliest first', () => {
    const [only] = summariseSkills([
      { id: 'late', createdAt: '2025-02-01T10:00:00.000Z', skills: [skill('leadership')] },
      { id: 'early', createdAt: '2025-01-01T10:00:00.000Z', skills: [skill('Leadership')] },
    ]);
    expect(only?.name).toBe('Leadership');
    expect(only?.stories.map((s) => s.id)).toEqual(['early', 'late']);
  });

  it('normalises case, surrounding spaces and inner runs of spaces', () => {
    expect(normaliseSkill('  Grant   Writing ')).toBe('grant writing');
  });

  it('lists the most used skills first, then the most enjoyed, then by name', () => {
    const summaries = summariseSkills([
      { id: 'a', title: 'A', skills: [skill('Teaching'), skill('Budgeting', true), skill('Outreach')] },
      { id: 'b', title: 'B', skills: [skill('teaching', true), skill('Cataloguing', true)] },
    ]);
    expect(summaries.map((s) => [s.name, s.count, s.enjoyedCount])).toEqual([
      ['Teaching', 2, 1],
      ['Budgeting', 1, 1],
      ['Cataloguing', 1, 1],
      ['Outreach', 1, 0],
    ]);
  });

  it('counts a story once even if it lists a skill twice, enjoyed if either mark says so', () => {
    const [only] = summariseSkills([{ id: 'a', skills: [skill('Coaching'), skill('coaching', true)] }]);
    expect(only).toMatchObject({
      count: 1,
      enjoyedCount: 1,
      stories: [{ id: 'a', title: 'Untitled story' }],
    });
  });

  it('ignores deleted stories and empty skill names', () => {
    expect(
      summariseSkills([
        { id: 'a', deleted: true, skills: [skill('Teaching')] },
        { id: 'b', skills: [skill('  ')] },
        { id: 'c' },
      ]),
    ).toEqual([]);
  });

  it('proposes as themes only skills that appear in two or more stories', () => {
    const themes = proposeThemes(
      summariseSkills([
        { id: 'a', title: 'A', skills: [skill('Teaching'), skill('Outreach')] },
        { id: 'b', title: 'B', skills: [skill('teaching')] },
      ]),
    );
    expect(themes.map((t) => t.name)).toEqual(['Teaching']);
  });

  it('suggests skills already used in other stories, leaving out those already on this one', () => {
    const stories = [
      { id: 'a', skills: [skill('Teaching'), skill('Outreach')] },
      { id: 'b', skills: [skill('teaching')] },
    ];
    expect(skillSuggestions(stories, ['OUTREACH'])).toEqual(['Teaching']);
  });
});
