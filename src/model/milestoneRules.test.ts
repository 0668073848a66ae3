import { describe, expect, it } from 'vitest';
import {
  compareMilestones,
  milestoneReschedulePatch,
  milestoneStatusPatch,
  milestoneTogglePatch,
} from './milestoneRules';

const DAY = '2026-05-01';

describe('marking a milestone done or undone', () => {
  it('dates a milestone done on the day given, keeps an existing done date, clears it when reopened', () => {
    expect(milestoneStatusPatch('done', {}, DAY)).toEqual({ status: 'done', doneDate: DAY });
    expect(milestoneStatusPatch('done', { doneDate: '2026-04-01' }, DAY)).toEqual({
      status: 'done',
      doneDate: '2026-04-01',
    });
    expect(milestoneStatusPatch('planned', { doneDate: '2026-04-01' }, DAY)).toEqual({
      status: 'planned',
      doneDate: undefined,
    });
    expect(milestoneStatusPatch('missed', {}, DAY)).toEqual({ status: 'missed', doneDate: undefined });
  });

  it('in meeting mode, pressing Done again (or Missed again) takes the milestone back to planned', () => {
    expect(milestoneTogglePatch('done', { status: 'planned' }, DAY)).toEqual({
      status: 'done',
      doneDate: DAY,
    });
    expect(milestoneTogglePatch('done', { status: 'done', doneDate: DAY }, DAY)).toEqual({
      status: 'planned',
      doneDate: undefined,
    });
    expect(milestoneTogglePatch('missed', { status: 'missed' }, DAY)).toEqual({
      status: 'planned',
      doneDate: undefined,
    });
    expect(milestoneTogglePatch('missed', { status: 'done', doneDate: DAY }, DAY)).toEqual({
      status: 'missed',
      doneDate: undefined,
    });
  });

  it('a new due date plans a missed milestone again; a done, dropped or open one keeps its status', () => {
    expect(milestoneReschedulePatch({ status: 'missed', dueDate: '2026-04-09' }, DAY)).toEqual({
      dueDate: DAY,
      status: 'planned',
      doneDate: undefined,
    });
    expect(milestoneReschedulePatch({ status: 'done', dueDate: '2026-04-09' }, DAY)).toEqual({
      dueDate: DAY,
    });
    expect(milestoneReschedulePatch({ status: 'dropped' }, DAY)).toEqual({ dueDate: DAY });
    expect(milestoneReschedulePatch({ status: 'in-progress' }, DAY)).toEqual({ dueDate: DAY });
    expect(milestoneReschedulePatch({}, DAY)).toEqual({ dueDate: DAY });
  });

  it('clearing the due date of a missed milestone, or giving it the date it has, leaves it missed', () => {
    expect(milestoneReschedulePatch({ status: 'missed', dueDate: DAY }, undefined)).toEqual({
      dueDate: undefined,
    });
    expect(milestoneReschedulePatch({ status: 'missed', dueDate: DAY }, DAY)).toEqual({ dueDate: DAY });
    expect(milestoneReschedulePatch({ status: 'missed' }, DAY)).toMatchObject({ status: 'planned' });
  });
});

describe('milestone order', () => {
  const order = (ms: { id: string; dueDate?: string; title?: string }[]) =>
    [...ms].sort(compareMilestones).map((m) => m.id);

  it('earliest due date first, across month and year boundaries, and undated milestones last', () => {
    expect(
      order([
        { id: 'u', title: 'Undated' },
        { id: 'c', dueDate: '2027-01-01', title: 'New year' },
        { id: 'b', dueDate: '2026-12-31', title: 'Year end' },
        { id: 'a', dueDate: '2026-04-30', title: 'April' },
        { id: 'e', dueDate: '', title: 'Empty date' },
      ]),
    ).toEqual(['a', 'b', 'c', 'e', 'u']);
  });

  it('on the same due date by title as shown (spaces trimmed, untitled first), then by id', () => {
    expect(
      order([
        { id: 'z', dueDate: DAY, title: 'Beta' },
        { id: 'y', dueDate: DAY, title: '  Alpha' },
        { id: 'x', dueDate: DAY },
        { id: 'w', dueDate: DAY, title: 'Beta' },
      ]),
    ).toEqual(['x', 'y', 'w', 'z']);
  });

  it('is the same order whatever order the milestones come in', () => {
    const ms = [
      { id: '2', dueDate: DAY, title: 'Same' },
      { id: '1', dueDate: DAY, title: 'Same' },
      { id: '3', title: 'Same' },
      { id: '0', dueDate: '2026-04-09', title: 'Same' },
    ];
    expect(order(ms)).toEqual(['0', '1', '2', '3']);
    expect(order([...ms].reverse())).toEqual(['0', '1', '2', '3']);
  });
});
