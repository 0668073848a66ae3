import { describe, expect, it } from 'vitest';
import { milestoneReschedulePatch, milestoneStatusPatch, milestoneTogglePatch } from './milestoneRules';

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

  it('a new due date reopens a done or missed milestone, and leaves an open one as it is', () => {
    expect(milestoneReschedulePatch({ status: 'missed' }, DAY)).toEqual({
      dueDate: DAY,
      status: 'planned',
      doneDate: undefined,
    });
    expect(milestoneReschedulePatch({ status: 'done' }, DAY)).toMatchObject({ status: 'planned' });
    expect(milestoneReschedulePatch({ status: 'in-progress' }, DAY)).toEqual({ dueDate: DAY });
  });
});
