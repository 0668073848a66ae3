/** What this device holds, as live queries for the screens (read models, no writes). */
import { liveQuery, type Observable } from 'dexie';
import { getDb, type MentoringDb } from './database';
import { DeviceRepository, type Membership } from './device';

export type { JournalOnDevice, JournalsOnDevice } from './readModels';

/** What this device knows of one journal (my role, last backup, export and import), kept live; null if nothing. */
export function liveMembership(journalId: string, db: MentoringDb = getDb()): Observable<Membership | null> {
  return liveQuery(async () => (await new DeviceRepository(db).membership(journalId)) ?? null);
}
