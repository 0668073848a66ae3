import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { device, repo } from './index';
import {
  goalMilestoneRows,
  goalProgress,
  goalRows,
  goalTitles,
  linkedStories,
  liveMeetingDates,
  meetingDates,
  meetingRows,
  milestoneRows,
  storyRows,
} from './lists';

const J = 'journal-1';
const OTHER = 'journal-2';
const fresh = useFreshDb({ journalId: J });

const complete = { problem: 'p', action: 'a', result: 'r' };
const LONG = 'A long part of the story. '.repeat(40);

describe('list read models', () => {
  it('a story row says whether the story is ready, and carries none of its long parts', async () => {
    await repo('story').create(J, { title: 'Ready', ...complete, status: 'ready', soWhat: LONG });
    await repo('story').create(J, {
      title: 'Marked ready, no result',
      problem: 'p',
      action: 'a',
      status: 'ready',
    });
    await repo('story').create(J, { title: 'Draft', ...complete, status: 'draft' });
    const gone = await repo('story').create(J, { title: 'Deleted', ...complete, status: 'ready' });
    await repo('story').remove(gone.id);
    const rows = await storyRows(J);
    expect(rows.map((r) => [r.title, r.ready]).sort()).toEqual([
      ['Draft', false],
      ['Marked ready, no result', false],
      ['Ready', true],
    ]);
    for (const row of rows)
      for (const part of ['problem', 'action', 'result', 'soWhat', 'short'])
        expect(row).not.toHaveProperty(part);
  });

  it('a meeting row holds what the list shows, not the notes or the summary', async () => {
    await repo('meeting').create(J, {
      date: '2026-03-04',
      time: '14:30',
      durationMinutes: 60,
      mode: 'video',
      place: 'https://meet.example.org/pair',
      status: 'held',
      sharedNotes: LONG,
      summary: LONG,
    });
    const [row] = await meetingRows(J);
    expect(row).toEqual({
      id: expect.any(String),
      date: '2026-03-04',
      time: '14:30',
      durationMinutes: 60,
      mode: 'video',
      place: 'https://meet.example.org/pair',
      status: 'held',
    });
  });

  it('meeting dates: every live meeting of the journal once, dated or not, and no deleted one', async () => {
    const march = await repo('meeting').create(J, { date: '2026-03-04', sharedNotes: LONG });
    const undated = await repo('meeting').create(J, { status: 'planned' });
    const deleted = await repo('meeting').create(J, { date: '2026-04-01' });
    await repo('meeting').remove(deleted.id);
    await device(fresh.db).setMembership(OTHER, { role: 'mentee' });
    await repo('meeting').create(OTHER, { date: '2026-03-05' });
    const dates = await meetingDates(J);
    expect(dates.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))).toEqual([
      { id: undated.id, date: undefined },
      { id: march.id, date: '2026-03-04' },
    ]);
  });

  it('meeting dates stay live: a meeting moved to another day shows its new date', async () => {
    const meeting = await repo('meeting').create(J, { date: '2026-03-04' });
    const seen: string[][] = [];
    const subscription = liveMeetingDates(J).subscribe((dates) => seen.push(dates.map((d) => d.date ?? '')));
    await expect.poll(() => seen.at(-1)).toEqual(['2026-03-04']);
    await repo('meeting').update(meeting.id, { date: '2026-05-06' });
    await expect.poll(() => seen.at(-1)).toEqual(['2026-05-06']);
    subscription.unsubscribe();
  });

  it('milestone rows leave the evidence out; a goal’s rows are its own live milestones only', async () => {
    const goal = await repo('goal').create(J, { title: 'Lead a project', description: LONG });
    const other = await repo('goal').create(J, { title: 'Write a grant' });
    await repo('milestone').create(J, {
      title: 'Draft',
      goalId: goal.id,
      evidence: LONG,
      status: 'done',
      dueDate: '2026-03-01',
    });
    await repo('milestone').create(J, { title: 'Plan', goalId: goal.id, dueDate: '2026-03-01' });
    await repo('milestone').create(J, { title: 'Elsewhere', goalId: other.id });
    const dropped = await repo('milestone').create(J, { title: 'Deleted', goalId: goal.id });
    await repo('milestone').remove(dropped.id);
    expect((await milestoneRows(J, '2026-03-02')).map((m) => m.title)).toEqual([
      'Draft',
      'Plan',
      'Elsewhere',
    ]);
    const rows = await goalMilestoneRows(J, goal.id, '2026-03-02');
    // In timeline order, each marked as it stands on the day asked about.
    expect(rows.map(({ title, open, overdue }) => ({ title, open, overdue }))).toEqual([
      { title: 'Draft', open: false, overdue: false },
      { title: 'Plan', open: true, overdue: true },
    ]);
    expect((await goalMilestoneRows(J, goal.id, '2026-03-01')).map((m) => m.overdue)).toEqual([false, false]);
    for (const row of rows) expect(row).not.toHaveProperty('evidence');
    expect(await goalTitles(J)).toEqual(
      expect.arrayContaining([
        { id: goal.id, title: 'Lead a project' },
        { id: other.id, title: 'Write a grant' },
      ]),
    );
  });

  it('goal rows carry each goal’s latest progress % and its live milestones done / total', async () => {
    const busy = await repo('goal').create(J, { title: 'Busy', status: 'active', targetDate: '2026-09-01' });
    const idle = await repo('goal').create(J, { title: 'Idle', status: 'paused' });
    const gone = await repo('goal').create(J, { title: 'Gone' });
    await repo('goal').remove(gone.id);
    await repo('milestone').create(J, { title: 'One', goalId: busy.id, status: 'done' });
    await repo('milestone').create(J, { title: 'Two', goalId: busy.id });
    await repo('milestone').create(J, { title: 'Dropped', goalId: busy.id, status: 'dropped' });
    const deleted = await repo('milestone').create(J, { title: 'Three', goalId: busy.id, status: 'done' });
    await repo('milestone').remove(deleted.id);
    await repo('milestone').create(J, { title: 'No goal' });
    await repo('progressEntry').create(J, { goalId: busy.id, date: '2026-03-01', percent: 40, note: LONG });
    await repo('progressEntry').create(J, { goalId: busy.id, date: '2026-05-01', percent: 60 });
    await repo('progressEntry').create(J, { goalId: busy.id, date: '2026-06-01', note: 'No percent' });
    const rows = await goalRows(J, '2026-09-02');
    expect(rows.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))).toEqual([
      {
        id: busy.id,
        title: 'Busy',
        status: 'active',
        targetDate: '2026-09-01',
        latestPercent: 60,
        latestProgressOn: '2026-05-01',
        milestonesDone: 1,
        milestonesTotal: 2,
        pastTarget: true,
      },
      {
        id: idle.id,
        title: 'Idle',
        status: 'paused',
        targetDate: undefined,
        latestPercent: undefined,
        latestProgressOn: undefined,
        milestonesDone: 0,
        milestonesTotal: 0,
        pastTarget: false,
      },
    ]);
    // On its target date a goal is not past it yet.
    expect((await goalRows(J, '2026-09-01')).find((r) => r.id === busy.id)?.pastTarget).toBe(false);
    expect(JSON.stringify(rows)).not.toContain('A long part');
  });

  it('a goal’s progress counts only its own milestones and entries; an achieved goal is never past target', async () => {
    const goal = await repo('goal').create(J, {
      title: 'Done',
      status: 'achieved',
      targetDate: '2026-01-01',
    });
    const other = await repo('goal').create(J, { title: 'Other' });
    await repo('milestone').create(J, { goalId: goal.id, status: 'done' });
    await repo('milestone').create(J, { goalId: goal.id, status: 'missed' });
    await repo('milestone').create(J, { goalId: other.id, status: 'done' });
    await repo('progressEntry').create(J, { goalId: goal.id, date: '2025-12-01', percent: 100 });
    await repo('progressEntry').create(J, { goalId: other.id, date: '2026-01-01', percent: 10 });
    expect(await goalProgress(J, goal.id, '2026-06-01')).toEqual({
      latestPercent: 100,
      latestProgressOn: '2025-12-01',
      milestonesDone: 1,
      milestonesTotal: 2,
      pastTarget: false,
    });
    expect(await goalProgress(OTHER, goal.id, '2026-06-01')).toBeUndefined();
  });

  it('a goal’s linked stories are exactly the live stories of this journal that name it', async () => {
    const goal = await repo('goal').create(J, { title: 'Lead a project' });
    const other = await repo('goal').create(J, { title: 'Write a grant' });
    const both = await repo('story').create(J, { title: 'Both goals', goalIds: [other.id, goal.id] });
    const only = await repo('story').create(J, { title: 'This goal', goalIds: [goal.id] });
    await repo('story').create(J, { title: 'Other goal', goalIds: [other.id] });
    await repo('story').create(J, { title: 'No goal' });
    const deleted = await repo('story').create(J, { title: 'Deleted', goalIds: [goal.id] });
    await repo('story').remove(deleted.id);
    const unlinked = await repo('story').create(J, { title: 'Unlinked since', goalIds: [goal.id] });
    await repo('story').update(unlinked.id, { goalIds: [] });
    const stories = await linkedStories(J, goal.id);
    expect(stories.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))).toEqual([
      { id: both.id, title: 'Both goals' },
      { id: only.id, title: 'This goal' },
    ]);
  });
});
