import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type MentoringDb, repo } from '../../db';
import { addDays, addMonths } from '../../model/schedule';
import { formatDate, today } from '../components/labels';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { MilestonesScreen } from './MilestonesScreen';

let db: MentoringDb | undefined;
afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

describe('the milestone timeline drawing', () => {
  it('names each mark by its milestone, its state in words and its day, and says the whole in words', async () => {
    const now = today();
    const start = addMonths(now, -2);
    const current = await freshJournal('mentee', { startDate: start, lengthMonths: 12 });
    db = current.db;
    const j = current.journalId;
    await repo('milestone').create(j, { title: 'Late one', dueDate: addDays(now, -1), status: 'planned' });
    await repo('milestone').create(j, { title: 'Finished', dueDate: addDays(now, -2), status: 'done' });
    await repo('milestone').create(j, { title: 'Missed one', dueDate: addDays(now, -3), status: 'missed' });
    await repo('meeting').create(j, { date: addDays(now, -1), status: 'held' });
    renderInJournal(<MilestonesScreen />, { ...current, journal: current.journal as never });

    const chart = await screen.findByRole('group', { name: 'Timeline of the programme' });
    await within(chart).findByRole('link', {
      name: `Late one: overdue, due ${formatDate(addDays(now, -1))}`,
    });
    expect(
      within(chart).getByRole('link', { name: `Finished: done, due ${formatDate(addDays(now, -2))}` }),
    ).toBeTruthy();
    expect(within(chart).getByRole('link', { name: /^Missed one: missed/ })).toBeTruthy();
    expect(chart.getAttribute('aria-describedby')).toBeTruthy();
    const words = document.getElementById(chart.getAttribute('aria-describedby')!)!.textContent!;
    expect(words).toContain('3 dated milestones (1 done, 1 missed, 1 overdue)');
    expect(words).toContain('1 meeting held');
    expect(words).toContain(`Today is ${formatDate(now)}.`);
    // The list stays beside the drawing: the open milestone shown, all three counted.
    const list = await screen.findByRole('list', { name: 'Milestone timeline, by due date' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Late one']);
    expect(screen.getByLabelText('All (3)')).toBeTruthy();
  });

  it('a crowded month is one mark; following it opens its first milestone in the list, whatever the filter', async () => {
    const now = today();
    const month = now.slice(0, 8);
    const current = await freshJournal('mentee', { startDate: `${month}01`, lengthMonths: 6 });
    db = current.db;
    const j = current.journalId;
    const days = ['01', '02', '03', '04', '05'];
    for (const [i, d] of days.entries()) {
      await repo('milestone').create(j, { title: `Step ${i + 1}`, dueDate: `${month}${d}`, status: 'done' });
    }
    const user = userEvent.setup();
    renderInJournal(<MilestonesScreen />, { ...current, journal: current.journal as never });
    const chart = await screen.findByRole('group', { name: 'Timeline of the programme' });
    const group = await within(chart).findByRole('link', { name: /^5 milestones in .*\(5 done\)/ });
    expect(within(chart).queryByRole('link', { name: /^Step 1/ })).toBeNull();
    // Done milestones are not in the default "Open" view: the mark brings the first one into view.
    expect(screen.queryByRole('heading', { name: 'Step 1' })).toBeNull();
    await user.click(group);
    // Generous waits: on a busy machine the list's next render can take longer than a second.
    const item = await screen.findByRole('heading', { name: 'Step 1' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(item.closest('li')), { timeout: 10_000 });
  });
});
