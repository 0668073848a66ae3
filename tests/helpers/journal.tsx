import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach } from 'vitest';
import { device, MentoringDb, repo, setDb } from '../../src/db';
import type { Role } from '../../src/model/constants';
import type { Journal } from '../../src/model/journal';
import { JournalContext } from '../../src/ui/journalContext';

/** What a screen gets from `useJournal()`. */
export interface CurrentJournal {
  journalId: string;
  journal: Journal;
  role: Role;
}

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
export function renderInJournal(ui: ComponentChildren, current: CurrentJournal) {
  return render(
    <LocationProvider>
      <JournalContext.Provider value={current}>{ui}</JournalContext.Provider>
    </LocationProvider>,
  );
}

export interface FreshDbOptions {
  /** A journal (no journal record is written) in which this device gets `role`. */
  journalId?: string;
  role?: Role;
  /** Runs after the database is made current and before the membership is written. */
  prepare?: (db: MentoringDb) => void;
}

export interface FreshDb {
  /** This test's database (a new one for every test). */
  readonly db: MentoringDb;
  /** The journal context for `renderInJournal` (an empty journal record), when `journalId` is given. */
  readonly current: CurrentJournal;
}

/**
 * Registers beforeEach/afterEach for the calling test file: every test gets a new database made
 * current with `setDb` (and, with `journalId`, this device's membership in that journal); after it,
 * the rendered tree is unmounted, then the database is closed and deleted. Register hooks that must
 * run before the database is made (fake timers, say) before calling this.
 */
export function useFreshDb({ journalId, role = 'mentee', prepare }: FreshDbOptions = {}): FreshDb {
  let db: MentoringDb | undefined;

  beforeEach(async () => {
    db = new MentoringDb(`test-${crypto.randomUUID()}`);
    setDb(db);
    prepare?.(db);
    if (journalId !== undefined) await device(db).setMembership(journalId, { role });
  });

  afterEach(async () => {
    cleanup();
    db?.close();
    await db?.delete();
  });

  return {
    get db() {
      if (!db) throw new Error('useFreshDb: the database exists only inside a test');
      return db;
    },
    get current() {
      if (journalId === undefined) throw new Error('useFreshDb: pass a journalId to get a journal context');
      return { journalId, journal: {} as Journal, role };
    },
  };
}
