import { liveQuery } from 'dexie';
import { device, getDb, repo } from '../db';
import { journalTitle } from '../model/labels';
import { useLive } from '../ui/hooks/useLive';
import type { CurrentJournal } from '../ui/journalContext';

/** Device state the shell needs: every journal on this device and the current one. */
export interface ShellState {
  journals: CurrentJournal[];
  current: CurrentJournal | undefined;
}

/** Loads the journals this device holds (live) and which one is current. */
export function useShellState(): ShellState | undefined {
  return useLive(
    () =>
      liveQuery(async () => {
        const db = getDb();
        const memberships = await device(db).memberships();
        const currentId = await device(db).currentJournalId();
        const journals: CurrentJournal[] = [];
        for (const m of memberships) {
          const journal = await repo('journal', db).get(m.journalId);
          if (journal && !journal.deleted) journals.push({ journalId: journal.id, journal, role: m.role });
        }
        journals.sort((a, b) => journalTitle(a).localeCompare(journalTitle(b)));
        return { journals, current: journals.find((j) => j.journalId === currentId) ?? journals[0] };
      }),
    [],
  );
}
