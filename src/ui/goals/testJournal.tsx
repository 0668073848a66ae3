import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { JournalContext } from '../../app/journalContext';
import { device, MentoringDb, repo, setDb } from '../../db';
import type { Role } from '../../model/constants';
import type { Journal } from '../../model/journal';

/** Test helper: a fresh database with one journal in which this device has `role`. */
export async function freshJournal(role: Role = 'mentee', facts: Partial<Journal> = {}) {
  const db = new MentoringDb(`test-${crypto.randomUUID()}`);
  setDb(db);
  const journalId = `journal-${crypto.randomUUID()}`;
  await device(db).setMembership(journalId, { role });
  const journal = await repo('journal', db).create(journalId, facts, { id: journalId });
  return { db, journalId, journal, role };
}

/** Test helper: renders a screen inside the journal context and a location provider. */
export function renderInJournal(
  ui: ComponentChildren,
  current: { journalId: string; journal: Journal; role: Role },
) {
  return render(
    <LocationProvider>
      <JournalContext.Provider value={current}>{ui}</JournalContext.Provider>
    </LocationProvider>,
  );
}
