/**
 * The records search indexes, and their changes as they happen: the read model behind the search
 * index (src/ui/search). A search index is built once from every record and then kept current
 * record by record, so this reads each table once and afterwards only the records that changed.
 */
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { RecordFor } from '../model/kinds';
import type { KindName } from '../model/registry';
import { KIND_INFO } from '../model/tables';
import { getDb, type MentoringDb } from './database';

/**
 * Records of one kind to index: the live (not deleted) records given, and ids to forget (deleted,
 * or gone). `complete`: these are all the kind's live records in the journal, so any other id of
 * that kind is gone too.
 */
export interface RecordChange<K extends KindName = KindName> {
  kind: K;
  records: RecordFor<K>[];
  removed: string[];
  complete: boolean;
}

/**
 * What follows the records: changes in order, and a failure to read them. A change may return a
 * promise: nothing more is read until it settles, so a big journal is not held in memory whole
 * while it is being indexed.
 */
export interface RecordListener {
  change(change: RecordChange): void | Promise<void>;
  error(error: unknown): void;
}

/** The keys of a mutated part, or undefined when it names a range (a bulk write or a deletion by range). */
function keysOf(tree: IntervalTree): string[] | undefined {
  const keys: string[] = [];
  const stack: IntervalTree[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return undefined;
    keys.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

/**
 * Reads every live record of `kinds` in a journal, one change per kind, then follows the writes to
 * those tables (in this tab or another, as Dexie reports them): each write gives a change with the
 * records it touched, read again. A write Dexie reports as a range (a bulk import, say) reads the
 * kind again whole. Changes reach the listener one at a time, in order; while the listener takes
 * one in, at most the next table is being read. Returns a function that stops.
 */
export function followRecords(
  journalId: string,
  kinds: readonly KindName[],
  listener: RecordListener,
  db: MentoringDb = getDb(),
): () => void {
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue
      .then(() => (stopped ? undefined : work()))
      .catch((error) => {
        if (!stopped) listener.error(error);
      });
  };
  const emit = async (change: RecordChange) => {
    if (!stopped) await listener.change(change);
  };
  const rowsOf = (kind: KindName) =>
    db
      .table<RecordFor<KindName>, string>(KIND_INFO[kind].table)
      .where('journalId')
      .equals(journalId)
      .toArray();
  const emitAll = (kind: KindName, rows: RecordFor<KindName>[]) =>
    emit({ kind, records: rows.filter((row) => !row.deleted), removed: [], complete: true });
  const readAll = (kind: KindName) => async () => emitAll(kind, await rowsOf(kind));
  // The first reading: each table is read while the one before is taken in (one ahead, no more).
  const readFirst = async () => {
    const ahead = (i: number) => {
      if (i >= kinds.length || stopped) return undefined;
      const rows = rowsOf(kinds[i]!);
      rows.catch(() => {}); // seen when awaited, below
      return rows;
    };
    let next = ahead(0);
    for (let i = 0; next; i++) {
      const rows = await next;
      next = ahead(i + 1);
      await emitAll(kinds[i]!, rows);
    }
  };
  const readSome = (kind: KindName, ids: string[]) => async () => {
    const rows = await db.table<RecordFor<KindName>, string>(KIND_INFO[kind].table).bulkGet(ids);
    const records: RecordFor<KindName>[] = [];
    const removed: string[] = [];
    rows.forEach((row, i) => {
      if (row && !row.deleted && row.journalId === journalId) records.push(row);
      else removed.push(ids[i]!);
    });
    await emit({ kind, records, removed, complete: false });
  };

  const parts = kinds.map((kind) => ({ kind, part: `idb://${db.name}/${KIND_INFO[kind].table}/` }));
  const onMutation = (mutated: ObservabilitySet) => {
    for (const { kind, part } of parts) {
      const tree = mutated[part];
      if (!tree) continue;
      const keys = keysOf(tree);
      if (!keys) enqueue(readAll(kind));
      else if (keys.length) enqueue(readSome(kind, keys));
    }
  };
  // Listen first, so that no write between the first reads and the listening goes unseen.
  Dexie.on('storagemutated', onMutation);
  enqueue(readFirst);
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutation);
  };
}

/** Records of one kind by id, as they are now (missing and deleted ones left out), for showing hits. */
export async function readRecords<K extends KindName>(
  kind: K,
  ids: readonly string[],
  db: MentoringDb = getDb(),
): Promise<RecordFor<K>[]> {
  if (ids.length === 0) return [];
  const rows = await db.table<RecordFor<K>, string>(KIND_INFO[kind].table).bulkGet([...ids]);
  return rows.filter((row): row is RecordFor<K> => !!row && !row.deleted);
}
