import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { device, repo } from '../../db';
import { createJournal } from '../../db/journals';
import { megabytes, SettingsScreen } from './SettingsScreen';

// Registered before the database hooks, so it runs after the screen is unmounted.
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

const fresh = useFreshDb();

function fakeStorage({ persisted, grant }: { persisted: boolean; grant: boolean }) {
  let kept = persisted;
  const storage = {
    persisted: vi.fn(async () => kept),
    persist: vi.fn(async () => {
      kept ||= grant;
      return grant;
    }),
    estimate: vi.fn(async () => ({ usage: 3.5 * 1024 * 1024, quota: 2048 * 1024 * 1024 })),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

async function renderSettings() {
  const journal = await createJournal(
    {
      role: 'mentor',
      menteeName: 'Ana',
      mentorName: 'Sam',
      programme: 'Leadership Institute',
      startDate: '2026-01-15',
      lengthMonths: 18,
      cadenceDays: 91,
    },
    fresh.db,
  );
  renderInJournal(<SettingsScreen />, { journalId: journal.id, journal, role: 'mentor' });
  return journal;
}

describe('Settings', () => {
  it('shows the app version, the journal’s facts with my role, and a link to change them', async () => {
    fakeStorage({ persisted: false, grant: false });
    await renderSettings();
    expect(screen.getByTestId('app-version').textContent).toBe('test');
    const facts = document.querySelector('dl.facts')!.textContent;
    expect(facts).toContain('MenteeAna');
    expect(facts).toContain('MentorSam');
    expect(facts).toContain('My role on this deviceMentor');
    expect(facts).toContain('ProgrammeLeadership Institute');
    expect(facts).toContain('Length18 months');
    expect(facts).toContain('Meet at leastevery 91 days');
    expect(screen.getByRole('link', { name: 'Change these in the Agreement' }).getAttribute('href')).toBe(
      '/agreement',
    );
  });

  it('shows whether the data is kept, the storage estimate, and asks to keep it on a click', async () => {
    const user = userEvent.setup();
    const storage = fakeStorage({ persisted: false, grant: true });
    await renderSettings();
    expect(await screen.findByText(/Not yet protected/)).toBeTruthy();
    expect(await screen.findByText('Using 3.5 MB of the 2,048 MB this browser allows.')).toBeTruthy();
    expect(storage.persist).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Keep my data on this device' }));
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/^Done: this browser will keep the journal/)).toBeTruthy();
    expect(screen.getByText('This browser keeps the journal’s data for good.')).toBeTruthy();
  });

  it('says so plainly when the browser refuses to keep the data', async () => {
    const user = userEvent.setup();
    fakeStorage({ persisted: false, grant: false });
    await renderSettings();
    await user.click(await screen.findByRole('button', { name: 'Keep my data on this device' }));
    expect(await screen.findByText(/^The browser said no for now/)).toBeTruthy();
  });

  it('deletes the journal from this device only after the confirmation, which offers a backup first', async () => {
    const user = userEvent.setup();
    fakeStorage({ persisted: true, grant: true });
    const journal = await renderSettings();

    await user.click(screen.getByRole('button', { name: 'Delete this journal from this device…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Ana & Sam from this device?' });
    expect(dialog.textContent).toContain('Back up this device first');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await repo('journal', fresh.db).get(journal.id)).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Delete this journal from this device…' }));
    await user.click(await screen.findByRole('button', { name: 'Delete from this device' }));
    await waitFor(async () => expect(await repo('journal', fresh.db).get(journal.id)).toBeUndefined());
    expect(await device(fresh.db).membership(journal.id)).toBeUndefined();
    expect(await repo('duty', fresh.db).list(journal.id)).toEqual([]);
    expect(location.pathname).toBe('/');
  });

  it('leaves no unsaved copy of the deleted journal’s private text in browser storage', async () => {
    const user = userEvent.setup();
    fakeStorage({ persisted: true, grant: true });
    const journal = await renderSettings();
    const note = await repo('note', fresh.db).create(journal.id, { text: 'Private worry' });
    // What autosave keeps while a change waits for its debounce (the page died before the save).
    localStorage.setItem(
      `mentoring-journal:unsaved:note:${note.id}`,
      JSON.stringify({ kind: 'note', id: note.id, set: { text: 'Private worry, rewritten' }, cleared: [] }),
    );

    await user.click(screen.getByRole('button', { name: 'Delete this journal from this device…' }));
    await user.click(await screen.findByRole('button', { name: 'Delete from this device' }));
    await waitFor(async () => expect(await repo('note', fresh.db).get(note.id)).toBeUndefined());
    await waitFor(() => expect(localStorage.getItem(`mentoring-journal:unsaved:note:${note.id}`)).toBeNull());
  });

  it('writes sizes in megabytes', () => {
    expect(megabytes(0)).toBe('0.0 MB');
    expect(megabytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(megabytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});
