/**
 * What the app writes, it reads back — at 50,000 records and at the most a device may hold
 * (MAX_FILE_RECORDS): export → open → import, through the file's bytes as the file picker hands
 * them over. Slow by nature (hundreds of MB of JSON over fake IndexedDB): generous timeouts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import { deviceRecordCount } from '../db/capacity';
import { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { repo } from '../db/index';
import { createJournal } from '../db/journals';
import type { AnyRecord } from '../model/kinds';
import { DEVICE_RECORD_LIMIT, MAX_FILE_RECORDS } from '../model/limits';
import { KIND_INFO } from '../model/tables';
import { COMPRESS_ABOVE_BYTES, deliverFile, exportBackupFile, exportPairFile } from './exportFile';
import { applyImportFile, previewImport } from './importFile';
import { isGzip } from './parseJson';
import { makeRecord, NODE_B, realisticJournal, stampAt } from './testing';

const SLOW = 600_000;
const WALL = () => Date.UTC(2027, 5, 1);
const newDevice = useDevices(WALL);

/** A device holding `records` as its journal, with my role in it (put straight into its tables). */
async function deviceWith(
  records: readonly AnyRecord[],
  role: 'mentee' | 'mentor',
  db: MentoringDb = newDevice(),
): Promise<MentoringDb> {
  const byTable = new Map<string, AnyRecord[]>();
  for (const record of records) {
    const table = KIND_INFO[record.kind].table;
    const rows = byTable.get(table) ?? [];
    if (!byTable.has(table)) byTable.set(table, rows);
    rows.push(record);
  }
  for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
  await new DeviceRepository(db).setMembership(records[0]!.id, { role });
  await new DeviceRepository(db).setCurrentJournalId(records[0]!.id);
  return db;
}

/** The records of a journal, sorted by id, as JSON: what both copies must hold alike. */
async function journalJson(db: MentoringDb): Promise<string[]> {
  const rows: AnyRecord[] = [];
  for (const table of db.recordTables()) rows.push(...(await table.toArray()));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => JSON.stringify(r, Object.keys(r).sort()));
}

/** Exports the journal of `from`, opens it on a new device and imports it: both copies must match. */
async function roundTrip(from: MentoringDb, journalId: string, count: number) {
  const exported = await exportPairFile(journalId, { db: from });
  expect(exported.compressed).toBe(true);
  expect(isGzip(exported.bytes)).toBe(true);
  expect(exported.name).toMatch(/^mentoring-journal-ana-kowalska-\d{4}-\d{2}-\d{2}\.json$/);
  expect(exported.text.length).toBeGreaterThan(COMPRESS_ABOVE_BYTES);
  expect(exported.bytes.byteLength).toBeLessThan(exported.text.length / 4);
  const mentee = newDevice();
  const preview = await previewImport(exported.bytes, { db: mentee });
  expect(preview.plan.total.added).toBe(count);
  expect(preview.file.dropped).toEqual([]);
  const result = await applyImportFile(preview, { db: mentee, role: 'mentee' });
  expect(result.written).toBe(count);
  expect(await journalJson(mentee)).toEqual(await journalJson(from));
}

describe('a pair file of 50,000 records', () => {
  it(
    'is written compressed under its .json name, opens on a new device and imports whole',
    async () => {
      const records = realisticJournal(50_000);
      await roundTrip(await deviceWith(records, 'mentor'), records[0]!.id, records.length);
    },
    SLOW,
  );
});

describe(`a device holding the most a file carries (${MAX_FILE_RECORDS.toLocaleString('en')} records)`, () => {
  let full: MentoringDb;
  let journalId: string;

  beforeAll(async () => {
    // Filled by its partner's files: new records stop at DEVICE_RECORD_LIMIT, imports at MAX_FILE_RECORDS.
    const records = realisticJournal(MAX_FILE_RECORDS);
    journalId = records[0]!.id;
    const db = new MentoringDb(`full-${crypto.randomUUID()}`);
    db.wallClock = WALL;
    full = await deviceWith(records, 'mentor', db);
  }, SLOW);
  afterAll(async () => {
    full.close();
    await full.delete();
  });

  it(
    'writes a pair file that opens on a new device and imports whole',
    async () => {
      await roundTrip(full, journalId, MAX_FILE_RECORDS);
    },
    SLOW,
  );

  it(
    'refuses a file that would bring it past what a file carries, in words, and writes nothing',
    async () => {
      const partner = await deviceWith(realisticJournal(1000), 'mentee');
      await repo('goal', partner).create(journalId, { title: 'One more goal' });
      const { bytes } = await exportPairFile(journalId, { db: partner });
      await expect(previewImport(bytes, { db: full })).rejects.toThrow(
        /^Importing this file would bring this device to 110,001 records, more than one backup or pair file can carry \(110,000\)\. Nothing was imported\./,
      );
      expect(await deviceRecordCount(full)).toBe(MAX_FILE_RECORDS);
    },
    SLOW,
  );

  it(
    `takes no new record (it holds more than ${DEVICE_RECORD_LIMIT.toLocaleString('en')}), and says so, while what is there can still be edited`,
    async () => {
      await expect(
        repo('goal', full).create(journalId, { title: 'Speak at the regional meeting' }),
      ).rejects.toThrow(
        /^This device holds 110,000 records, the most one backup or pair file can carry, so nothing new can be added\. Nothing was changed, and what you typed is still on the screen\./,
      );
      await expect(createJournal({ role: 'mentor', menteeName: 'Ελένη Παπαδοπούλου' }, full)).rejects.toThrow(
        /the most one backup or pair file can carry/,
      );
      expect(await deviceRecordCount(full)).toBe(MAX_FILE_RECORDS);
      const edited = await repo('journal', full).update(journalId, { programme: 'Regional mentoring' });
      expect(edited.programme).toBe('Regional mentoring');
    },
    SLOW,
  );
});

describe(`a device at ${DEVICE_RECORD_LIMIT.toLocaleString('en')} records`, () => {
  it(
    'takes no new record, while one record fewer still takes one',
    async () => {
      const [journal] = realisticJournal(1);
      const filler = Array.from({ length: DEVICE_RECORD_LIMIT - 2 }, (_, i) =>
        makeRecord('note', `n-${i}`, {}, { deleted: true, stamp: stampAt(1, NODE_B), author: 'mentor' }),
      );
      const db = await deviceWith([journal!, ...filler], 'mentee');
      await repo('goal', db).create(journal!.id, { title: 'The last one that fits' });
      expect(await deviceRecordCount(db)).toBe(DEVICE_RECORD_LIMIT);
      await expect(repo('goal', db).create(journal!.id, { title: 'One too many' })).rejects.toThrow(
        /^This device holds 100,000 records/,
      );
    },
    SLOW,
  );
});

describe('a backup locked with a passphrase, over 8 MB', () => {
  it(
    'is compressed inside its encryption, and restores whole',
    async () => {
      const records = realisticJournal(9_000);
      const mentor = await deviceWith(records, 'mentor');
      const backup = await exportBackupFile({ db: mentor, passphrase: 'a long passphrase for the backup' });
      expect(backup.compressed).toBe(true);
      expect(JSON.parse(backup.text)).toMatchObject({ format: 'mentoring-journal', kind: 'backup' });
      expect(backup.bytes.byteLength).toBeLessThan(COMPRESS_ABOVE_BYTES / 2);
      const fresh = newDevice();
      const preview = await previewImport(backup.bytes, {
        db: fresh,
        passphrase: 'a long passphrase for the backup',
      });
      await applyImportFile(preview, { db: fresh });
      expect(await journalJson(fresh)).toEqual(await journalJson(mentor));
    },
    SLOW,
  );
});

describe('handing a file over', () => {
  it('keeps a compressed file’s .json name and the JSON type, so share sheets treat it like any pair file', async () => {
    const shared: File[] = [];
    const nav = {
      canShare: () => true,
      share: async ({ files }: { files: File[] }) => {
        shared.push(...files);
      },
    } as unknown as Navigator;
    const bytes = new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0]);
    expect(await deliverFile({ name: 'mentoring-journal-ana-kowalska-2027-01-01.json', bytes }, nav)).toBe(
      'shared',
    );
    expect(shared[0]!.name).toBe('mentoring-journal-ana-kowalska-2027-01-01.json');
    expect(shared[0]!.type).toBe('application/json');
    expect(new Uint8Array(await shared[0]!.arrayBuffer())).toEqual(bytes);
  });
});
