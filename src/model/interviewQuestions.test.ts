import { describe, expect, it } from 'vitest';
import {
  answerOf,
  comparableWords,
  INTERVIEW_QUESTIONS,
  type InterviewQuestion,
  practiceQuestions,
  skillMatches,
} from './interviewQuestions';

const conflict: InterviewQuestion = {
  id: 'disagreement',
  text: 'Describe a disagreement.',
  skills: ['conflict', 'public speaking'],
};

describe('interview questions', () => {
  it('offers at least 15 questions, each with skills and an id of its own', () => {
    expect(INTERVIEW_QUESTIONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(INTERVIEW_QUESTIONS.map((q) => q.id)).size).toBe(INTERVIEW_QUESTIONS.length);
    for (const q of INTERVIEW_QUESTIONS) {
      expect(q.text.trim(), q.id).not.toBe('');
      expect(q.skills.length, q.id).toBeGreaterThan(0);
      for (const skill of q.skills) expect(skill, q.id).toBe(skill.toLowerCase());
    }
  });
});

describe('a story skill matches a question skill', () => {
  it('whatever the case and the accents', () => {
    expect(skillMatches('CONFLICT', 'conflict')).toBe(true);
    expect(skillMatches('Résolution de conflit', 'resolution')).toBe(true);
    expect(skillMatches('Ēmpathy', 'empathy')).toBe(true);
    expect(skillMatches('Zarządzanie czasem', 'zarzadzanie')).toBe(true);
    expect(comparableWords('Ángel’s  co-operation!')).toEqual(['angel', 's', 'co', 'operation']);
  });

  it('when the story skill holds every word of the question skill, in any order', () => {
    expect(skillMatches('Resolving conflict', 'conflict')).toBe(true);
    expect(skillMatches('Speaking in public', 'public speaking')).toBe(true);
    expect(skillMatches('Public relations', 'public speaking')).toBe(false);
  });

  it('by whole words only: a word inside a longer word is not a match', () => {
    expect(skillMatches('Leadership', 'lead')).toBe(false);
    expect(skillMatches('Conflicts', 'conflict')).toBe(false);
    expect(skillMatches('', 'conflict')).toBe(false);
    expect(skillMatches('anything', '  ')).toBe(false);
  });
});

describe('which stories answer a question', () => {
  const stories = [
    { id: 'a', title: 'Teen club', skills: [{ name: 'Conflict resolution' }, { name: 'Planning' }] },
    { id: 'b', title: 'Budget', skills: [{ name: 'Budgeting' }], questionIds: ['disagreement'] },
    { id: 'c', title: 'Gone', skills: [{ name: 'conflict' }], deleted: true },
    { id: 'd', title: 'Nothing to do with it', skills: [{ name: 'Cataloguing' }] },
  ];

  it('a story whose skill matches, and a story linked by hand, both answer; a deleted one never does', () => {
    const [practice] = practiceQuestions(stories, [conflict]);
    expect(practice!.gap).toBe(false);
    expect(
      practice!.answers.map((a) => ({ id: a.story.id, skills: a.matchingSkills, linked: a.linked })),
    ).toEqual([
      // Hand-linked stories come first.
      { id: 'b', skills: [], linked: true },
      { id: 'a', skills: ['Conflict resolution'], linked: false },
    ]);
  });

  it('a story both matching and linked is listed once, with both reasons', () => {
    const answer = answerOf(
      { id: 'e', skills: [{ name: 'conflict' }], questionIds: ['disagreement'] },
      conflict,
    );
    expect(answer).toMatchObject({ matchingSkills: ['conflict'], linked: true });
  });

  it('a question no story answers is a gap', () => {
    const unanswered: InterviewQuestion = {
      id: 'x',
      text: 'Tell us about fundraising.',
      skills: ['fundraising'],
    };
    expect(practiceQuestions(stories, [conflict, unanswered]).map((p) => [p.question.id, p.gap])).toEqual([
      ['disagreement', false],
      ['x', true],
    ]);
    expect(practiceQuestions([], [conflict])[0]!.gap).toBe(true);
  });
});
