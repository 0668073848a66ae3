import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordRev } from '../model/rev';
import { MentoringDb } from './database';
import { DeviceRepository } from './device';
import { repo } from './index';
import { createJournal, deleteJournalFromDevice } from './journals';
import { readRevs, staleRevs } from './revs';

let db: MentoringDb;
let wall = Date.UTC(2027, 2, 1, 9, 0, 0);

beforeEach(() => {
  db = new MentoringDb(`revs-${crypto.randomUUID()}`);
  db.wallClock = () => wall;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** Every stored record's revision row, and the row the record's current content calls for. */
async function revsAndRecords(database = db) {
  // Maps, not objects: an id may be any text, `__proto__` too.
  const stored = new Map((await readRevs(database)).map(({ id, ...row }) => [id, row]));
  const expected = new Map<string, unknown>();
  for (const table of database.recordTables()) {
    for (const record of await table.toArray()) {
      expected.set(record.id, { table: table.name, journalId: record.journalId, rev: recordRev(record) });
    }
  }
  return { stored, expected };
}

async function expectRevsCurrent(database = db) {
  const { stored, expected } = await revsAndRecords(database);
  expect(stored).toEqual(expected);
  expect(await staleRevs(database)).toEqual([]);
}

describe('the revision of each stored record', () => {
  it('follows every create, edit, delete and journal removal', async () => {
    const journal = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Ben' }, db);
    const goals = repo('goal', db);
    const goal = await goals.create(journal.id, { title: 'Lead a project' });
    const story = await repo('story', db).create(journal.id, { title: 'A story' });
    await expectRevsCurrent();
    const before = (await revsAndRecords()).stored.get(goal.id);
    wall += 1000;
    await goals.update(goal.id, { status: 'achieved' });
    await expectRevsCurrent();
    expect((await revsAndRecords()).stored.get(goal.id)).not.toEqual(before);
    wall += 1000;
    await repo('story', db).remove(story.id);
    await expectRevsCurrent();
    const other = await createJournal({ role: 'mentor', menteeName: 'Cai', mentorName: 'Dee' }, db);
    await goals.create(other.id, { title: 'Another goal' });
    await deleteJournalFromDevice(journal.id, db);
    await expectRevsCurrent();
    const { stored } = await revsAndRecords();
    expect([...stored.values()].every((row) => row.journalId === other.id)).toBe(true);
  });

  it('a clear of one table takes only that table’s rows', async () => {
    const journal = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Ben' }, db);
    const goal = await repo('goal', db).create(journal.id, { title: 'Kept' });
    const story = await repo('story', db).create(journal.id, { title: 'Cleared' });
    await db.table('stories').clear();
    await expectRevsCurrent();
    const { stored } = await revsAndRecords();
    expect(stored.get(goal.id)).toMatchObject({ table: 'goals' });
    expect(stored.get(story.id)).toBeUndefined();
  });

  it('writes made at once in one transaction keep every record’s revision, whatever its id', async () => {
    await new DeviceRepository(db).setMembership('j-1', { role: 'mentee' });
    const goal = await repo('goal', db).create('j-1', { title: 'Model' });
    const milestone = await repo('milestone', db).create('j-1', { title: 'Model' });
    // More records than buckets, written side by side to one table: each bucket gets entries from both writes.
    const goals = Array.from({ length: 600 }, (_, i) => ({ ...goal, id: `goal-${i}` }));
    const milestones = Array.from({ length: 300 }, (_, i) => ({ ...milestone, id: `milestone-${i}` }));
    goals.push({ ...goal, id: '__proto__' }, { ...goal, id: 'constructor' });
    await db.transaction('rw', [db.table('goals'), db.table('milestones'), db.local], () =>
      Promise.all([
        db.table('goals').bulkPut(goals.slice(0, 301)),
        db.table('goals').bulkPut(goals.slice(301)),
        db.table('milestones').bulkPut(milestones),
      ]),
    );
    await expectRevsCurrent();
    const { stored } = await revsAndRecords();
    expect(stored.get('__proto__')).toMatchObject({ table: 'goals', journalId: 'j-1' });
    await db.table('goals').bulkDelete(goals.map((g) => g.id));
    await expectRevsCurrent();
  });

  it('a write that fails leaves no row behind', async () => {
    const journal = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Ben' }, db);
    const goal = await repo('goal', db).create(journal.id, { title: 'Kept' });
    await expect(
      db.transaction('rw', [db.table('goals'), db.local], async () => {
        await db.table('goals').put({ ...goal, title: 'Changed', stamps: { ...goal.stamps, title: 'z' } });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await expectRevsCurrent();
  });

  it('the device keeps working when a transaction is opened with the records alone', async () => {
    await new DeviceRepository(db).setMembership('j-1', { role: 'mentee' });
    const goal = await repo('goal', db).create('j-1', { title: 'First' });
    await db.transaction('rw', db.table('goals'), () => db.table('goals').put({ ...goal, title: 'Second' }));
    await expectRevsCurrent();
  });
});
