/** What this device holds, as live queries for the shell and the screens (read models, no writes). */
import { liveQuery, type Observable } from 'dexie';
import type { Role } from '../model/constants';
import type { Journal } from '../model/journal';
import { journalTitle } from '../model/labels';
import { getDb, type MentoringDb } from './database';
import { DeviceRepository, type Membership } from './device';
import { repo } from './index';

/** A journal on this device, with my role in it. */
export interface JournalOnDevice {
  journalId: string;
  journal: Journal;
  role: Role;
}

/** The journals on this device, named in switcher order, and the current one (else the first). */
export interface JournalsOnDevice {
  journals: JournalOnDevice[];
  current: JournalOnDevice | undefined;
}

/** The journals this device holds (not deleted ones) and which one is current, kept live. */
export function liveJournalsOnDevice(db: MentoringDb = getDb()): Observable<JournalsOnDevice> {
  return liveQuery(async () => {
    const device = new DeviceRepository(db);
    const memberships = await device.memberships();
    const currentId = await device.currentJournalId();
    const journals: JournalOnDevice[] = [];
    for (const m of memberships) {
      const journal = await repo('journal', db).get(m.journalId);
      if (journal && !journal.deleted) journals.push({ journalId: journal.id, journal, role: m.role });
    }
    journals.sort((a, b) => journalTitle(a).localeCompare(journalTitle(b)));
    return { journals, current: journals.find((j) => j.journalId === currentId) ?? journals[0] };
  });
}

/** What this device knows of one journal (my role, last backup, export and import), kept live; null if nothing. */
export function liveMembership(journalId: string, db: MentoringDb = getDb()): Observable<Membership | null> {
  return liveQuery(async () => (await new DeviceRepository(db).membership(journalId)) ?? null);
}
