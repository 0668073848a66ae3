import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type MentoringDb, repo } from '../../db';
import { addDays } from '../../model/schedule';
import { formatDate, today } from '../components/labels';
import { PAGE_SIZE } from '../components/ShowMore';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { MilestonesScreen } from './MilestonesScreen';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

async function setup() {
  const current = await freshJournal('mentor');
  db = current.db;
  return current;
}

describe('milestone timeline', () => {
  it('orders milestones by due date and marks overdue ones with a word, not only a colour', async () => {
    const current = await setup();
    const now = today();
    await repo('milestone').create(current.journalId, { title: 'Later', dueDate: addDays(now, 20) });
    await repo('milestone').create(current.journalId, { title: 'Late', dueDate: addDays(now, -3) });
    await repo('milestone').create(current.journalId, { title: 'Undated' });
    renderInJournal(<MilestonesScreen />, current);
    const list = await screen.findByRole('list', { name: 'Milestone timeline, by due date' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading').textContent)).toEqual([
      'Late',
      'Later',
      'Undated',
    ]);
    expect(within(items[0]!).getByText('Overdue')).toBeTruthy();
    expect(within(items[1]!).queryByText('Overdue')).toBeNull();
  });

  it('marks a milestone done in one change of its status, dated today, and keeps it in view', async () => {
    const current = await setup();
    const m = await repo('milestone').create(current.journalId, {
      title: 'Draft the proposal',
      status: 'planned',
    });
    renderInJournal(<MilestonesScreen />, current);
    await userEvent.selectOptions(await screen.findByLabelText('Status of Draft the proposal'), 'done');
    await waitFor(async () =>
      expect(await repo('milestone').get(m.id)).toMatchObject({ status: 'done', doneDate: today() }),
    );
    expect(await screen.findByText(`Done`, { selector: '.badge' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status of Draft the proposal'), 'in-progress');
    await waitFor(async () => expect((await repo('milestone').get(m.id))?.doneDate).toBeUndefined());
  });

  it('keeps a milestone whose goal was deleted and says the goal was removed', async () => {
    const current = await setup();
    const goal = await repo('goal').create(current.journalId, { title: 'Lead a team' });
    await repo('milestone').create(current.journalId, { title: 'Shadow a manager', goalId: goal.id });
    renderInJournal(<MilestonesScreen />, current);
    expect(await screen.findByRole('link', { name: 'Goal: Lead a team' })).toBeTruthy();
    await repo('goal').remove(goal.id);
    expect(await screen.findByText('Goal removed')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Shadow a manager' })).toBeTruthy();
  });

  it('asks for a title before adding a milestone', async () => {
    const current = await setup();
    renderInJournal(<MilestonesScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Add milestone' }));
    expect(screen.getByText('Give the milestone a title, for example “Draft the proposal”.')).toBeTruthy();
    expect(await repo('milestone').list(current.journalId)).toEqual([]);
  });

  it('edits evidence and the meeting that agreed it, saved without a Save button', async () => {
    const current = await setup();
    const meeting = await repo('meeting').create(current.journalId, { date: '2026-03-04', status: 'held' });
    const m = await repo('milestone').create(current.journalId, { title: 'Apply for a grant' });
    renderInJournal(<MilestonesScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Apply for a grant' }));
    await userEvent.type(await screen.findByLabelText('Evidence and notes'), 'Sent on time');
    await userEvent.selectOptions(screen.getByLabelText('Agreed at'), meeting.id);
    await waitFor(async () =>
      expect(await repo('milestone').get(m.id)).toMatchObject({
        evidence: 'Sent on time',
        agreedAtMeetingId: meeting.id,
      }),
    );
  });

  it('keeps a milestone in view while I mark it done in its editor', async () => {
    const current = await setup();
    const m = await repo('milestone').create(current.journalId, {
      title: 'Run a workshop',
      status: 'planned',
    });
    renderInJournal(<MilestonesScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Run a workshop' }));
    const editor = await screen.findByRole('region', { name: 'Edit milestone' });
    await userEvent.selectOptions(within(editor).getByLabelText('Status'), 'done');
    await waitFor(async () => expect((await repo('milestone').get(m.id))?.status).toBe('done'));
    expect(within(editor).getByLabelText<HTMLInputElement>('Done on').value).toBe(today());
    expect(screen.getByRole('heading', { name: 'Run a workshop' })).toBeTruthy();
  });

  it(`shows ${PAGE_SIZE} of 2,000 milestones at first, more on request with focus on the first new one; the counts cover all`, async () => {
    const current = await setup();
    const table = current.db.table('milestones');
    const base = await repo('milestone').create(current.journalId, { title: 'M0000', dueDate: '2026-01-01' });
    // Every fourth one is done: 499 done, 1,501 open.
    const rows = Array.from({ length: 1999 }, (_, i) => ({
      ...base,
      id: `m-${i + 1}`,
      title: `M${String(i + 1).padStart(4, '0')}`,
      dueDate: addDays('2026-01-01', i + 1),
      status: (i + 1) % 4 === 0 ? ('done' as const) : ('planned' as const),
    }));
    await table.bulkPut(rows);
    const open = ['M0000', ...rows.filter((r) => r.status === 'planned').map((r) => r.title)];
    const started = performance.now();
    renderInJournal(<MilestonesScreen />, current);
    const list = await screen.findByRole('list', { name: 'Milestone timeline, by due date' });
    const elapsed = performance.now() - started;
    expect(within(list).getAllByRole('listitem')).toHaveLength(PAGE_SIZE);
    expect(screen.getByRole('radio', { name: 'Open (1501)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Done, missed or dropped (499)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'All (2000)' })).toBeTruthy();
    await userEvent.click(
      screen.getByRole('button', {
        name: `Show ${PAGE_SIZE} more milestones (${1501 - PAGE_SIZE} not shown)`,
      }),
    );
    const headings = () =>
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent);
    expect(headings()).toEqual(open.slice(0, PAGE_SIZE * 2));
    await waitFor(() =>
      expect(document.activeElement?.querySelector('h2')?.textContent).toBe(open[PAGE_SIZE]),
    );
    // Another filter starts again from its first page.
    await userEvent.click(screen.getByRole('radio', { name: 'All (2000)' }));
    expect(headings()).toHaveLength(PAGE_SIZE);
    expect(headings()[4]).toBe('M0004');
    console.info(
      `jsdom: first render of 2,000 milestones (${PAGE_SIZE} shown) took ${elapsed.toFixed(0)} ms`,
    );
  });

  it('says at which meeting a milestone was agreed, by that meeting’s date', async () => {
    const current = await setup();
    const held = await repo('meeting').create(current.journalId, { date: '2026-03-04', status: 'held' });
    const undated = await repo('meeting').create(current.journalId, { status: 'planned' });
    await repo('milestone').create(current.journalId, { title: 'Dated', agreedAtMeetingId: held.id });
    await repo('milestone').create(current.journalId, { title: 'Undated', agreedAtMeetingId: undated.id });
    await repo('milestone').create(current.journalId, {
      title: 'Unknown',
      agreedAtMeetingId: 'no-such-meeting',
    });
    renderInJournal(<MilestonesScreen />, current);
    const item = async (title: string) =>
      (await screen.findByRole('heading', { name: title })).closest('li')?.querySelector('.meta')
        ?.textContent;
    expect(await item('Dated')).toContain(`agreed at the meeting of ${formatDate('2026-03-04')}`);
    expect(await item('Undated')).toContain('agreed at an undated meeting');
    expect(await item('Unknown')).not.toContain('agreed at');
  });
});

describe('editing a milestone', () => {
  it('keyboard focus stays in place: Done editing returns to Edit, Delete… lands on Keep it and back', async () => {
    const current = await setup();
    await repo('milestone').create(current.journalId, { title: 'Draft the proposal', status: 'planned' });
    renderInJournal(
      <main>
        <h1>Milestones</h1>
        <MilestonesScreen />
      </main>,
      current,
    );
    const edit = await screen.findByRole('button', { name: 'Edit Draft the proposal' });
    await userEvent.click(edit);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete milestone…' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Keep it'));
    expect(document.activeElement?.getAttribute('aria-describedby')).toBeTruthy();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Delete milestone…'));
    await userEvent.click(screen.getByRole('button', { name: 'Done editing' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Draft the proposal' })),
    );
  });

  it('a new due date in the editor plans a missed milestone again, and leaves a done one done', async () => {
    const current = await setup();
    const missed = await repo('milestone').create(current.journalId, {
      title: 'Find a venue',
      dueDate: '2026-03-01',
      status: 'missed',
    });
    const done = await repo('milestone').create(current.journalId, {
      title: 'Send the invitations',
      dueDate: '2026-03-01',
      status: 'done',
      doneDate: '2026-02-27',
    });
    renderInJournal(<MilestonesScreen />, current);
    await userEvent.click(await screen.findByRole('radio', { name: /^Done, missed or dropped/ }));

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Find a venue' }));
    let editor = await screen.findByRole('region', { name: 'Edit milestone' });
    await userEvent.clear(within(editor).getByLabelText('Due date'));
    await userEvent.type(within(editor).getByLabelText('Due date'), '2026-06-01');
    expect(within(editor).getByLabelText<HTMLSelectElement>('Status').value).toBe('planned');
    await userEvent.click(within(editor).getByRole('button', { name: 'Done editing' }));
    expect(await repo('milestone').get(missed.id)).toMatchObject({
      dueDate: '2026-06-01',
      status: 'planned',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Edit Send the invitations' }));
    editor = await screen.findByRole('region', { name: 'Edit milestone' });
    await userEvent.clear(within(editor).getByLabelText('Due date'));
    await userEvent.type(within(editor).getByLabelText('Due date'), '2026-06-01');
    await userEvent.click(within(editor).getByRole('button', { name: 'Done editing' }));
    expect(await repo('milestone').get(done.id)).toMatchObject({
      dueDate: '2026-06-01',
      status: 'done',
      doneDate: '2026-02-27',
    });
  });

  it('folds the add form away once there are milestones, and opens it when there are none', async () => {
    const current = await setup();
    const view = renderInJournal(<MilestonesScreen />, current);
    expect((await screen.findByLabelText('Milestone title')).closest('details')?.open).toBe(true);
    view.unmount();
    await repo('milestone').create(current.journalId, { title: 'Draft the proposal' });
    renderInJournal(<MilestonesScreen />, current);
    expect((await screen.findByLabelText('Milestone title')).closest('details')?.open).toBe(false);
  });
});
