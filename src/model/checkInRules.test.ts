import { describe, expect, it } from 'vitest';
import { isRating, ratingTrend } from './checkInRules';

describe('the partnership rating trend', () => {
  it('lists each person’s dated ratings oldest first, mentee before mentor on one day', () => {
    const trend = ratingTrend([
      { id: 'c', date: '2025-09-01', author: 'mentor', rating: 4 },
      { id: 'a', date: '2025-03-01', author: 'mentor', rating: 3 },
      { id: 'b', date: '2025-09-01', author: 'mentee', rating: 5 },
    ]);
    expect(trend.map((p) => [p.date, p.author, p.rating])).toEqual([
      ['2025-03-01', 'mentor', 3],
      ['2025-09-01', 'mentee', 5],
      ['2025-09-01', 'mentor', 4],
    ]);
  });

  it('leaves out check-ins without a rating or a date, deleted ones, and values off the scale', () => {
    expect(
      ratingTrend([
        { id: 'a', date: '2025-03-01', author: 'mentee' },
        { id: 'b', author: 'mentee', rating: 4 },
        { id: 'c', date: '2025-03-01', author: 'mentee', rating: 4, deleted: true },
        { id: 'd', date: '2025-03-01', author: 'mentee', rating: 6 },
        { id: 'e', date: '2025-03-01', author: 'mentee', rating: 2.5 },
        { id: 'f', date: '2025-02-30', author: 'mentee', rating: 2 },
      ]),
    ).toEqual([]);
  });

  it('knows the scale: whole numbers from 1 to 5', () => {
    expect([0, 1, 3, 5, 6, 4.5, '4', undefined].map(isRating)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
