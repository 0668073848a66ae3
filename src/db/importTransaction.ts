/**
 * The database side of file sync: the one transaction that applies an import (with the snapshot
 * that "Undo last import" restores), the undo itself, the conflicts waiting for a choice, and the
 * reads an export needs. The merge itself is pure (src/sync/merge.ts) and is passed in, so the
 * transaction re-plans against exactly what it reads.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Role } from '../model/constants';
import { MAX_DRIFT_MS, parseStamp } from '../model/hlc';
import type { KindName } from '../model/kind';
import type { AnyRecord } from '../model/kinds';
import { KIND_INFO } from '../model/tables';
import type { MentoringDb } from './database';
import { DeviceRepository, type Membership } from './device';
import { StorageError, toStorageError } from './errors';
import { repo } from './index';

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

/** The journal(s) as they were before the last import: "Undo last import" puts them back. */
export interface Snapshot {
  id: 'last';
  at: string;
  journalIds: string[];
  records: AnyRecord[];
  conflicts: ConflictRow[];
  memberships: (Membership | null)[];
  currentJournalId: string | null;
  /** The device's clock state and node id as stored before the import (undefined: none yet). */
  clock?: unknown;
  nodeId?: unknown;
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
}

export interface ApplyResult<P extends ImportWrites> {
  plan: P;
  /** Rows actually written and removed, for the preview-equals-apply check. */
  written: number;
  removed: number;
  /** Set when the file's clock was more than a day ahead of this device's. */
  aheadByMs?: number;
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
 * table): an import must never move or overwrite them. Reads keys only.
 */
export async function foreignRecordIds(
  db: MentoringDb,
  journalIds: readonly string[],
  local: readonly AnyRecord[],
  ids: readonly string[],
): Promise<Set<string>> {
  const mine = new Set(local.map((r) => r.id));
  const unknown = ids.filter((id) => !mine.has(id));
  const foreign = new Set<string>();
  if (unknown.length === 0) return foreign;
  const wanted = new Set(unknown);
  const journals = new Set(journalIds);
  for (const table of db.recordTables()) {
    const keys = (await table.toCollection().primaryKeys()) as string[];
    for (const key of keys) if (wanted.has(key)) foreign.add(key);
  }
  // A key found here but not among the file's journals' records belongs to another journal.
  for (const id of foreign) if (mine.has(id) || journals.has(id)) foreign.delete(id);
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

/** The journals on this device, with my role in each. */
export async function deviceMemberships(db: MentoringDb): Promise<Membership[]> {
  return new DeviceRepository(db).memberships();
}

/**
 * Applies an import in ONE transaction: reads the journal(s), plans the merge, keeps a snapshot
 * of what was there, writes the records, removals and conflicts, and records my role and the
 * import date. Any failure rolls everything back and is reported as a StorageError.
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
      const local = await readJournalRecords(db, journalIds);
      const foreign = await foreignRecordIds(db, journalIds, local, options.incomingIds ?? []);
      const plan = options.plan(local, foreign);
      const inJournals = new Set(journalIds);
      const strays = plan.puts.filter((r) => !inJournals.has(r.journalId));
      if (strays.length) {
        throw new StorageError(
          'This import would change records of another journal, so it was stopped. Nothing was imported.',
        );
      }
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
      await snapshotTable(db).put({
        id: 'last',
        at: now,
        journalIds,
        records: local,
        conflicts: await conflictTable(db).where('journalId').anyOf(journalIds).toArray(),
        memberships: memberships.map((m) => m ?? null),
        currentJournalId: (await deviceRepo.currentJournalId()) ?? null,
        clock: await deviceRepo.storedClock(),
        nodeId: await deviceRepo.storedNodeId(),
      });
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
      const result: ApplyResult<P> = { plan, written: plan.puts.length, removed: plan.removes.length };
      if (options.maxStamp) {
        const received = await deviceRepo.receiveStamp(options.maxStamp);
        if (received.aheadByMs) result.aheadByMs = received.aheadByMs;
      }
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
 * Puts the journal(s) back exactly as they were before the last import — records, conflicts, my
 * role and the current journal — in one transaction. Changes made since that import are undone too.
 */
export async function undoLastImport(db: MentoringDb): Promise<string[]> {
  const deviceRepo = new DeviceRepository(db);
  const tables = [...db.recordTables(), db.local, conflictTable(db), snapshotTable(db)];
  try {
    return await db.transaction('rw', tables, async () => {
      const snapshot = await snapshotTable(db).get('last');
      if (!snapshot) throw new StorageError('There is no import to undo.');
      const ids = snapshot.journalIds;
      for (const table of db.recordTables()) await table.where('journalId').anyOf(ids).delete();
      for (const [table, records] of byTable(snapshot.records)) await db.table(table).bulkPut(records);
      await conflictTable(db).where('journalId').anyOf(ids).delete();
      await conflictTable(db).bulkPut(snapshot.conflicts);
      for (const [index, journalId] of ids.entries()) {
        const membership = snapshot.memberships[index];
        if (membership) await db.local.put({ key: `membership:${journalId}`, value: membership });
        else await deviceRepo.removeMembership(journalId);
      }
      await deviceRepo.setCurrentJournalId(snapshot.currentJournalId ?? undefined);
      if ('clock' in snapshot || 'nodeId' in snapshot)
        await deviceRepo.restoreClock(snapshot.clock, snapshot.nodeId);
      await snapshotTable(db).delete('last');
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
