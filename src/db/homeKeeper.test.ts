import { afterEach, describe, expect, it } from 'vitest';
import { freshJournal } from '../../tests/helpers/journal';
import type { MentoringDb } from './database';
import { keepHomeCurrent } from './homeKeeper';
import { repo } from './index';
import { deleteJournalFromDevice } from './journals';
import { openExisting, rawReader } from './readers';
import { keptHomeKey, readKeptHome } from './readModels';

const TODAY = '2026-06-15';
let db: MentoringDb | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  db?.close();
  await db?.delete();
  db = undefined;
});

/** Home's facts as the next cold start would find them (plain IndexedDB, as on a cold start). */
async function keptOnStart(journalId: string) {
  const raw = (await openExisting(db!.name))!;
  try {
    return await readKeptHome(rawReader(raw, ['local']), journalId, TODAY);
  } finally {
    raw.close();
  }
}

describe('Home kept current while other screens write', () => {
  it('after writing a story elsewhere, the next start still finds Home’s facts, with the new ones', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    const { journalId } = current;
    stop = keepHomeCurrent(journalId, () => TODAY, db);
    await repo('milestone', db).create(journalId, { title: 'Send the draft', dueDate: '2026-06-01' });
    await repo('story', db).create(journalId, { title: 'On the bus' });
    await expect.poll(() => keptOnStart(journalId), { timeout: 15_000 }).toBeDefined();
    const kept = await keptOnStart(journalId);
    expect(kept?.overdue.first.map((m) => m.title)).toEqual(['Send the draft']);
  });

  it('once stopped, keeps nothing more; and a journal removed from the device keeps nothing', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    const { journalId } = current;
    stop = keepHomeCurrent(journalId, () => TODAY, db);
    await deleteJournalFromDevice(journalId, db);
    const other = keepHomeCurrent('another-journal', () => TODAY, db);
    other();
    await repo('story', db)
      .create('another-journal', { title: 'Never kept' })
      .catch(() => undefined);
    // Long enough for a scheduled read to have run (the keeper waits for writes to pause).
    await new Promise((done) => setTimeout(done, 3_000));
    expect(await db.local.get(keptHomeKey(journalId))).toBeUndefined();
    expect(await db.local.get(keptHomeKey('another-journal'))).toBeUndefined();
  });
});
