import { describe, expect, it } from 'vitest';
import v1 from '../../tests/fixtures/committee-summary-v1.json';
import v2 from '../../tests/fixtures/committee-summary-v2.json';
import { buildSummary } from './buildSummary';
import { readSummary } from './readSummary';
import { committeeSummarySchema } from './summarySchema';
import { agreementLines, progressLines } from './summaryText';
import { journalOf, record } from './testRecords';

const finished = (author: 'mentee' | 'mentor', stage: string, finishedOn: string) =>
  record('review', 'pair', { stage, question: 'finished', finishedOn }, { author });

describe('the committee summary of a completed partnership', () => {
  it('says it completed, with its dates, and which reviews were done by both', () => {
    const records = [
      finished('mentee', 'mid-point', '2025-10-10'),
      finished('mentor', 'mid-point', '2025-10-12'),
      finished('mentee', 'closing', '2026-07-01'),
      record('review', 'private', { stage: 'closing', question: 'worked', answer: 'Only mine' }),
    ];
    const summary = buildSummary(records, journalOf({ closedDate: '2026-07-10' }), {
      today: '2026-07-11',
      role: 'mentee',
    });
    expect(committeeSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary.journal).toMatchObject({ closedDate: '2026-07-10', completed: true });
    expect(summary.reviews).toEqual({ midPointDoneOn: '2025-10-12' });
    expect(progressLines(summary).join(' ')).toContain('Partnership completed');
    expect(agreementLines(summary).join(' ')).toContain('Mid-point review done by both');
    expect(JSON.stringify(summary)).not.toContain('Only mine');
    const read = readSummary(JSON.stringify(summary));
    expect(read.ok && read.summary.journal.closedDate).toBe('2026-07-10');
  });

  it('an open partnership is not marked completed and has no reviews until one is done', () => {
    const summary = buildSummary([finished('mentee', 'mid-point', '2025-10-10')], journalOf(), {
      today: '2025-11-01',
      role: 'mentee',
    });
    expect(summary.journal.completed).toBeUndefined();
    expect(summary.reviews).toBeUndefined();
  });

  it('version 1 and 2 summaries, made before the field, still read', () => {
    for (const file of [v1, v2]) {
      const read = readSummary(JSON.stringify(file));
      expect(read.ok, JSON.stringify(read)).toBe(true);
    }
  });
});

describe('plan milestones in the committee summary', () => {
  it('count as done once the journal records their event, on the event’s day', () => {
    const agreement = record('milestone', 'committee', {
      title: 'Agreement confirmed by both',
      planStep: 'agreement',
      status: 'planned',
      dueDate: '2025-02-15',
    });
    const journal = journalOf({ menteeConfirmedOn: '2025-02-01', mentorConfirmedOn: '2025-02-03' });
    const summary = buildSummary([agreement], journal, { today: '2025-09-01', role: 'mentee' });
    expect(summary.milestoneCounts).toMatchObject({ total: 1, done: 1, onTime: 1, overdue: 0 });
    expect(summary.milestones[0]).toMatchObject({ status: 'done', doneDate: '2025-02-03' });
    const unconfirmed = buildSummary([agreement], journalOf(), { today: '2025-09-01', role: 'mentee' });
    expect(unconfirmed.milestoneCounts).toMatchObject({ done: 0, overdue: 1 });
  });
});
