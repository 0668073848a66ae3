import { describe, expect, test } from 'vitest';
import { pairSummary, summaryText } from '../../../tests/helpers/summaries';
import { buildSummary } from '../../report/buildSummary';
import { journalOf } from '../../report/testRecords';
import { COHORT_COLUMNS, openCohort } from './cohortTable';

describe('the cohort view of a completed pair', () => {
  test('says “Completed” instead of flags, while an open pair as late is flagged', () => {
    const late = pairSummary({
      journalId: 'j-1',
      mentee: 'Ana',
      mentor: 'Sam',
      meetings: ['2025-02-01'],
      milestones: [{ title: 'Poster', dueDate: '2025-03-01' }],
      today: '2025-09-01',
    });
    const closed = buildSummary(
      [],
      journalOf({ id: 'j-2', journalId: 'j-2', menteeName: 'Bea', closedDate: '2025-08-01' }),
      {
        today: '2025-09-01',
        role: 'mentee',
      },
    );
    const { rows } = openCohort([
      { name: 'a.json', data: summaryText(late) },
      { name: 'b.json', data: summaryText(closed) },
    ]);
    const attention = COHORT_COLUMNS.findIndex((c) => c.id === 'attention');
    const why = COHORT_COLUMNS.findIndex((c) => c.id === 'reasons');
    const byName = Object.fromEntries(rows.map((r) => [r.cells[0], r]));
    expect(byName.Ana!.cells[attention]).toBe('Yes');
    expect(byName.Bea!.cells[attention]).toBe('Completed');
    expect(byName.Bea!.cells[why]).toBe('');
    expect(byName.Bea!.reasons).toEqual([]);
  });
});
