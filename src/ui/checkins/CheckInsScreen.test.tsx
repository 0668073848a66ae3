import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type MentoringDb, repo } from '../../db';
import { CHECK_IN_QUESTION_TEXT, CHECK_IN_QUESTIONS } from '../../model/checkIn';
import { addDays, addMonths } from '../../model/schedule';
import { formatDate, today } from '../components/labels';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { CheckInsScreen } from './CheckInsScreen';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

describe('check-ins', () => {
  it('starts a check-in dated today, saves my answers and chosen visibility as I type', async () => {
    const current = await freshJournal('mentee', { startDate: '2026-01-15' });
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a check-in' }));
    const first = await screen.findByLabelText(CHECK_IN_QUESTION_TEXT.howItIsGoing.label);
    await userEvent.type(first, 'Going well');
    await userEvent.selectOptions(screen.getByLabelText('Who can see it'), 'private');
    await waitFor(async () =>
      expect(await repo('checkIn').list(current.journalId)).toMatchObject([
        { date: today(), author: 'mentee', howItIsGoing: 'Going well', visibility: 'private' },
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    const list = await screen.findByRole('list', { name: 'Past check-ins' });
    expect(within(list).getByRole('heading', { level: 3 }).textContent).toBe(
      `${formatDate(today())} — Mentee (me)`,
    );
    expect(
      within(list).getByText(`1 of ${CHECK_IN_QUESTIONS.length} questions answered`, { exact: false }),
    ).toBeTruthy();
  });

  it('asks every question, each in its own labelled field', async () => {
    const current = await freshJournal('mentor');
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a check-in' }));
    for (const q of CHECK_IN_QUESTIONS)
      expect(await screen.findByLabelText(CHECK_IN_QUESTION_TEXT[q].label)).toBeTruthy();
  });

  it('suggests the next check-in six months after the last, and lists both people’s by date', async () => {
    const current = await freshJournal('mentor', { startDate: addDays(today(), -100) });
    db = current.db;
    const older = addDays(today(), -60);
    const last = addDays(today(), -30);
    await repo('checkIn').create(
      current.journalId,
      { date: older, whatWorksWell: 'Regular calls' },
      { author: 'mentee' },
    );
    await repo('checkIn').create(current.journalId, { date: last }, { author: 'mentor' });
    renderInJournal(<CheckInsScreen />, current);
    const next = await screen.findByRole('region', { name: 'Next check-in' });
    expect((await within(next).findByText(/^Suggested by/)).textContent).toBe(
      `Suggested by ${formatDate(addMonths(last, 6))}.`,
    );
    const list = await screen.findByRole('list', { name: 'Past check-ins' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual([`${formatDate(last)} — Mentor (me)`, `${formatDate(older)} — Mentee`]);
    // Only my own check-in can be edited here.
    expect(within(list).getAllByRole('button', { name: /^Edit my check-in/ })).toHaveLength(1);
    expect(within(list).getByText('Regular calls')).toBeTruthy();
  });

  it('warns that a check-in is due once six months have passed since the start with none', async () => {
    const current = await freshJournal('mentee', { startDate: addDays(today(), -200) });
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    const next = await screen.findByRole('region', { name: 'Next check-in' });
    expect((await within(next).findByText('Due:')).parentElement?.textContent).toBe(
      `Due: a check-in was suggested by ${formatDate(addMonths(addDays(today(), -200), 6))}.`,
    );
  });

  it('shows a message at the date field when the date is cleared', async () => {
    const current = await freshJournal('mentor');
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a check-in' }));
    await userEvent.clear(await screen.findByLabelText('Date'));
    expect(await screen.findByText('Give the check-in a date.')).toBeTruthy();
  });

  it('keyboard focus follows the editor: it lands on “My check-in” and Done returns it to Edit', async () => {
    const current = await freshJournal('mentee', { startDate: '2026-01-15' });
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a check-in' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'My check-in' })),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Edit my check-in of /),
    );
  });

  it('asks how the partnership is working on a 1–5 scale, saves my answer, and can take it back', async () => {
    const current = await freshJournal('mentee', { startDate: '2026-01-15' });
    db = current.db;
    renderInJournal(<CheckInsScreen />, current);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a check-in' }));
    const scale = await screen.findByRole('radiogroup', { name: 'How is the partnership working?' });
    await userEvent.click(within(scale).getByRole('radio', { name: '4 — Working well' }));
    await waitFor(async () => expect((await repo('checkIn').list(current.journalId))[0]?.rating).toBe(4));
    await userEvent.click(within(scale).getByRole('radio', { name: 'No answer' }));
    await waitFor(async () =>
      expect((await repo('checkIn').list(current.journalId))[0]?.rating).toBeUndefined(),
    );
  });

  it('shows both people’s ratings over time as a chart with a text table, oldest first', async () => {
    const current = await freshJournal('mentor', { startDate: '2025-01-15' });
    db = current.db;
    const j = current.journalId;
    await repo('checkIn').create(j, { date: '2025-07-15', rating: 2 }, { author: 'mentee' });
    await repo('checkIn').create(j, { date: '2025-07-15', rating: 3 }, { author: 'mentor' });
    await repo('checkIn').create(j, { date: '2026-01-15', rating: 4 }, { author: 'mentee' });
    await repo('checkIn').create(j, { date: '2026-01-20' }, { author: 'mentor' });
    renderInJournal(<CheckInsScreen />, current);
    const trend = await screen.findByRole('region', { name: 'How the partnership is working' });
    const chart = await within(trend).findByRole('img');
    expect(chart.textContent).toContain(
      `Mentee: 2 on ${formatDate('2025-07-15')}, 4 on ${formatDate('2026-01-15')}. Mentor: 3 on ${formatDate('2025-07-15')}.`,
    );
    const table = within(trend).getByRole('table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ['Date', 'Mentee', 'Mentor'],
      [formatDate('2025-07-15'), '2 of 5, Struggling', '3 of 5, Getting there'],
      [formatDate('2026-01-15'), '4 of 5, Working well', 'Not rated'],
    ]);
    // Each past check-in says its own rating in words.
    const list = screen.getByRole('list', { name: 'Past check-ins' });
    expect(within(list).getByText('4 of 5, Working well')).toBeTruthy();
  });

  it('says there are no ratings yet, and asks the question', async () => {
    const current = await freshJournal('mentor');
    db = current.db;
    await repo('checkIn').create(current.journalId, { date: '2026-01-20' });
    renderInJournal(<CheckInsScreen />, current);
    const trend = await screen.findByRole('region', { name: 'How the partnership is working' });
    expect((await within(trend).findByText(/^No ratings yet/)).textContent).toBe(
      'No ratings yet. Each check-in asks “How is the partnership working?”.',
    );
  });
});
