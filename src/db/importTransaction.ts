/**
 * The database side of file sync: the read a preview plans from, the one transaction that applies
 * an import (with the snapshot that "Undo last import" restores), the undo itself, the conflicts
 * waiting for a choice, and the reads an export needs. The merge itself is pure
 * (src/sync/merge.ts) and is passed in: the transaction uses the preview's plan when nothing on
 * the device changed since it was read, and otherwise plans again against exactly what it reads.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Role } from '../model/constants';
import { recordTitle } from '../model/describe';
import { MAX_DRIFT_MS, parseStamp } from '../model/hlc';
import { sameJson } from '../model/json';
import type { KindName } from '../model/kind';
import type { AnyRecord } from '../model/kinds';
import { MAX_FILE_RECORDS } from '../model/limits';
import type { DeviceRevs } from '../model/rev';
import { KIND_INFO } from '../model/tables';
import { forgetCount } from './capacity';
import { type BackedUpCohort, cohortRowsToRestore } from './cohorts';
import type { MentoringDb } from './database';
import { DeviceRepository, type Membership } from './device';
import { StorageError, toStorageError } from './errors';
import { repo } from './index';
import { dexieReader } from './liveReadModels';
import { IMPORT_CHANGES_KEY, readChangeMarker } from './readModels';
import { REVS_TABLE, type RevRow, readRevs } from './revs';

/** A long text both people changed at once; the text not kept waits here for a choice. */
export interface ConflictRow {
  /** `${recordId}:${field}` — one open conflict per field. */
  id: string;
  journalId: string;
  recordId: string;
  kind: KindName;
  field: string;
  /** The text this device had before the import. */
  local: string;
  /** The text the file brought. */
  remote: string;
  /** Which one the record holds now. */
  kept: 'local' | 'remote';
  /** When the import found it (ISO). */
  at: string;
}

/** What an import writes; `planImport` in src/sync/merge.ts makes it. */
export interface ImportWrites {
  puts: AnyRecord[];
  removes: { id: string; kind: KindName }[];
  conflicts: Omit<ConflictRow, 'id' | 'at'>[];
}

/** What the last import changed, as it was before: "Undo last import" puts it back. */
export interface Snapshot {
  id: 'last';
  at: string;
  journalIds: string[];
  /**
   * 'changed': `records` holds only the records the import changed or removed, as they were, and
   * `written` every record it wrote. Absent (a snapshot taken before this version): `records` holds
   * the whole journal(s).
   */
  scope?: 'changed';
  records: AnyRecord[];
  /** Every record the import wrote (new, changed or deleted): undo takes them out again. */
  written?: { id: string; kind: KindName }[];
  conflicts: ConflictRow[];
  memberships: (Membership | null)[];
  currentJournalId: string | null;
  /** The device's clock state and node id as stored before the import (undefined: none yet). */
  clock?: unknown;
  nodeId?: unknown;
  /** The clock state as the import left it: if it is still so at undo, nothing was stamped since. */
  clockAfter?: unknown;
  /** Device-only rows the import wrote (a backup's kept cohorts), as they were before: no value, none. */
  localRows?: { key: string; value?: unknown }[];
}

/** What a preview planned from: the records it read, in one transaction with the device's change marker. */
export interface ImportBasis {
  /** The device's change marker when these were read (see `changeMarker`). */
  marker: string;
  /**
   * The records of the file's journals on this device that the plan needs: every one, or (after
   * `readForPreview`) those the file brings in a revision this device does not have, those it
   * withdraws, and the journals' own records.
   */
  local: AnyRecord[];
  /** The id of every record of the file's journals on this device. */
  localIds: ReadonlySet<string>;
  /** Those of the file's journals that have records on this device. */
  journalsWithRecords: ReadonlySet<string>;
  /** The id of every record on this device, in every journal (keys only). */
  deviceIds: Pick<ReadonlySet<string>, 'has'>;
  /** How many records this device holds, in all its journals. */
  deviceRecords: number;
  /** The journals on this device, with my role in each. */
  memberships: Membership[];
}

/**
 * The first half of a preview's read, started while the person picks a file: the change marker, the
 * table of every record on the device (keys only), every record's revision row, and my
 * memberships — no record itself.
 */
export interface ImportSketch {
  marker: string;
  /** Every record id on this device, with its table. */
  tableOf: ReadonlyMap<string, string>;
  /** Every record's revision row (`revs`). */
  rows: readonly RevRow[];
  /** The revision of every record on this device, by id: what the file opener is told. */
  revs: DeviceRevs;
  deviceRecords: number;
  memberships: Membership[];
}

export interface ApplyOptions<P extends ImportWrites> {
  journalIds: string[];
  /**
   * Plans the writes from the records the transaction reads (pure, synchronous). `foreignIds` are
   * those of `incomingIds` that already belong to another journal on this device.
   */
  plan: (local: AnyRecord[], foreignIds: ReadonlySet<string>) => P;
  /** Ids of the records the import brings (checked against the other journals on this device). */
  incomingIds?: readonly string[];
  /** My role in journals new on this device (from my answer, or a backup's memberships). */
  roles?: Partial<Record<string, Role>>;
  /** The journal to make current after the import. */
  makeCurrent?: string;
  /** The latest stamp in the file: the clock receives it, in the same transaction as the records. */
  maxStamp?: string;
  /**
   * The person agreed that this device's clock may jump with a file dated far ahead of it (more
   * than a day). Without it such an import is refused and nothing is written.
   */
  acceptClockAhead?: boolean;
  /** A restored backup: this device takes a new node id. */
  resetNodeId?: boolean;
  /** A backup's kept cohorts: restored unless this device keeps a newer state of one. */
  cohorts?: readonly BackedUpCohort[];
  /**
   * The preview's read and plan. Used as they are when the change marker shows that nothing on
   * this device changed since they were read; otherwise the transaction plans again.
   */
  basis?: ImportBasis & { plan: P };
  /**
   * Only the preview's plan will do (the file was opened without the records this device had as
   * they were, so `plan` cannot plan again): if something changed since, `StaleBasisError` is thrown
   * and nothing is written.
   */
  onlyBasis?: boolean;
}

/** The device changed since a preview that left out records it had: the file must be opened whole again. */
export class StaleBasisError extends StorageError {
  constructor() {
    super('This device changed since the file was opened. Open the file again to import it.');
    this.name = 'StaleBasisError';
  }
}

export interface ApplyResult<P extends ImportWrites> {
  plan: P;
  /** Rows actually written and removed, for the preview-equals-apply check. */
  written: number;
  removed: number;
  /** Set when the file's clock was more than a day ahead of this device's. */
  aheadByMs?: number;
  /** Whether the transaction planned again (something changed since the preview) or used the preview's plan. */
  replanned: boolean;
}

const conflictTable = (db: MentoringDb) => db.table<ConflictRow, string>('conflicts');
const snapshotTable = (db: MentoringDb) => db.table<Snapshot, string>('snapshots');

function byTable<T extends { kind: KindName }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const table = KIND_INFO[record.kind].table;
    let list = groups.get(table);
    if (!list) {
      list = [];
      groups.set(table, list);
    }
    list.push(record);
  }
  return groups;
}

/**
 * Of some record ids, those that are on this device in a journal other than `journalIds` (any
 * table): an import must never move or overwrite them. Worked out from the ids the read found.
 */
export function foreignRecordIds(
  basis: Pick<ImportBasis, 'localIds' | 'deviceIds'>,
  journalIds: readonly string[],
  ids: readonly string[],
): Set<string> {
  const mine = basis.localIds;
  const journals = new Set(journalIds);
  const foreign = new Set<string>();
  // A key found here but not among the file's journals' records belongs to another journal.
  for (const id of ids) if (basis.deviceIds.has(id) && !mine.has(id) && !journals.has(id)) foreign.add(id);
  return foreign;
}

/** Thrown when a file's clock is far ahead and the person has not agreed to move this device's clock. */
export class ClockAheadError extends StorageError {
  constructor(readonly until: string) {
    super(
      `This file’s latest change is dated ${until.slice(0, 10)}, far ahead of this device’s clock. Importing it would date every later edit on this device after that day. Nothing was imported.`,
    );
    this.name = 'ClockAheadError';
  }
}

/** Every record (tombstones included) of some journals, from every table. */
export async function readJournalRecords(
  db: MentoringDb,
  journalIds: readonly string[],
): Promise<AnyRecord[]> {
  if (journalIds.length === 0) return [];
  // One equals() per journal: anyOf() walks a cursor one key at a time (about 4× slower at 10k).
  const lists = await Promise.all(
    db
      .recordTables()
      .flatMap((table) =>
        journalIds.map((journalId) => table.where('journalId').equals(journalId).toArray()),
      ),
  );
  return lists.flat();
}

/** Counts each import and undo, so that the change marker moves with them. */
const CHANGES_KEY = IMPORT_CHANGES_KEY;

/** The device's change marker (readModels.ts), read inside the transaction that reads the records. */
const changeMarker = (db: MentoringDb): Promise<string> => readChangeMarker(dexieReader(db));

async function countChange(db: MentoringDb): Promise<void> {
  const row = await db.local.get(CHANGES_KEY);
  await db.local.put({ key: CHANGES_KEY, value: (typeof row?.value === 'number' ? row.value : 0) + 1 });
}

/**
 * What an import plans from, read in one transaction: the file's journals' records here, the ids
 * of every record on the device (to keep other journals' records out, and to count them), my
 * memberships, and the change marker that tells the apply whether this is still what the device
 * holds.
 */
export async function readForImport(db: MentoringDb, journalIds: readonly string[]): Promise<ImportBasis> {
  return db.transaction('r', [...db.recordTables(), db.local], () => readBasis(db, journalIds));
}

/** The reads of `readForImport`, inside the caller's transaction. */
async function readBasis(db: MentoringDb, journalIds: readonly string[]): Promise<ImportBasis> {
  const [marker, local, keys, memberships] = await Promise.all([
    changeMarker(db),
    readJournalRecords(db, journalIds),
    Promise.all(db.recordTables().map((table) => table.toCollection().primaryKeys())),
    deviceMemberships(db),
  ]);
  const deviceIds = new Set<string>();
  let deviceRecords = 0;
  for (const list of keys) {
    deviceRecords += list.length;
    for (const key of list) deviceIds.add(key as string);
  }
  return {
    marker,
    local,
    localIds: new Set(local.map((r) => r.id)),
    journalsWithRecords: new Set(local.map((r) => r.journalId)),
    deviceIds,
    deviceRecords,
    memberships,
  };
}

/** The device's change marker, read on its own: is a sketch read earlier still what the device holds? */
export function readImportMarker(db: MentoringDb): Promise<string> {
  return db.transaction('r', db.local, () => changeMarker(db));
}

/**
 * A preview's first read (see `ImportSketch`): keys and revision rows only, a fraction of what
 * reading the records would take, while the file is being opened.
 */
export async function readImportSketch(db: MentoringDb): Promise<ImportSketch> {
  return db.transaction('r', [...db.recordTables(), db.local, db.table(REVS_TABLE)], async () => {
    const [marker, keys, rows, memberships] = await Promise.all([
      changeMarker(db),
      Promise.all(db.recordTables().map((table) => table.toCollection().primaryKeys())),
      readRevs(db),
      deviceMemberships(db),
    ]);
    const tableOf = new Map<string, string>();
    let deviceRecords = 0;
    for (const [index, table] of db.recordTables().entries()) {
      deviceRecords += keys[index]!.length;
      for (const key of keys[index]!) tableOf.set(key as string, table.name);
    }
    const revs = new Map<string, string>();
    for (const row of rows) revs.set(row.id, row.rev);
    return { marker, tableOf, rows, revs, deviceRecords, memberships };
  });
}

/**
 * A preview's second read, once the file is open: in one transaction with the change marker, the
 * records the plan needs (see `ImportBasis.local`) — those of the file's records this device has
 * (the file carries only records whose revision differs), those it withdraws, and the journals'
 * own records. If the device changed since the sketch, reads as `readForImport` does instead;
 * `undefined` when the file left out records as they were then (it must be opened again whole).
 */
export async function readForPreview(
  db: MentoringDb,
  sketch: ImportSketch,
  file: {
    journalIds: readonly string[];
    recordIds: readonly string[];
    withdrawnIds: readonly string[];
    leftOutSame: boolean;
  },
): Promise<ImportBasis | undefined> {
  const { journalIds } = file;
  const { tableOf } = sketch;
  return db.transaction('r', [...db.recordTables(), db.local], async () => {
    if ((await changeMarker(db)) !== sketch.marker) {
      return file.leftOutSame ? undefined : readBasis(db, journalIds);
    }
    const wanted = new Map<string, string[]>();
    const want = (id: string) => {
      const table = tableOf.get(id);
      if (!table) return;
      let ids = wanted.get(table);
      if (!ids) {
        ids = [];
        wanted.set(table, ids);
      }
      ids.push(id);
    };
    for (const id of file.recordIds) want(id);
    for (const id of file.withdrawnIds) want(id);
    for (const id of journalIds) want(id);
    const found = await Promise.all(
      [...wanted].map(([table, ids]) => db.table<AnyRecord, string>(table).bulkGet(ids)),
    );
    const journals = new Set(journalIds);
    const local = found.flat().filter((r): r is AnyRecord => r !== undefined && journals.has(r.journalId));
    const localIds = new Set<string>();
    const journalsWithRecords = new Set<string>();
    for (const row of sketch.rows) {
      if (!journals.has(row.journalId)) continue;
      localIds.add(row.id);
      journalsWithRecords.add(row.journalId);
    }
    for (const record of local) {
      localIds.add(record.id);
      journalsWithRecords.add(record.journalId);
    }
    return {
      marker: sketch.marker,
      local,
      localIds,
      journalsWithRecords,
      deviceIds: tableOf,
      deviceRecords: sketch.deviceRecords,
      memberships: sketch.memberships,
    };
  });
}

/** The words for an import that would bring this device past what one file can carry. */
export function tooManyForDevice(after: number): string {
  return `Importing this file would bring this device to ${after.toLocaleString('en')} records, more than one backup or pair file can carry (${MAX_FILE_RECORDS.toLocaleString('en')}). Nothing was imported. To make room, back up and remove from this device a journal you no longer need.`;
}

/** How many records the device will hold after a plan: refused when more than one file can carry. */
export function recordsAfter(
  basis: Pick<ImportBasis, 'localIds' | 'deviceRecords'>,
  plan: Pick<ImportWrites, 'puts' | 'removes'>,
): number {
  const here = basis.localIds;
  const added = plan.puts.reduce((n, r) => n + (here.has(r.id) ? 0 : 1), 0);
  return basis.deviceRecords + added - plan.removes.length;
}

/** The journals on this device, with my role in each. */
export async function deviceMemberships(db: MentoringDb): Promise<Membership[]> {
  return new DeviceRepository(db).memberships();
}

/**
 * Applies an import in ONE transaction: checks that nothing changed since the preview (or reads
 * the journal(s) and plans again), writes the records, removals and conflicts, records my role and
 * the import date, and keeps a snapshot of what it changed, as it was. Any failure rolls
 * everything back and is reported as a StorageError.
 */
export async function applyImport<P extends ImportWrites>(
  db: MentoringDb,
  options: ApplyOptions<P>,
): Promise<ApplyResult<P>> {
  const deviceRepo = new DeviceRepository(db);
  const tables = [...db.recordTables(), db.local, conflictTable(db), snapshotTable(db)];
  try {
    return await db.transaction('rw', tables, async () => {
      const { journalIds } = options;
      const marker = await changeMarker(db);
      const { basis } = options;
      const replanned = basis?.marker !== marker;
      if (replanned && options.onlyBasis) throw new StaleBasisError();
      let read: ImportBasis;
      let plan: P;
      if (basis && !replanned) {
        read = basis;
        plan = basis.plan;
      } else {
        read = await readBasis(db, journalIds);
        plan = options.plan(read.local, foreignRecordIds(read, journalIds, options.incomingIds ?? []));
      }
      const { local } = read;
      const inJournals = new Set(journalIds);
      const strays = plan.puts.filter((r) => !inJournals.has(r.journalId));
      if (strays.length) {
        throw new StorageError(
          'This import would change records of another journal, so it was stopped. Nothing was imported.',
        );
      }
      const after = recordsAfter(read, plan);
      if (after > MAX_FILE_RECORDS) throw new StorageError(tooManyForDevice(after));
      const wall = db.wallClock();
      if (
        options.maxStamp &&
        !options.acceptClockAhead &&
        parseStamp(options.maxStamp).millis - wall > MAX_DRIFT_MS
      ) {
        throw new ClockAheadError(options.maxStamp);
      }
      const now = new Date(wall).toISOString();
      const memberships = await Promise.all(journalIds.map((id) => deviceRepo.membership(id)));
      // The snapshot: what the import is about to change, as it is now — not the whole journal.
      const before = new Map(local.map((r) => [r.id, r]));
      const changed: AnyRecord[] = [];
      for (const { id } of [...plan.puts, ...plan.removes]) {
        const prior = before.get(id);
        if (prior) changed.push(prior);
      }
      const snapshot: Snapshot = {
        id: 'last',
        at: now,
        journalIds,
        scope: 'changed',
        records: changed,
        written: plan.puts.map(({ id, kind }) => ({ id, kind })),
        conflicts: (
          await Promise.all(journalIds.map((id) => conflictTable(db).where('journalId').equals(id).toArray()))
        ).flat(),
        memberships: memberships.map((m) => m ?? null),
        currentJournalId: (await deviceRepo.currentJournalId()) ?? null,
        clock: await deviceRepo.storedClock(),
        nodeId: await deviceRepo.storedNodeId(),
      };
      const cohortRows = await cohortRowsToRestore(db, options.cohorts ?? []);
      if (cohortRows.length) {
        const prior = await db.local.bulkGet(cohortRows.map((row) => row.key));
        snapshot.localRows = cohortRows.map(({ key }, i) =>
          prior[i] ? { key, value: prior[i]!.value } : { key },
        );
        await db.local.bulkPut(cohortRows);
      }
      for (const [table, records] of byTable(plan.puts)) await db.table(table).bulkPut(records);
      for (const [table, removes] of byTable(plan.removes)) {
        await db.table(table).bulkDelete(removes.map((r) => r.id));
      }
      if (plan.conflicts.length) {
        await conflictTable(db).bulkPut(
          plan.conflicts.map((c) => ({ ...c, id: `${c.recordId}:${c.field}`, at: now })),
        );
      }
      for (const [index, journalId] of journalIds.entries()) {
        const role = memberships[index]?.role ?? options.roles?.[journalId];
        if (!role) throw new StorageError('Choose your role in this journal before importing it.');
        await deviceRepo.setMembership(journalId, { role, lastImportAt: now });
      }
      if (options.makeCurrent) await deviceRepo.setCurrentJournalId(options.makeCurrent);
      // The clock moves with the records, in this transaction: if anything fails, neither moves.
      if (options.resetNodeId) await deviceRepo.resetNodeId();
      const result: ApplyResult<P> = {
        plan,
        written: plan.puts.length,
        removed: plan.removes.length,
        replanned,
      };
      if (options.maxStamp) {
        const received = await deviceRepo.receiveStamp(options.maxStamp);
        if (received.aheadByMs) result.aheadByMs = received.aheadByMs;
      }
      snapshot.clockAfter = await deviceRepo.storedClock();
      await snapshotTable(db).put(snapshot);
      await countChange(db);
      forgetCount(db);
      return result;
    });
  } catch (error) {
    const failure = toStorageError(error);
    if (failure instanceof StorageError && !(error instanceof StorageError)) {
      throw new StorageError(
        `The import stopped before it finished, so nothing was changed: the journal is as it was. (${failure.message})`,
        error,
      );
    }
    throw failure;
  }
}

/** When the last import happened and which journals it touched, if it can be undone. */
export async function lastImport(db: MentoringDb): Promise<{ at: string; journalIds: string[] } | undefined> {
  const snapshot = await snapshotTable(db).get('last');
  return snapshot ? { at: snapshot.at, journalIds: snapshot.journalIds } : undefined;
}

/**
 * Puts back exactly what the last import changed, as it was before — the records it added, changed
 * or removed (a journal it brought onto this device is taken off again, whole), the conflicts, my
 * role, the current journal, the clock and the node id — in one transaction. Later edits of those
 * records are undone too; records the import did not touch are left as they are. If edits were
 * stamped since the import, the clock is not moved back behind them (their order must hold).
 */
export async function undoLastImport(db: MentoringDb): Promise<string[]> {
  const deviceRepo = new DeviceRepository(db);
  const tables = [...db.recordTables(), db.local, conflictTable(db), snapshotTable(db)];
  try {
    return await db.transaction('rw', tables, async () => {
      const snapshot = await snapshotTable(db).get('last');
      if (!snapshot) throw new StorageError('There is no import to undo.');
      const ids = snapshot.journalIds;
      const wholeJournal = (index: number) => snapshot.scope !== 'changed' || !snapshot.memberships[index];
      // A journal the import brought here goes whole; a snapshot from before this version held whole journals.
      for (const [index, journalId] of ids.entries()) {
        if (!wholeJournal(index)) continue;
        for (const table of db.recordTables()) await table.where('journalId').equals(journalId).delete();
      }
      for (const [table, written] of byTable(snapshot.written ?? [])) {
        await db.table(table).bulkDelete(written.map((r) => r.id));
      }
      for (const [table, records] of byTable(snapshot.records)) await db.table(table).bulkPut(records);
      for (const journalId of ids) await conflictTable(db).where('journalId').equals(journalId).delete();
      await conflictTable(db).bulkPut(snapshot.conflicts);
      for (const [index, journalId] of ids.entries()) {
        const membership = snapshot.memberships[index];
        if (membership) await db.local.put({ key: `membership:${journalId}`, value: membership });
        else await deviceRepo.removeMembership(journalId);
      }
      await deviceRepo.setCurrentJournalId(snapshot.currentJournalId ?? undefined);
      for (const row of snapshot.localRows ?? []) {
        if ('value' in row) await db.local.put({ key: row.key, value: row.value });
        else await db.local.delete(row.key);
      }
      if ('clock' in snapshot || 'nodeId' in snapshot) {
        const stampedSince =
          'clockAfter' in snapshot && !sameJson(await deviceRepo.storedClock(), snapshot.clockAfter);
        await deviceRepo.restoreClock(
          stampedSince ? await deviceRepo.storedClock() : snapshot.clock,
          snapshot.nodeId,
        );
      }
      await snapshotTable(db).delete('last');
      await countChange(db);
      forgetCount(db);
      return ids;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Conflicts waiting for a choice in one journal, oldest first. */
export async function listConflicts(db: MentoringDb, journalId: string): Promise<ConflictRow[]> {
  const rows = await conflictTable(db).where('journalId').equals(journalId).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The line set between the two texts when both are kept. */
export const BOTH_SEPARATOR = '\n\n———— both versions kept; the other version follows ————\n\n';

/**
 * Resolves a conflict: keep mine, keep theirs, or keep both (mine, a separator line, theirs). The
 * choice is an ordinary edit (new stamp, so it syncs), then the conflict is closed.
 */
export async function resolveConflict(
  db: MentoringDb,
  conflictId: string,
  choice: 'local' | 'remote' | 'both',
): Promise<void> {
  const conflict = await conflictTable(db).get(conflictId);
  if (!conflict) return;
  const text =
    choice === 'local'
      ? conflict.local
      : choice === 'remote'
        ? conflict.remote
        : `${conflict.local}${BOTH_SEPARATOR}${conflict.remote}`;
  const record = await repo(conflict.kind, db).get(conflict.recordId);
  if (record && !record.deleted) {
    await repo(conflict.kind, db).update(conflict.recordId, { [conflict.field]: text } as never, {
      resolvesConflict: true,
    });
  }
  await conflictTable(db).delete(conflictId);
}

/** Conflicts of a journal as a live query (the Share screen lists them). */
export function liveConflicts(db: MentoringDb, journalId: string): Observable<ConflictRow[]> {
  return liveQuery(() => listConflicts(db, journalId));
}

/** The last import that can be undone, as a live query. */
export function liveLastImport(db: MentoringDb): Observable<{ at: string; journalIds: string[] } | null> {
  return liveQuery(async () => (await lastImport(db)) ?? null);
}

/** A conflict waiting for a choice, with the title of its record as this device holds it. */
export interface WaitingChoice extends ConflictRow {
  /** The record's title ("Present to the board"), or undefined when it has none. */
  title: string | undefined;
}

/**
 * The conflicts of a journal waiting for a choice, each with its record's title, as a live query
 * (Home, the Share screen and the record's own screen show them). With `recordId`, that record's only.
 */
export function liveWaitingChoices(
  db: MentoringDb,
  journalId: string,
  recordId?: string,
): Observable<WaitingChoice[]> {
  return liveQuery(async () => {
    const rows = (await listConflicts(db, journalId)).filter((r) => !recordId || r.recordId === recordId);
    return Promise.all(
      rows.map(async (row) => {
        const record = await repo(row.kind, db).get(row.recordId);
        return { ...row, title: record ? recordTitle(record as Record<string, unknown>) : undefined };
      }),
    );
  });
}
