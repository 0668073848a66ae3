import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { device, repo } from '../db';
import { FirstRun, validateNewJournal } from './FirstRun';

const fresh = useFreshDb();

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByLabelText('The mentor — I am mentoring someone'));
  await user.type(screen.getByLabelText('Mentee’s name'), 'Ana Kowalska');
  await user.type(screen.getByLabelText('Mentor’s name'), 'Sam Reid');
  await user.type(screen.getByLabelText('Programme (optional)'), 'Leadership Institute');
  const start = screen.getByLabelText('Start date');
  await user.clear(start);
  await user.type(start, '2026-03-02');
}

describe('Start a new journal', () => {
  it('shows a message at each missing field and puts focus on the first one (the role)', async () => {
    const user = userEvent.setup();
    render(<FirstRun />);
    await user.click(screen.getByRole('button', { name: 'Create journal' }));

    const role = screen.getByRole('radiogroup', { name: 'In this partnership I am' });
    expect(role.getAttribute('aria-invalid')).toBe('true');
    expect(role).toHaveProperty(
      'textContent',
      expect.stringContaining('Choose whether you are the mentee or the mentor in this partnership.'),
    );
    expect(screen.getByLabelText('Mentee’s name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the mentee’s name (a first name is enough).')).toBeTruthy();
    expect(screen.getByText('Enter the mentor’s name (a first name is enough).')).toBeTruthy();
    // The message is read with its field.
    const mentee = screen.getByLabelText('Mentee’s name');
    const describedBy = mentee.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Enter the mentee’s name (a first name is enough).',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('The mentee — I am being mentored')),
    );
    expect(await repo('journal', fresh.db).table.count()).toBe(0);
  });

  it('refuses a length of 0 months with the message at that field, focused, and nothing saved', async () => {
    const user = userEvent.setup();
    render(<FirstRun />);
    await fillValidForm(user);
    const length = screen.getByLabelText('Length in months');
    await user.clear(length);
    await user.type(length, '0');
    await user.click(screen.getByRole('button', { name: 'Create journal' }));

    expect(screen.getByText('Enter a whole number of months from 1 to 120.')).toBeTruthy();
    expect(screen.queryByText(/Choose whether you are/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(length));
    expect(await repo('journal', fresh.db).table.count()).toBe(0);

    // Correcting the field removes its message at once.
    await user.clear(length);
    await user.type(length, '12');
    expect(screen.queryByText('Enter a whole number of months from 1 to 120.')).toBeNull();
  });

  it('creates the journal with its facts and makes it current, with my role on this device', async () => {
    const user = userEvent.setup();
    render(<FirstRun />);
    await fillValidForm(user);
    const cadence = screen.getByLabelText('Meet at least every … days');
    await user.clear(cadence);
    await user.type(cadence, '60');
    await user.click(screen.getByRole('button', { name: 'Create journal' }));

    await waitFor(async () => expect(await device(fresh.db).currentJournalId()).toBeDefined());
    const journalId = (await device(fresh.db).currentJournalId())!;
    const journal = await repo('journal', fresh.db).get(journalId);
    expect(journal).toMatchObject({
      menteeName: 'Ana Kowalska',
      mentorName: 'Sam Reid',
      programme: 'Leadership Institute',
      startDate: '2026-03-02',
      lengthMonths: 18,
      cadenceDays: 60,
      author: 'mentor',
    });
    expect((await device(fresh.db).membership(journalId))?.role).toBe('mentor');
    // The agreement starts with the default duties for both roles.
    expect((await repo('duty', fresh.db).list(journalId)).length).toBeGreaterThan(0);
  });

  it('asks a partnership that started in the past when the pair last met, and keeps it as a held meeting', async () => {
    const user = userEvent.setup();
    render(<FirstRun />);
    expect(screen.queryByLabelText('When did you last meet?')).toBeNull();
    await fillValidForm(user);
    const lastMet = screen.getByLabelText('When did you last meet?');
    await user.type(lastMet, '2026-10-28');
    await user.click(screen.getByRole('button', { name: 'Create journal' }));

    await waitFor(async () => expect(await device(fresh.db).currentJournalId()).toBeDefined());
    const journalId = (await device(fresh.db).currentJournalId())!;
    const meetings = await repo('meeting', fresh.db).list(journalId);
    expect(meetings.map((m) => [m.date, m.status])).toEqual([['2026-10-28', 'held']]);
  });

  it('offers Cancel only when another journal exists, and Cancel leaves without saving', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<FirstRun />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    unmount();

    const onCancel = vi.fn();
    render(<FirstRun onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(await repo('journal', fresh.db).table.count()).toBe(0);
  });
});

describe('validateNewJournal', () => {
  const valid = {
    role: 'mentee' as const,
    menteeName: 'Ana',
    mentorName: 'Sam',
    programme: '',
    startDate: '2026-01-15',
    lengthMonths: '18',
    cadenceDays: '91',
    lastMetOn: undefined,
  };

  it('accepts a complete form (the programme is optional)', () => {
    expect(validateNewJournal(valid)).toEqual({});
  });

  it('refuses a last meeting dated after today, and asks nothing of one that started today', () => {
    const started = { ...valid, startDate: '2026-06-01' };
    expect(validateNewJournal({ ...started, lastMetOn: '2026-12-03' }, '2026-12-02')).toEqual({
      lastMetOn: 'Enter a day that has passed: the last time you met, not the next.',
    });
    expect(validateNewJournal({ ...started, lastMetOn: '2026-11-20' }, '2026-12-02')).toEqual({});
    expect(
      validateNewJournal({ ...started, startDate: '2026-12-02', lastMetOn: '2027-01-01' }, '2026-12-02'),
    ).toEqual({});
  });

  it('names every field that needs fixing', () => {
    expect(
      Object.keys(
        validateNewJournal({
          role: undefined,
          menteeName: '  ',
          mentorName: '',
          programme: '',
          startDate: undefined,
          lengthMonths: '1.5',
          cadenceDays: '400',
          lastMetOn: undefined,
        }),
      ).sort(),
    ).toEqual(['cadenceDays', 'lengthMonths', 'menteeName', 'mentorName', 'role', 'startDate']);
  });
});
