import type { Role } from '../model/constants';
import { DEFAULT_CADENCE_DAYS, DEFAULT_LENGTH_MONTHS } from '../model/constants';
import { DEFAULT_DUTIES, defaultDutyId } from '../model/defaultDuties';
import { newId } from '../model/ids';
import type { Journal } from '../model/journal';
import { ensureRoom } from './capacity';
import { getDb, type MentoringDb } from './database';
import { DeviceRepository } from './device';
import { toStorageError } from './errors';
import { repo } from './index';
import { keptHomeKey } from './readModels';
import { loadValidator, type Patch } from './repository';

/**
 * What the first-run flow asks for a new journal. `lastMetOn`: for a partnership that started
 * before today, the day the pair last met (saved as a held meeting on that day).
 */
export type NewJournal = Patch<'journal'> & { role: Role; lastMetOn?: string };

/**
 * Creates a journal on this device with my role in it and the agreement's default duties (and,
 * with `lastMetOn`, the pair's last meeting, held), makes it current, and returns it. All in one
 * transaction: a failure leaves no half-made journal.
 */
export async function createJournal(
  { role, lastMetOn, ...facts }: NewJournal,
  db: MentoringDb = getDb(),
): Promise<Journal> {
  const id = newId();
  const deviceRepo = new DeviceRepository(db);
  // Load the schemas before the transaction: a first load awaited inside it would let it commit early.
  await loadValidator();
  await ensureRoom(db);
  try {
    const tables = [db.table('journals'), db.table('duties'), db.table('meetings'), db.local];
    return await db.transaction('rw', tables, async () => {
      await deviceRepo.setMembership(id, { role });
      const journal = await repo('journal', db).create(
        id,
        { lengthMonths: DEFAULT_LENGTH_MONTHS, cadenceDays: DEFAULT_CADENCE_DAYS, ...facts },
        { id, author: role },
      );
      for (const dutyRole of ['mentor', 'mentee'] as const) {
        const duties = DEFAULT_DUTIES[dutyRole];
        for (const [index, text] of duties.entries()) {
          await repo('duty', db).create(
            id,
            { role: dutyRole, text, order: index, done: false },
            { id: defaultDutyId(id, dutyRole, index) },
          );
        }
      }
      if (lastMetOn)
        await repo('meeting', db).create(id, { date: lastMetOn, status: 'held' }, { author: role });
      await deviceRepo.setCurrentJournalId(id);
      return journal;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Makes another journal on this device the current one. */
export async function switchJournal(journalId: string, db: MentoringDb = getDb()) {
  await new DeviceRepository(db).setCurrentJournalId(journalId);
}

/**
 * Removes a journal and everything in it from this device (the partner's copy is untouched).
 * This is the one hard delete: it is not a sync operation, and the screen offers a backup first.
 */
export async function deleteJournalFromDevice(journalId: string, db: MentoringDb = getDb()) {
  const deviceRepo = new DeviceRepository(db);
  const conflicts = db.table('conflicts');
  const snapshots = db.table<{ id: string; journalIds: string[] }, string>('snapshots');
  await db.transaction('rw', [...db.recordTables(), db.local, conflicts, snapshots], async () => {
    for (const table of db.recordTables()) await table.where('journalId').equals(journalId).delete();
    // This device's leftovers of the journal go too: open conflicts, and an undo that would bring it back.
    await conflicts.where('journalId').equals(journalId).delete();
    await snapshots.filter((snapshot) => snapshot.journalIds.includes(journalId)).delete();
    await deviceRepo.removeMembership(journalId);
    await db.local.delete(keptHomeKey(journalId));
    if ((await deviceRepo.currentJournalId()) === journalId) {
      const rest = await deviceRepo.memberships();
      await deviceRepo.setCurrentJournalId(rest[0]?.journalId);
    }
  });
}
