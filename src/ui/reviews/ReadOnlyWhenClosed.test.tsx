import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import type { Journal } from '../../model/journal';
import { JournalContext } from '../journalContext';
import { ReadOnlyWhenClosed } from './ReadOnlyWhenClosed';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentor' });

/** A screen with one field under ReadOnlyWhenClosed, for a journal with these facts. */
const screenOf = (journal: Partial<Journal>) => (
  <LocationProvider>
    <JournalContext.Provider value={{ ...fresh.current, journal: journal as Journal }}>
      <ReadOnlyWhenClosed>
        <label>
          New goal <input />
        </label>
      </ReadOnlyWhenClosed>
    </JournalContext.Provider>
  </LocationProvider>
);

function show(path: string, journal: Partial<Journal>) {
  history.replaceState(null, '', path);
  return render(screenOf(journal));
}

describe('a closed journal on the screens', () => {
  it('an open journal is left as it is', () => {
    show('/goals', { startDate: '2026-01-15' });
    expect(screen.getByLabelText('New goal').matches(':disabled')).toBe(false);
    expect(screen.queryByText(/Partnership completed/)).toBeNull();
  });

  it('says it is completed with its dates and disables the screen’s controls', () => {
    show('/goals', { startDate: '2026-01-15', closedDate: '2027-07-10' });
    expect(screen.getByText('Partnership completed')).toBeTruthy();
    expect(screen.getByLabelText('New goal').matches(':disabled')).toBe(true);
  });

  it('leaves sharing working, so the pair can still exchange files and back up', () => {
    show('/share', { startDate: '2026-01-15', closedDate: '2027-07-10' });
    expect(screen.getByLabelText('New goal').matches(':disabled')).toBe(false);
  });

  it('a close that arrives while a screen is shown (an import under Share) keeps what the screen holds', async () => {
    const view = show('/share', { startDate: '2026-01-15' });
    const field = screen.getByLabelText('New goal') as HTMLInputElement;
    await userEvent.type(field, 'Merged into your journal');
    view.rerender(screenOf({ startDate: '2026-01-15', closedDate: '2027-07-10' }));
    expect(screen.getByText('Partnership completed')).toBeTruthy();
    // The same field, not a new one: what it held is still there.
    expect(screen.getByLabelText('New goal')).toBe(field);
    expect(field.value).toBe('Merged into your journal');
  });

  it('reopens the journal', async () => {
    await repo('journal').create(JOURNAL, { closedDate: '2027-07-10' }, { id: JOURNAL });
    show('/goals', { startDate: '2026-01-15', closedDate: '2027-07-10' });
    await userEvent.click(screen.getByRole('button', { name: 'Reopen the journal' }));
    await waitFor(async () => expect((await repo('journal').get(JOURNAL))?.closedDate).toBeUndefined());
  });
});
