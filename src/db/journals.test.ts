import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDutyId } from '../model/defaultDuties';
import { MentoringDb, setDb } from './database';
import { DeviceRepository } from './device';
import { repo } from './index';
import { createJournal, deleteJournalFromDevice, switchJournal } from './journals';

let db: MentoringDb;

beforeEach(() => {
  db = new MentoringDb(`test-${crypto.randomUUID()}`);
  setDb(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
  setDb(undefined);
});

describe('journals on this device', () => {
  it('a new journal becomes current, with my role, the default lengths and both people’s default duties', async () => {
    const journal = await createJournal({ role: 'mentor', menteeName: 'Ana', mentorName: 'Sam' }, db);
    const device = new DeviceRepository(db);
    expect(await device.currentJournalId()).toBe(journal.id);
    expect(await device.membership(journal.id)).toMatchObject({ role: 'mentor' });
    expect(journal).toMatchObject({
      lengthMonths: 18,
      cadenceDays: 91,
      author: 'mentor',
      journalId: journal.id,
    });
    const duties = await repo('duty', db).list(journal.id);
    expect(duties.filter((d) => d.role === 'mentor')).toHaveLength(4);
    expect(duties.filter((d) => d.role === 'mentee')).toHaveLength(6);
    expect(duties.map((d) => d.id)).toContain(defaultDutyId(journal.id, 'mentee', 0));
  });

  it('deleting a journal removes its records, conflicts and undo snapshot from this device and opens another journal', async () => {
    const kept = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, db);
    const gone = await createJournal({ role: 'mentor', menteeName: 'Lee', mentorName: 'Sam' }, db);
    await repo('goal', db).create(gone.id, { title: 'Chair a committee' });
    await repo('goal', db).create(kept.id, { title: 'Learn budgeting' });
    await db.table('conflicts').put({ id: 'c1', journalId: gone.id });
    await db.table('snapshots').put({ id: 'last', journalIds: [gone.id], records: [] });

    await deleteJournalFromDevice(gone.id, db);

    for (const table of db.recordTables())
      expect(await table.where('journalId').equals(gone.id).count()).toBe(0);
    expect(await db.table('conflicts').count()).toBe(0);
    expect(await db.table('snapshots').count()).toBe(0);
    const device = new DeviceRepository(db);
    expect(await device.membership(gone.id)).toBeUndefined();
    expect(await device.currentJournalId()).toBe(kept.id);
    expect((await repo('goal', db).list(kept.id)).map((g) => g.title)).toEqual(['Learn budgeting']);
  });

  it('switching makes another journal current', async () => {
    const first = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, db);
    await createJournal({ role: 'mentor', menteeName: 'Lee', mentorName: 'Sam' }, db);
    await switchJournal(first.id, db);
    expect(await new DeviceRepository(db).currentJournalId()).toBe(first.id);
  });
});
