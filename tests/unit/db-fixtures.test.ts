import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb } from '../../src/db/database';
import { repo } from '../../src/db/index';
import { lastWriteKey } from '../../src/db/readModels';
import { staleRevs } from '../../src/db/revs';
import { VERSIONS } from '../../src/db/schema';
import type { KindName } from '../../src/model/kind';
import { validateRecord } from '../../src/model/validate';
import v1 from '../fixtures/db-v1.json';
import v2 from '../fixtures/db-v2.json';
import v3 from '../fixtures/db-v3.json';
import v4 from '../fixtures/db-v4.json';
import v5 from '../fixtures/db-v5.json';
import v6 from '../fixtures/db-v6.json';

/** One fixture per released database version: rows exactly as that version stored them. */
const FIXTURES = [v1, v2, v3, v4, v5, v6] as {
  dexieVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}[];

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Writes a fixture as its version of the app did: a database declaring only the versions up to it. */
async function createDatabase(fixture: (typeof FIXTURES)[number]): Promise<string> {
  const name = `fixture-v${fixture.dexieVersion}-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  for (const [index, { stores }] of VERSIONS.slice(0, fixture.dexieVersion).entries()) {
    old.version(index + 1).stores(stores);
  }
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe('every released database version', () => {
  it('has a fixture', () => {
    expect(FIXTURES.map((f) => f.dexieVersion)).toEqual(VERSIONS.map((_, i) => i + 1));
  });

  it.each(FIXTURES.map((f) => [f.dexieVersion, f] as const))(
    'a version-%i database opens with the current code, keeps every row, and its records stay valid and editable',
    async (_version, fixture) => {
      const db = new MentoringDb(await createDatabase(fixture));
      await db.open();
      expect(db.verno).toBe(VERSIONS.length);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        // The upgrade's own writes move the write marks in `local` (src/db/lastWrite.ts): those rows are new.
        const stored = (await db.table(table).toArray()).filter(
          (row) => !String(row.key ?? '').startsWith(lastWriteKey('')),
        );
        expect(stored).toHaveLength(rows.length);
        for (const row of rows) {
          const key = (row.key ?? row.id ?? row.bucket) as string | number;
          expect(await db.table(table).get(key)).toMatchObject(row);
        }
      }
      for (const table of db.recordTables()) {
        for (const record of await table.toArray()) {
          expect(() => validateRecord(record.kind as KindName, record)).not.toThrow();
        }
      }
      // Every record has its revision row (version 6's upgrade, or the fixture's own).
      expect(await staleRevs(db)).toEqual([]);
      // The indexes of the newest version hold the old rows too (read models query them).
      for (const meeting of (fixture.tables.meetings ?? []) as { journalId: string; date: string }[]) {
        const onDay = db
          .table('meetings')
          .where('[journalId+date]')
          .equals([meeting.journalId, meeting.date]);
        expect(await onDay.count()).toBeGreaterThan(0);
      }
      for (const story of (fixture.tables.stories ?? []) as { goalIds?: string[] }[]) {
        for (const goalId of story.goalIds ?? [])
          expect(await db.table('stories').where('goalIds').equals(goalId).count()).toBeGreaterThan(0);
      }
      const goal = fixture.tables.goals![0] as { id: string; stamps: Record<string, string> };
      const updated = await repo('goal', db).update(goal.id, { status: 'achieved' });
      expect(updated.stamps.status! > goal.stamps.status!).toBe(true);
      db.close();
    },
  );
});
