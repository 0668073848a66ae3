import { describe, expect, it } from 'vitest';
import { layoutTimeline, markState, type TimelineMilestone } from './timeline';

const m = (
  id: string,
  dueDate: string,
  status: TimelineMilestone['status'],
  overdue = false,
): TimelineMilestone => ({
  id,
  title: id,
  dueDate,
  status,
  overdue,
});

describe('the milestone timeline’s layout', () => {
  it('has one row per month of the programme, from its start month', () => {
    const layout = layoutTimeline({
      facts: { milestones: [], meetingsHeld: [] },
      today: '2027-03-15',
      startDate: '2026-09-20',
      lengthMonths: 12,
    });
    expect(layout.months.map((r) => r.month)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
    ]);
    expect(layout.months.find((r) => r.month === '2027-03')!.today).toBeCloseTo(14 / 31);
    expect(layout.months.filter((r) => r.today !== undefined)).toHaveLength(1);
  });

  it('draws up to three milestones a month one by one, and a crowded month as one mark', () => {
    const layout = layoutTimeline({
      facts: {
        milestones: [
          m('a', '2027-02-01', 'done'),
          m('b', '2027-02-20', 'planned', true),
          m('c', '2027-03-01', 'done'),
          m('d', '2027-03-10', 'planned', true),
          m('e', '2027-03-20', 'planned'),
          m('f', '2027-03-25', 'in-progress'),
          m('g', '2027-03-30', 'missed'),
        ],
        meetingsHeld: [{ id: 'x', date: '2027-03-02' }],
      },
      today: '2027-03-15',
      startDate: '2027-01-01',
      lengthMonths: 6,
    });
    const feb = layout.months.find((r) => r.month === '2027-02')!;
    expect(feb.marks.map((k) => (k.kind === 'one' ? [k.id, k.state] : k.kind))).toEqual([
      ['a', 'done'],
      ['b', 'overdue'],
    ]);
    const march = layout.months.find((r) => r.month === '2027-03')!;
    expect(march.marks).toEqual([
      {
        kind: 'group',
        ids: ['c', 'd', 'e', 'f', 'g'],
        firstId: 'c',
        count: 5,
        states: { done: 1, overdue: 1, planned: 2, missed: 1 },
      },
    ]);
    expect(march.meetingsHeld).toEqual(['2027-03-02']);
    expect(layout.counts).toEqual({ done: 2, missed: 1, overdue: 2, planned: 2, dropped: 0 });
    expect(layout.meetingsHeld).toBe(1);
  });

  it('counts milestones outside the programme’s months instead of stretching the axis', () => {
    const layout = layoutTimeline({
      facts: {
        milestones: [
          m('early', '2026-01-01', 'done'),
          m('late', '2029-01-01', 'planned'),
          m('in', '2027-02-01', 'planned'),
        ],
        meetingsHeld: [],
      },
      today: '2027-03-15',
      startDate: '2027-01-01',
      lengthMonths: 6,
    });
    expect(layout.months).toHaveLength(6);
    expect([layout.before, layout.after]).toEqual([1, 1]);
  });

  it('without a start date, spans the milestones and today', () => {
    const layout = layoutTimeline({
      facts: { milestones: [m('a', '2027-05-03', 'planned')], meetingsHeld: [] },
      today: '2027-03-15',
    });
    expect(layout.months.map((r) => r.month)).toEqual(['2027-03', '2027-04', '2027-05']);
  });

  it('an open milestone is planned until its day has passed, then overdue', () => {
    expect(markState({ status: 'in-progress', overdue: false })).toBe('planned');
    expect(markState({ status: undefined, overdue: true })).toBe('overdue');
    expect(markState({ status: 'dropped', overdue: false })).toBe('dropped');
  });
});
