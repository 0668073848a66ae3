import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { device, repo } from '../../db';
import { previewImport } from '../../sync/importFile';
import { ShareScreen } from './ShareScreen';

const journalId = 'journal-share';
const fresh = useFreshDb({ journalId });
let made: File[] = [];

beforeEach(() => {
  made = [];
  // The download path: the file handed to the browser is kept for the test to open.
  URL.createObjectURL = vi.fn((file: Blob) => {
    made.push(file as File);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('choosing a passphrase for a backup', () => {
  it('asks for it twice: a second field that differs locks nothing and says so at that field', async () => {
    const user = userEvent.setup();
    renderInJournal(<ShareScreen />, fresh.current);
    await user.type(screen.getByLabelText('Passphrase (recommended)'), 'blue kettle');
    await user.click(screen.getByRole('button', { name: 'Back up this device' }));
    const again = screen.getByLabelText('The same passphrase again');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Type the passphrase a second time/)).toBeTruthy();
    expect(document.activeElement).toBe(again);

    await user.type(again, 'blue kettel');
    await user.click(screen.getByRole('button', { name: 'Back up this device' }));
    expect(screen.getByText(/The two passphrases are not the same/)).toBeTruthy();
    expect(made).toEqual([]);
    expect((await device(fresh.db).membership(journalId))?.lastBackupAt).toBeUndefined();
  });

  it('shows the passphrase on request, and locks the backup with it once both fields agree', async () => {
    const user = userEvent.setup();
    renderInJournal(<ShareScreen />, fresh.current);
    const first = screen.getByLabelText('Passphrase (recommended)');
    await user.type(first, 'blue kettle');
    const again = screen.getByLabelText('The same passphrase again');
    expect(first.getAttribute('type')).toBe('password');
    await user.click(screen.getAllByLabelText('Show the passphrase')[1]!);
    expect(first.getAttribute('type')).toBe('text');
    expect(again.getAttribute('type')).toBe('text');

    await user.type(again, 'blue kettle');
    expect(screen.queryByText(/not the same/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back up this device' }));
    await waitFor(() => expect(made).toHaveLength(1));
    const bytes = new Uint8Array(await made[0]!.arrayBuffer());
    await expect(previewImport(bytes, { passphrase: 'blue kettel', db: fresh.db })).rejects.toThrow();
    const opened = await previewImport(bytes, { passphrase: 'blue kettle', db: fresh.db });
    expect(opened.file.kind).toBe('backup');
  });
});

/** A text both people changed, waiting for a choice, on a goal of this journal. */
async function goalWithConflict() {
  const goal = await repo('goal', fresh.db).create(journalId, {
    title: 'Present to the board',
    successCriteria: 'Mine',
  });
  await fresh.db.table('conflicts').put({
    id: `${goal.id}:successCriteria`,
    journalId,
    recordId: goal.id,
    kind: 'goal',
    field: 'successCriteria',
    local: 'Mine',
    remote: 'Theirs',
    kept: 'local',
    at: '2026-11-30T10:00:00.000Z',
  });
  return goal;
}

describe('a text changed by both of you', () => {
  it('is named by its record’s title and its field’s label, and goes once a version is chosen', async () => {
    const goal = await goalWithConflict();
    const user = userEvent.setup();
    renderInJournal(<ShareScreen />, fresh.current);
    const card = await screen.findByRole('heading', {
      name: 'The goal “Present to the board”: Success criteria',
    });
    expect(document.body.textContent).not.toMatch(/successCriteria/);

    await user.click(screen.getByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(card.isConnected).toBe(false));
    expect(screen.queryByRole('heading', { name: 'Changed by both of you' })).toBeNull();
    expect((await repo('goal', fresh.db).get(goal.id))?.successCriteria).toBe('Theirs');
  });

  it('is shown on the goal’s own screen and on Home, with a link to where it is chosen', async () => {
    const goal = await goalWithConflict();
    const { WaitingChoiceNotice } = await import('./WaitingChoiceNotice');
    const { WaitingChoices } = await import('../home/WaitingChoices');
    renderInJournal(
      <>
        <WaitingChoiceNotice recordId={goal.id} />
        <WaitingChoices journalId={journalId} />
      </>,
      fresh.current,
    );
    const notice = await screen.findByRole('region', { name: 'A text waiting for your choice' });
    expect(notice.textContent).toMatch(/both changed “Success criteria” of the goal “Present to the board”/);
    const home = await screen.findByRole('region', { name: 'Waiting for your choice' });
    expect(home.textContent).toMatch(/1 text at the same time, in the goal “Present to the board”/);
    for (const link of screen.getAllByRole('link', { name: 'Choose what to keep' }))
      expect(link.getAttribute('href')).toBe('/share#changed-by-both');
  });
});
