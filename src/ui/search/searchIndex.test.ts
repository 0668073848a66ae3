import { describe, expect, it } from 'vitest';
import { entry, fold, search } from './searchIndex';

const entries = [
  entry({
    kind: 'goal',
    id: 'g1',
    title: 'Update my résumé',
    href: '/goals/g1',
    texts: ['Update my résumé', 'For the branch manager post'],
    sortKey: '2026-01-01',
  }),
  entry({
    kind: 'agendaItem',
    id: 'a1',
    title: 'Résumé feedback',
    href: '/meetings/m1',
    texts: ['Résumé feedback'],
    sortKey: '2026-02-01',
  }),
  entry({
    kind: 'agendaItem',
    id: 'a2',
    title: 'Resume the book club',
    href: '/meetings/m2',
    texts: ['Resume the book club'],
    sortKey: '2026-03-01',
  }),
  entry({
    kind: 'note',
    id: 'n1',
    title: 'Private note',
    href: '/meetings/m1',
    texts: ['I felt nervous about the MANAGER interview'],
    sortKey: '2026-02-01',
  }),
];

describe('search', () => {
  it('folds case and accents', () => {
    expect(fold('Résumé ÉCOLE')).toBe('resume ecole');
  });

  it('finds by any case and without accents, grouped by kind, latest first, opening the hit', () => {
    const hits = search(entries, 'RESUME');
    expect([...hits.keys()]).toEqual(['goal', 'agendaItem']);
    expect(hits.get('agendaItem')!.map((h) => h.entry.href)).toEqual(['/meetings/m2', '/meetings/m1']);
  });

  it('needs every word, and shows the text around the match', () => {
    const hits = search(entries, 'manager interview');
    expect([...hits.keys()]).toEqual(['note']);
    expect(hits.get('note')![0]!.snippet).toBe('I felt nervous about the MANAGER interview');
    expect(search(entries, 'manager').get('goal')![0]!.snippet).toBe('For the branch manager post');
  });

  it('an empty query finds nothing', () => {
    expect(search(entries, '   ').size).toBe(0);
  });
});
