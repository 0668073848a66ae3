import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { device } from '../../db';
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
