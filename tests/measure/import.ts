/**
 * Importing a partner's pair file into a journal of N realistic records (10% of them edited by the
 * partner, half of those edited here too), next to a raw Dexie bulkPut of the same records; also the
 * checksum and the safe parse on their own. In Node over fake-indexeddb:
 *   node tests/measure/run.mjs tests/measure/import.ts [records] [runs]
 * and in Chromium over its own IndexedDB: node tests/measure/browser.mjs [records] [runs]
 */
import { Dexie } from 'dexie';
import { MentoringDb } from '../../src/db/database';
import { DeviceRepository } from '../../src/db/device';
import type { AnyRecord } from '../../src/model/kinds';
import { recordStores } from '../../src/model/registry';
import { KIND_INFO } from '../../src/model/tables';
import * as envelope from '../../src/sync/envelope';
import { pairPayload } from '../../src/sync/exportFile';
import { applyImportFile, previewImport } from '../../src/sync/importFile';
import { parseJson } from '../../src/sync/parseJson';
import { NODE_A, NODE_B, realisticJournal, stampAt } from '../../src/sync/testing';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

/** The partner's copy: every tenth record edited there (its long text or title), later. */
function partnerCopy(records: AnyRecord[]): AnyRecord[] {
  return records.map((record, i) => {
    if (i === 0 || i % 10 !== 0) return record;
    const field =
      ['text', 'sharedNotes', 'title', 'problem', 'howItIsGoing'].find((f) => f in record) ?? 'text';
    const stamp = stampAt(200_000 + i, NODE_B);
    return {
      ...record,
      [field]: `${String((record as Record<string, unknown>)[field] ?? '')} — edited by the partner`,
      stamps: { ...record.stamps, [field]: stamp },
      bases: { ...record.bases, [field]: record.stamps[field] ?? stamp },
    } as AnyRecord;
  });
}

/** This device's copy: every twentieth record also edited here, in another field. */
function localCopy(records: AnyRecord[]): AnyRecord[] {
  return records.map((record, i) => {
    if (i === 0 || i % 20 !== 0) return record;
    const stamp = stampAt(150_000 + i, NODE_A);
    return {
      ...record,
      visibility: 'committee',
      stamps: { ...record.stamps, visibility: stamp },
    } as AnyRecord;
  });
}

async function freshDevice(records: AnyRecord[]): Promise<MentoringDb> {
  const db = new MentoringDb(`measure-${crypto.randomUUID()}`);
  db.wallClock = () => Date.UTC(2028, 0, 1);
  await db.open();
  const byTable = new Map<string, AnyRecord[]>();
  for (const r of records) {
    const table = KIND_INFO[r.kind].table;
    byTable.set(table, [...(byTable.get(table) ?? []), r]);
  }
  for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
  await new DeviceRepository(db).setMembership(records[0]!.id, { role: 'mentee' });
  return db;
}

async function rawBulkPut(records: AnyRecord[]): Promise<number> {
  const db = new Dexie(`bulkput-${crypto.randomUUID()}`);
  db.version(1).stores(recordStores());
  await db.open();
  const byTable = new Map<string, AnyRecord[]>();
  for (const r of records) {
    const table = KIND_INFO[r.kind].table;
    byTable.set(table, [...(byTable.get(table) ?? []), r]);
  }
  const start = performance.now();
  for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
  const ms = performance.now() - start;
  db.close();
  await db.delete();
  return ms;
}

export async function main(args: string[]) {
  console.log(JSON.stringify(await measureImport(Number(args[0] ?? 10_000), Number(args[1] ?? 5))));
}

/** The medians of `runs` imports of a journal of `count` records, with the steps' own measures. */
export async function measureImport(count: number, runs: number): Promise<Record<string, unknown>> {
  const journal = realisticJournal(count);
  const theirs = partnerCopy(journal);
  const mine = localCopy(journal);
  const options = {
    kind: 'pair' as const,
    appVersion: 'measure',
    exportedAt: '2027-01-01T00:00:00.000Z',
    journalIds: [journal[0]!.id],
    payload: pairPayload(theirs, 'mentor'),
  };
  // The file as this version writes it (payload last, canonical); an older version wrote JSON.stringify.
  const write = (envelope as { writeFile?: typeof envelope.writeFile }).writeFile;
  const text = write ? (await write(options)).text : JSON.stringify(await envelope.buildFile(options));
  const bytes = new TextEncoder().encode(text);
  performance.clearMeasures?.();
  const figures: Record<string, number[]> = {
    preview: [],
    apply: [],
    bulkPut: [],
    checksum: [],
    checksumAsWritten: [],
    parse: [],
    parseWithReviver: [],
  };
  for (let run = 0; run < runs; run++) {
    const db = await freshDevice(mine);
    let start = performance.now();
    const preview = await previewImport(bytes, { db });
    figures.preview!.push(performance.now() - start);
    start = performance.now();
    const result = await applyImportFile(preview, { db });
    figures.apply!.push(performance.now() - start);
    if (run === 0) figures.puts = [result.plan.puts.length];
    db.close();
    await db.delete();
    figures.bulkPut!.push(await rawBulkPut(theirs));
    start = performance.now();
    const parsed = parseJson(text) as { payload: unknown };
    figures.parse!.push(performance.now() - start);
    start = performance.now();
    await envelope.payloadChecksum(parsed.payload);
    figures.checksum!.push(performance.now() - start);
    // The parse as it was: every key through a reviver.
    start = performance.now();
    JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
    figures.parseWithReviver!.push(performance.now() - start);
    // The checksum over the payload as written (this version's files): its bytes hashed, no second copy.
    const where = (envelope as { payloadText?: typeof envelope.payloadText }).payloadText?.(text);
    if (where) {
      start = performance.now();
      const offset = new TextEncoder().encode(text.slice(0, where.start)).byteLength;
      const tail = new TextEncoder().encode(text.slice(where.end)).byteLength;
      await crypto.subtle.digest('SHA-256', bytes.subarray(offset, bytes.byteLength - tail));
      figures.checksumAsWritten!.push(performance.now() - start);
    }
  }
  const steps = new Map<string, number[]>();
  for (const entry of performance.getEntriesByType('measure')) {
    if (!entry.name.startsWith('mj:')) continue;
    steps.set(entry.name, [...(steps.get(entry.name) ?? []), entry.duration]);
  }
  const m = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)]));
  return {
    records: count,
    fileMB: Math.round((text.length / 2 ** 20) * 10) / 10,
    ...m,
    previewPerBulkPut: Math.round((m.preview! / m.bulkPut!) * 100) / 100,
    applyPerBulkPut: Math.round((m.apply! / m.bulkPut!) * 100) / 100,
    // On a busy machine the fastest run says more of the code than the median does.
    fastest: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(Math.min(...v))])),
    steps: Object.fromEntries([...steps].map(([name, v]) => [name, median(v)])),
  };
}

/** Opening the file and reading the device one after the other, and overlapped (as the preview does). */
export async function measureOverlap(count: number, runs: number): Promise<Record<string, number>> {
  const { openFile } = await import('../../src/sync/openFile');
  const { readForImport } = await import('../../src/db/importTransaction');
  const journal = realisticJournal(count);
  const { text } = await envelope.writeFile({
    kind: 'pair',
    appVersion: 'measure',
    exportedAt: '2027-01-01T00:00:00.000Z',
    journalIds: [journal[0]!.id],
    payload: pairPayload(partnerCopy(journal), 'mentor'),
  });
  const bytes = new TextEncoder().encode(text);
  const db = await freshDevice(localCopy(journal));
  const times: Record<string, number[]> = { sequential: [], overlapped: [] };
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const file = await openFile(bytes);
    await readForImport(db, file.journalIds);
    times.sequential!.push(performance.now() - start);
    start = performance.now();
    let reading: Promise<unknown> | undefined;
    await openFile(bytes, undefined, {
      journalIds: (ids) => {
        reading = readForImport(db, ids);
      },
    });
    await reading;
    times.overlapped!.push(performance.now() - start);
  }
  db.close();
  await db.delete();
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** Reading a journal's records: by the journalId index, or each table whole. */
export async function measureRead(count: number, runs: number): Promise<Record<string, number>> {
  const journal = localCopy(realisticJournal(count));
  const db = await freshDevice(journal);
  const id = journal[0]!.id;
  const times: Record<string, number[]> = { byIndex: [], wholeTables: [], keysOnly: [] };
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    await db.transaction('r', db.recordTables(), () =>
      Promise.all(db.recordTables().map((t) => t.where('journalId').equals(id).toArray())),
    );
    times.byIndex!.push(performance.now() - start);
    start = performance.now();
    await db.transaction('r', db.recordTables(), () =>
      Promise.all(db.recordTables().map((t) => t.toArray())),
    );
    times.wholeTables!.push(performance.now() - start);
    start = performance.now();
    await db.transaction('r', db.recordTables(), () =>
      Promise.all(db.recordTables().map((t) => t.toCollection().primaryKeys())),
    );
    times.keysOnly!.push(performance.now() - start);
  }
  db.close();
  await db.delete();
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}
