import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb as Db, type MentoringDb, repo, setDb } from '../../db';
import { createJournal } from '../../db/journals';
import type { Role } from '../../model/constants';
import type { Journal } from '../../model/journal';
import { formatDate, today } from '../components/labels';
import { renderInJournal } from '../goals/testJournal';
import { JournalContext } from '../journalContext';
import { AgreementScreen, agreementErrors, changedSinceConfirmation } from './AgreementScreen';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

/** Renders the screen with the journal kept live, as the shell does. */
function LiveAgreement({ journalId, role }: { journalId: string; role: Role }) {
  const [journal, setJournal] = useState<Journal | null>(null);
  useEffect(() => {
    const sub = repo('journal')
      .liveOne(journalId)
      .subscribe((j) => setJournal(j));
    return () => sub.unsubscribe();
  }, [journalId]);
  if (!journal) return null;
  return (
    <JournalContext.Provider value={{ journalId, journal, role }}>
      <AgreementScreen />
    </JournalContext.Provider>
  );
}

async function setup(role: Role = 'mentee') {
  db = new Db(`test-${crypto.randomUUID()}`);
  setDb(db);
  const journal = await createJournal(
    { role, menteeName: 'Ana', mentorName: 'Sam', startDate: '2026-01-15', lengthMonths: 18 },
    db,
  );
  renderInJournal(<LiveAgreement journalId={journal.id} role={role} />, {
    journalId: journal.id,
    journal,
    role,
  });
  return journal;
}

describe('agreement', () => {
  it('records a change of length with its date, from and to, and shows it in the history', async () => {
    const journal = await setup();
    const length = await screen.findByLabelText('Length in months');
    await userEvent.clear(length);
    await userEvent.type(length, '24');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repo('journal').get(journal.id))?.lengthMonths).toBe(24));
    expect(await repo('agreementChange').list(journal.id)).toMatchObject([
      { field: 'lengthMonths', from: '18', to: '24', changedOn: today(), author: 'mentee' },
    ]);
    const history = await screen.findByRole('list', { name: 'Changes to the agreement' });
    expect(within(history).getByText('Length in months').parentElement?.textContent).toBe(
      'Length in months: 18 → 24',
    );
    expect(within(history).getByText(`${formatDate(today())} · by Mentee`)).toBeTruthy();
  });

  it('shows a message at the field for a cadence of 0 days and saves nothing', async () => {
    const journal = await setup();
    const cadence = await screen.findByLabelText('Meet at least every … days');
    await userEvent.clear(cadence);
    await userEvent.type(cadence, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(cadence.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number of days from 1 to 366.')).toBeTruthy();
    expect((await repo('journal').get(journal.id))?.cadenceDays).toBe(91);
    expect(await repo('agreementChange').list(journal.id)).toEqual([]);
  });

  it('ticks a default duty as done by my role today', async () => {
    const journal = await setup('mentor');
    const box = await screen.findByRole('checkbox', { name: 'Give honest, constructive feedback' });
    await userEvent.click(box);
    await waitFor(async () => {
      const duties = await repo('duty').list(journal.id);
      expect(duties.find((d) => d.text === 'Give honest, constructive feedback')).toMatchObject({
        done: true,
        checkedBy: 'mentor',
        checkedOn: today(),
      });
    });
    expect(await screen.findByText(`Ticked by the mentor on ${formatDate(today())}`)).toBeTruthy();
  });

  it('adds a duty for the mentee at the end of the list', async () => {
    const journal = await setup();
    await userEvent.type(await screen.findByLabelText('Add a duty for the mentee'), 'Keep a reading log');
    await userEvent.click(screen.getByRole('button', { name: 'Add mentee duty' }));
    const list = await screen.findByRole('list', { name: 'The mentee’s duties' });
    await waitFor(() =>
      expect(within(list).getAllByRole('checkbox').at(-1)?.getAttribute('id')).toBeTruthy(),
    );
    expect(await within(list).findByRole('checkbox', { name: 'Keep a reading log' })).toBeTruthy();
    const added = (await repo('duty').list(journal.id)).find((d) => d.text === 'Keep a reading log');
    expect(added).toMatchObject({ role: 'mentee', order: 6, done: false });
  });

  it('records my confirmation with today’s date, and shows both names', async () => {
    const journal = await setup('mentee');
    await userEvent.click(
      await screen.findByRole('button', { name: 'I confirm this agreement (as mentee)' }),
    );
    await waitFor(async () =>
      expect((await repo('journal').get(journal.id))?.menteeConfirmedOn).toBe(today()),
    );
    expect(
      await screen.findByText(`: Ana — confirmed on ${formatDate(today())}`, { exact: false }),
    ).toBeTruthy();
    expect(screen.getByText('not confirmed yet')).toBeTruthy();
    expect((await repo('journal').get(journal.id))?.mentorConfirmedOn).toBeUndefined();
  });

  it('validation rule: length 1–120 months and cadence 1–366 days, whole numbers', () => {
    expect(agreementErrors({ lengthMonths: '24', cadenceDays: '91' })).toEqual({});
    expect(agreementErrors({ lengthMonths: '0' }).lengthMonths).toBeDefined();
    expect(agreementErrors({ lengthMonths: '18.5' }).lengthMonths).toBeDefined();
    expect(agreementErrors({ cadenceDays: '' }).cadenceDays).toBeDefined();
  });

  it('asks a person to confirm again when the terms changed after their confirmation, keeping the old date', async () => {
    const journal = await setup('mentee');
    await repo('journal').update(journal.id, { mentorConfirmedOn: '2026-01-15' });
    await userEvent.click(
      await screen.findByRole('button', { name: 'I confirm this agreement (as mentee)' }),
    );
    const confirmations = () =>
      within(screen.getByRole('region', { name: 'Confirmation' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    const now = formatDate(today());
    await waitFor(() =>
      expect(confirmations()).toEqual([
        `Mentee: Ana — confirmed on ${now}`,
        'Mentor: Sam — confirmed on 15 Jan 2026',
      ]),
    );

    const length = screen.getByLabelText('Length in months');
    await userEvent.clear(length);
    await userEvent.type(length, '24');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(confirmations()).toEqual([
        `Mentee: Ana — confirmed on ${now}, before the latest change on ${now} — confirm again`,
        `Mentor: Sam — confirmed on 15 Jan 2026, before the latest change on ${now} — confirm again`,
      ]),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Confirm again today' }));
    await waitFor(() =>
      expect(confirmations()).toEqual([
        `Mentee: Ana — confirmed on ${now}`,
        `Mentor: Sam — confirmed on 15 Jan 2026, before the latest change on ${now} — confirm again`,
      ]),
    );
    expect(await repo('journal').get(journal.id)).toMatchObject({
      menteeConfirmedOn: today(),
      mentorConfirmedOn: '2026-01-15',
    });
  });

  it('rule: a confirmation is out of date when a change to the terms came after it', () => {
    const stamp = (time: string) => `2026-03-05T${time}:00.000Z-0000-abcdef0123456789`;
    const confirmed = { menteeConfirmedOn: '2026-03-05', stamps: { menteeConfirmedOn: stamp('10:00') } };
    const change = (changedOn: string, time: string) => ({ changedOn, stamps: { changedOn: stamp(time) } });
    expect(changedSinceConfirmation(confirmed, 'menteeConfirmedOn', [change('2026-03-05', '09:00')])).toBe(
      undefined,
    );
    expect(changedSinceConfirmation(confirmed, 'menteeConfirmedOn', [change('2026-03-05', '11:00')])).toBe(
      '2026-03-05',
    );
    expect(changedSinceConfirmation(confirmed, 'mentorConfirmedOn', [change('2026-03-05', '11:00')])).toBe(
      undefined,
    );
    // Without clock stamps, only a change on a later day counts.
    const byDate = { menteeConfirmedOn: '2026-03-05', stamps: {} };
    const plain = (changedOn: string) => ({ changedOn, stamps: {} });
    expect(changedSinceConfirmation(byDate, 'menteeConfirmedOn', [plain('2026-03-05')])).toBe(undefined);
    expect(
      changedSinceConfirmation(byDate, 'menteeConfirmedOn', [plain('2026-03-09'), plain('2026-03-07')]),
    ).toBe('2026-03-09');
  });
});
