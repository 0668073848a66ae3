import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb } from '../../src/db/database';
import { DeviceRepository } from '../../src/db/device';
import { repo } from '../../src/db/index';
import { lastWriteKey } from '../../src/db/readModels';
import { SCHEMA_V1 } from '../../src/db/schema';
import fixture from '../fixtures/db-v1.json';

const names: string[] = [];

/** Writes the fixture as version 1 of the app did: a database declaring only version 1. */
async function createVersion1Database(): Promise<string> {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await v1.table(table).bulkAdd(rows);
  v1.close();
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database upgrade from version 1', () => {
  it('keeps every record and device setting of a version-1 database', async () => {
    const name = await createVersion1Database();
    const db = new MentoringDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      // The upgrade's own writes move the write marks in `local` (src/db/lastWrite.ts): those rows are new.
      const stored = (await db.table(table).toArray()).filter(
        (row) => !String(row.key ?? '').startsWith(lastWriteKey('')),
      );
      expect(stored).toHaveLength(rows.length);
      for (const row of rows) {
        const key = 'key' in row ? row.key : row.id;
        expect(await db.table(table).get(key)).toMatchObject(row);
      }
    }
    expect(await new DeviceRepository(db).membership(fixture.tables.journals[0]!.id)).toMatchObject({
      role: 'mentee',
    });
    db.close();
  });

  it('gives every record the `bases` map that concurrent-edit detection needs', async () => {
    const db = new MentoringDb(await createVersion1Database());
    for (const table of db.recordTables()) {
      for (const record of await table.toArray()) expect(record.bases).toEqual({});
    }
    db.close();
  });

  it('an upgraded journal can be edited, and the clock continues after the old stamps', async () => {
    const db = new MentoringDb(await createVersion1Database());
    const goalId = fixture.tables.goals[0]!.id;
    const updated = await repo('goal', db).update(goalId, { status: 'achieved' });
    expect(updated.status).toBe('achieved');
    expect(updated.bases.status).toBe(fixture.tables.goals[0]!.stamps.status);
    expect(updated.stamps.status! > fixture.tables.goals[0]!.stamps.status).toBe(true);
    expect(updated.stamps.status!.endsWith('4f1c2a9e7b3d5a10')).toBe(true);
    const journalId = fixture.tables.journals[0]!.id;
    expect((await repo('milestone', db).list(journalId)).map((m) => m.title)).toEqual([
      'Draft the programme budget',
    ]);
    db.close();
  });
});
