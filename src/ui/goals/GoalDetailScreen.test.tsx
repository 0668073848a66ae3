import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type MentoringDb, repo } from '../../db';
import { addDays } from '../../model/schedule';
import { formatDate, today } from '../components/labels';
import { PAGE_SIZE } from '../components/ShowMore';
import { GoalDetailScreen, percentError } from './GoalDetailScreen';
import { GoalsScreen } from './GoalsScreen';
import { freshJournal, renderInJournal } from './testJournal';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

async function setup() {
  const current = await freshJournal('mentee');
  db = current.db;
  return current;
}

describe('goal detail', () => {
  it('saves what I type in the gap analysis without a Save button', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Lead a project', status: 'active' });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.type(await screen.findByLabelText('Where I am now'), 'Never led a team');
    await waitFor(async () => expect((await repo('goal').get(goal.id))?.gapNow).toBe('Never led a team'));
    expect(screen.queryByRole('button', { name: /^save/i })).toBeNull();
  });

  it('shows a message at the percent field when it is outside 0–100, and adds nothing', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Present at a conference' });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.type(await screen.findByLabelText('Percent done (optional)'), '140');
    await userEvent.type(screen.getByLabelText('Progress note'), 'Proposal sent');
    await userEvent.click(screen.getByRole('button', { name: 'Add progress' }));
    const percent = screen.getByLabelText('Percent done (optional)');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(percent.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter a percent from 0 to 100, or leave it empty.',
    );
    expect(await repo('progressEntry').list(current.journalId)).toEqual([]);
  });

  it('adds a dated progress entry with a percent and lists it; deleting asks first, then removes it', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Present at a conference' });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.type(await screen.findByLabelText('Percent done (optional)'), '40');
    await userEvent.type(screen.getByLabelText('Progress note'), 'Proposal accepted');
    await userEvent.click(screen.getByRole('button', { name: 'Add progress' }));
    expect(await screen.findByText('Proposal accepted')).toBeTruthy();
    const [entry] = await repo('progressEntry').list(current.journalId);
    expect(entry).toMatchObject({ goalId: goal.id, note: 'Proposal accepted', percent: 40 });
    await userEvent.click(screen.getByRole('button', { name: /^Delete progress entry/ }));
    expect(screen.getByText('Delete this entry?')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(await repo('progressEntry').list(current.journalId)).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: /^Delete progress entry/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect(await repo('progressEntry').list(current.journalId)).toEqual([]));
  });

  it('asks for a note or a percent before adding progress', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Add progress' }));
    expect(screen.getByText('Write what happened, or give a percent.')).toBeTruthy();
  });

  it('adds a milestone from the goal, linked to it', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.type(await screen.findByLabelText('New milestone'), 'Find a funder');
    await userEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
    expect(await screen.findByRole('heading', { name: 'Find a funder' })).toBeTruthy();
    const [milestone] = await repo('milestone').list(current.journalId);
    expect(milestone).toMatchObject({ title: 'Find a funder', goalId: goal.id, status: 'planned' });
  });

  it('marks one of the goal’s milestones done from the goal, dated today', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    const m = await repo('milestone').create(current.journalId, { title: 'Find a funder', goalId: goal.id });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.selectOptions(await screen.findByLabelText('Status of Find a funder'), 'done');
    await waitFor(async () =>
      expect(await repo('milestone').get(m.id)).toMatchObject({ status: 'done', doneDate: today() }),
    );
  });

  it('lists the goal’s milestones in the timeline’s order: by due date, the same day by title, undated last', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    for (const [title, dueDate] of [
      ['Undated step', undefined],
      ['Submit', '2026-06-01'],
      ['Find a funder', '2026-05-01'],
      ['Ask for letters', '2026-06-01'],
    ] as const)
      await repo('milestone').create(current.journalId, { title, dueDate, goalId: goal.id });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    const list = await screen.findByRole('list', { name: 'Milestones of this goal' });
    await waitFor(() => expect(within(list).getAllByRole('heading')).toHaveLength(4));
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Find a funder', 'Ask for letters', 'Submit', 'Undated step']);
  });

  it('lists exactly the stories linked to the goal', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    const other = await repo('goal').create(current.journalId, { title: 'Lead a team' });
    await repo('story').create(current.journalId, { title: 'Teen club', goalIds: [goal.id] });
    await repo('story').create(current.journalId, { title: 'Budget', goalIds: [other.id, goal.id] });
    await repo('story').create(current.journalId, { title: 'Unrelated' });
    await repo('story').create(current.journalId, { title: 'Other goal', goalIds: [other.id] });
    const gone = await repo('story').create(current.journalId, { title: 'Deleted', goalIds: [goal.id] });
    await repo('story').remove(gone.id);
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    expect((await screen.findByRole('link', { name: 'Teen club' })).getAttribute('href')).toMatch(
      /^\/stories\//,
    );
    const section = screen.getByRole('region', { name: 'Linked stories' });
    expect(
      within(section)
        .getAllByRole('link')
        .map((a) => a.textContent)
        .sort(),
    ).toEqual(['Budget', 'Teen club']);
  });

  it(`shows ${PAGE_SIZE} of a goal’s 120 milestones, the next page on request, each with its labelled status`, async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    const base = await repo('milestone').create(current.journalId, {
      title: 'M000',
      goalId: goal.id,
      dueDate: '2026-01-01',
    });
    await current.db.table('milestones').bulkPut(
      Array.from({ length: 119 }, (_, i) => ({
        ...base,
        id: `m-${i + 1}`,
        title: `M${String(i + 1).padStart(3, '0')}`,
        dueDate: addDays('2026-01-01', i + 1),
      })),
    );
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    const list = await screen.findByRole('list', { name: 'Milestones of this goal' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(PAGE_SIZE));
    expect(within(list).getAllByRole('combobox')).toHaveLength(PAGE_SIZE);
    expect(screen.getByLabelText('Status of M049')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show 50 more milestones (70 not shown)' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(PAGE_SIZE * 2);
    await waitFor(() => expect(document.activeElement?.querySelector('h3')?.textContent).toBe('M050'));
    await userEvent.selectOptions(screen.getByLabelText('Status of M050'), 'done');
    await waitFor(async () => expect((await repo('milestone').get('m-50'))?.status).toBe('done'));
  });

  it('deletes the goal only after confirming, and keeps its milestones', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Write a grant' });
    const milestone = await repo('milestone').create(current.journalId, { title: 'Draft', goalId: goal.id });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete goal…' }));
    expect((await repo('goal').get(goal.id))?.deleted).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete the goal' }));
    await waitFor(async () => expect((await repo('goal').get(goal.id))?.deleted).toBe(true));
    expect((await repo('milestone').get(milestone.id))?.deleted).toBe(false);
  });

  it('says the goal is not found when it does not exist or was deleted', async () => {
    const current = await setup();
    renderInJournal(<GoalDetailScreen id="no-such-goal" />, current);
    expect(await screen.findByRole('heading', { level: 1, name: 'Goal not found' })).toBeTruthy();
  });

  it('percent rule: empty is fine, 0 and 100 are fine, -1 and 101 and text are not', () => {
    expect(percentError('')).toBeUndefined();
    expect(percentError('0')).toBeUndefined();
    expect(percentError('100')).toBeUndefined();
    expect(percentError('-1')).toBeDefined();
    expect(percentError('101')).toBeDefined();
    expect(percentError('abc')).toBeDefined();
  });
});

describe('goals list', () => {
  it('asks for a title before adding a goal', async () => {
    const current = await setup();
    renderInJournal(<GoalsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Add goal' }));
    expect(screen.getByText('Give the goal a title, for example “Lead a small project”.')).toBeTruthy();
    expect(await repo('goal').list(current.journalId)).toEqual([]);
  });

  it('filters goals by status', async () => {
    const current = await setup();
    await repo('goal').create(current.journalId, { title: 'Active one', status: 'active' });
    await repo('goal').create(current.journalId, { title: 'Paused one', status: 'paused' });
    renderInJournal(<GoalsScreen />, current);
    expect(await screen.findByRole('link', { name: 'Active one' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Paused one' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'Paused (1)' }));
    expect(screen.queryByRole('link', { name: 'Active one' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Paused one' })).toBeTruthy();
  });

  it('shows each goal’s latest progress % and milestones done / total, and says which is past its target date', async () => {
    const current = await setup();
    const busy = await repo('goal').create(current.journalId, {
      title: 'Busy',
      status: 'active',
      targetDate: addDays(today(), -1),
    });
    await repo('goal').create(current.journalId, { title: 'Idle', status: 'active', targetDate: today() });
    await repo('milestone').create(current.journalId, { title: 'One', goalId: busy.id, status: 'done' });
    await repo('milestone').create(current.journalId, { title: 'Two', goalId: busy.id });
    const gone = await repo('milestone').create(current.journalId, { title: 'Three', goalId: busy.id });
    await repo('milestone').remove(gone.id);
    await repo('progressEntry').create(current.journalId, {
      goalId: busy.id,
      date: addDays(today(), -10),
      percent: 40,
    });
    renderInJournal(<GoalsScreen />, current);
    const card = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;
    await screen.findByRole('link', { name: 'Busy' });
    await waitFor(() =>
      expect(card('Busy').querySelector('.goal-progress')?.textContent).toBe(
        `Latest progress 40% (${formatDate(addDays(today(), -10))}) · 1 of 2 milestones done Past its target date`,
      ),
    );
    expect(
      within(card('Busy')).getByRole('progressbar', { name: 'Latest progress of Busy: 40%' }),
    ).toBeTruthy();
    expect(card('Idle').querySelector('.goal-progress')?.textContent).toBe(
      'No progress logged · No milestones yet',
    );
  });

  it('the goal’s page says where it stands: latest progress, milestones done, past its target date', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, {
      title: 'Late goal',
      status: 'active',
      targetDate: addDays(today(), -3),
    });
    await repo('milestone').create(current.journalId, {
      title: 'Gone by',
      goalId: goal.id,
      status: 'missed',
    });
    await repo('progressEntry').create(current.journalId, { goalId: goal.id, date: today(), percent: 75 });
    renderInJournal(<GoalDetailScreen id={goal.id} />, current);
    expect(
      await screen.findByRole('progressbar', { name: 'Latest progress of Late goal: 75%' }),
    ).toBeTruthy();
    expect(screen.getByText('0 of 1 milestone done')).toBeTruthy();
    expect(screen.getByText('Past its target date', { selector: '.badge' })).toBeTruthy();
    // A missed milestone says so in a badge, as a done one does.
    expect(await screen.findByText('Missed', { selector: '.badge' })).toBeTruthy();
  });

  it(`shows ${PAGE_SIZE} goals at first and the rest on request; the filter counts every goal`, async () => {
    const current = await setup();
    const base = await repo('goal').create(current.journalId, {
      title: 'G00',
      status: 'active',
      targetDate: '2026-01-01',
    });
    await current.db.table('goals').bulkPut(
      Array.from({ length: 59 }, (_, i) => ({
        ...base,
        id: `goal-${i + 1}`,
        title: `G${String(i + 1).padStart(2, '0')}`,
        targetDate: addDays('2026-01-01', i + 1),
        status: i < 9 ? ('paused' as const) : ('active' as const),
      })),
    );
    renderInJournal(<GoalsScreen />, current);
    const list = await screen.findByRole('list', { name: 'Goals' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(PAGE_SIZE);
    expect(screen.getByRole('radio', { name: 'All (60)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Active (51)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show 10 more goals' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(60);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('G50'));
  });

  it('adds a goal with a title as active', async () => {
    const current = await setup();
    renderInJournal(<GoalsScreen />, current);
    await userEvent.type(await screen.findByLabelText('New goal'), 'Lead a project');
    await userEvent.click(screen.getByRole('button', { name: 'Add goal' }));
    await waitFor(async () =>
      expect(await repo('goal').list(current.journalId)).toMatchObject([
        { title: 'Lead a project', status: 'active' },
      ]),
    );
  });
});
