import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { device, type MentoringDb, repo } from '../../db';
import { addDays } from '../../model/schedule';
import { formatDate, today } from '../components/labels';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { dayInWords, HomeScreen } from './HomeScreen';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

describe('home', () => {
  it('shows months elapsed, an overdue meeting warning, due and overdue milestones, open actions with owners', async () => {
    const now = today();
    const start = addDays(now, -200);
    const current = await freshJournal('mentee', { startDate: start, lengthMonths: 18, cadenceDays: 91 });
    db = current.db;
    const j = current.journalId;
    const meeting = await repo('meeting').create(j, { date: addDays(now, -100), status: 'held' });
    await repo('milestone').create(j, { title: 'Late one', dueDate: addDays(now, -2), status: 'planned' });
    await repo('milestone').create(j, {
      title: 'Soon one',
      dueDate: addDays(now, 10),
      status: 'in-progress',
    });
    await repo('milestone').create(j, { title: 'Far one', dueDate: addDays(now, 60) });
    await repo('milestone').create(j, { title: 'Done late', dueDate: addDays(now, -5), status: 'done' });
    await repo('actionItem').create(j, { meetingId: meeting.id, text: 'Read the report', owner: 'mentor' });
    await repo('actionItem').create(j, {
      meetingId: meeting.id,
      text: 'Finished thing',
      owner: 'mentee',
      done: true,
    });
    await repo('goal').create(j, { title: 'A', status: 'active' });
    await repo('goal').create(j, { title: 'B', status: 'achieved' });
    renderInJournal(<HomeScreen />, current);

    expect(await screen.findByText('Month 6 of 18')).toBeTruthy();
    expect((await screen.findByText('Overdue:')).parentElement?.textContent).toMatch(
      /a meeting was due by .+ \(9 days ago\)/,
    );
    const overdue = await screen.findByRole('list', { name: 'Overdue milestones' });
    expect(
      within(overdue)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Late one')]);
    const soon = screen.getByRole('list', { name: 'Milestones due in the next 30 days' });
    expect(within(soon).getAllByRole('listitem')).toHaveLength(1);
    expect(within(soon).getByText('Soon one', { exact: false })).toBeTruthy();
    const actions = await screen.findByRole('list', { name: 'Open action items' });
    expect(
      within(actions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Read the report Mentor']);
    expect((await screen.findByRole('link', { name: 'Active: 1' })).getAttribute('href')).toBe(
      '/goals?status=active',
    );
    expect(screen.getByRole('link', { name: 'Achieved: 1' })).toBeTruthy();
  });

  it('says a backup never happened and suggests one; a recent backup shows its date and no suggestion', async () => {
    const current = await freshJournal('mentor', { startDate: today(), cadenceDays: 30, lengthMonths: 18 });
    db = current.db;
    const view = renderInJournal(<HomeScreen />, current);
    expect(await screen.findByText('This journal has never been backed up.', { exact: false })).toBeTruthy();
    expect(screen.getAllByText('never')).toHaveLength(2);
    view.unmount();
    await device().setMembership(current.journalId, { lastBackupAt: new Date().toISOString() });
    renderInJournal(<HomeScreen />, current);
    expect(await screen.findByText('Share and back up')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Make a backup' })).toBeNull();
    expect(screen.getAllByText('never')).toHaveLength(1);
  });

  it('suggests a backup after 14 days without one', async () => {
    const current = await freshJournal('mentor', { startDate: today() });
    db = current.db;
    const old = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await device().setMembership(current.journalId, { lastBackupAt: old });
    renderInJournal(<HomeScreen />, current);
    expect(await screen.findByText('No backup for 15 days.', { exact: false })).toBeTruthy();
  });

  it('a meeting planned for today leads the card, with a button into meeting mode', async () => {
    const now = today();
    const current = await freshJournal('mentee', { startDate: addDays(now, -30), cadenceDays: 91 });
    db = current.db;
    const planned = await repo('meeting').create(current.journalId, {
      date: now,
      time: '14:30',
      status: 'planned',
    });
    renderInJournal(<HomeScreen />, current);
    expect((await screen.findByRole('link', { name: 'Today, 14:30' })).getAttribute('href')).toBe(
      `/meetings/${planned.id}`,
    );
    expect(screen.getByRole('link', { name: 'Start meeting mode' }).getAttribute('href')).toBe(
      `/meetings/${planned.id}/run`,
    );
    expect(screen.getByText(/^In good time: one is due by /)).toBeTruthy();
  });

  it('with nothing yet, each card says what to do next', async () => {
    const current = await freshJournal('mentor', { startDate: today(), cadenceDays: 30 });
    db = current.db;
    renderInJournal(<HomeScreen />, current);
    expect((await screen.findByRole('link', { name: 'Plan one' })).getAttribute('href')).toBe('/meetings');
    expect((await screen.findByRole('link', { name: 'Write down the first one' })).getAttribute('href')).toBe(
      '/goals',
    );
    expect(
      await screen.findByText(/^No open action items\. Next steps you agree in a meeting show up here\.$/),
    ).toBeTruthy();
  });

  it('says today and tomorrow in words, other days as dates', () => {
    expect(dayInWords('2026-03-10', '2026-03-10')).toBe('Today');
    expect(dayInWords('2026-03-11', '2026-03-10')).toBe('Tomorrow');
    expect(dayInWords('2026-03-12', '2026-03-10')).toBe('12 Mar 2026');
  });

  it('asks whether a planned meeting whose day has passed was held; Mark as held counts it', async () => {
    const now = today();
    const current = await freshJournal('mentee', { startDate: addDays(now, -60), cadenceDays: 30 });
    db = current.db;
    const past = await repo('meeting').create(current.journalId, {
      date: addDays(now, -3),
      time: '10:00',
      status: 'planned',
    });
    renderInJournal(<HomeScreen />, current);
    const question = await screen.findByText(
      `Was the meeting on ${formatDate(addDays(now, -3))} at 10:00 held?`,
    );
    expect(screen.queryByText(/No meeting planned yet/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Reschedule' }).getAttribute('href')).toBe(
      `/meetings/${past.id}`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Mark as held' }));
    await waitFor(() => expect(question.isConnected).toBe(false));
    expect((await repo('meeting').get(past.id))?.status).toBe('held');
    expect(await screen.findByText(`Last met ${formatDate(addDays(now, -3))}, every 30 days.`)).toBeTruthy();
  });
});
