import { describe, expect, it } from 'vitest';
import { compareStories, isStoryReady, missingForReady } from './storyRules';

const complete = { title: 'Teen club', problem: 'p', action: 'a', result: 'r' };

describe('story rules', () => {
  it('a story is ready only when marked ready and holding a title, problem, action and result', () => {
    expect(isStoryReady({ ...complete, status: 'ready' })).toBe(true);
    expect(isStoryReady({ ...complete, status: 'draft' })).toBe(false);
    expect(isStoryReady({ ...complete })).toBe(false);
    expect(isStoryReady({ ...complete, result: '   ', status: 'ready' })).toBe(false);
    expect(missingForReady({ title: 'Teen club', action: 'a' })).toEqual(['problem', 'result']);
  });

  it('orders stories by their own date, else the day they were started, then by when they were started', () => {
    const stories = [
      { id: 'undated, started in May', createdAt: '2025-05-02T09:00:00.000Z' },
      { id: 'March', date: '2025-03-01', createdAt: '2025-06-01T09:00:00.000Z' },
      { id: 'May 2, started later', date: '2025-05-02', createdAt: '2025-05-03T09:00:00.000Z' },
    ];
    expect([...stories].sort(compareStories).map((s) => s.id)).toEqual([
      'March',
      'undated, started in May',
      'May 2, started later',
    ]);
    expect([...stories].sort((a, b) => compareStories(b, a)).map((s) => s.id)).toEqual([
      'May 2, started later',
      'undated, started in May',
      'March',
    ]);
  });
});
