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
 * or gone). A kind read whole comes in parts of at most `READ_PART` records; its last part has
 * `complete`: the ids of every live record of that kind in the journal, so any other id is gone.
 */
export interface RecordChange<K extends KindName = KindName> {
  kind: K;
  records: RecordFor<K>[];
  removed: string[];
  complete?: ReadonlySet<string>;
}

/**
 * How many records a kind read whole is read at a time: what is held in memory besides the index
 * while a big journal is indexed (a whole table of notes at 50,000 records is some 60 MB).
 */
export const READ_PART = 500;

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
 * Reads every live record of `kinds` in a journal, kind by kind in parts of `READ_PART`, then
 * follows the writes to those tables (in this tab or another, as Dexie reports them): each write
 * gives a change with the records it touched, read again. A write Dexie reports as a range (a bulk
 * import, say) reads the kind again whole. Changes reach the listener one at a time, in order;
 * while the listener takes one in, at most the next part is being read. Returns a function that stops.
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
  const tableOf = (kind: KindName) => db.table<RecordFor<KindName>, string>(KIND_INFO[kind].table);
  /** Sorts rows read by id into the live records of the journal and the ids to forget. */
  const sort = (ids: readonly string[], rows: (RecordFor<KindName> | undefined)[]) => {
    const records: RecordFor<KindName>[] = [];
    const removed: string[] = [];
    rows.forEach((row, i) => {
      if (row && !row.deleted && row.journalId === journalId) records.push(row);
      else removed.push(ids[i]!);
    });
    return { records, removed };
  };
  /**
   * A kind read whole: its journal's ids from the index (keys only), then `READ_PART` records at a
   * time. A part is read by the range of primary keys its ids span (the index gives them sorted),
   * which IndexedDB reads at once — unless the table holds mostly other journals' records, which
   * would fill those ranges too: then each record is read by its key.
   */
  const partsOf = (kind: KindName) => {
    const table = tableOf(kind);
    const keys = Promise.all([table.where('journalId').equals(journalId).primaryKeys(), table.count()]);
    keys.catch(() => {}); // seen when awaited, below
    const read = async (some: string[], crowded: boolean) => {
      if (some.length === 0) return [];
      if (crowded) return table.bulkGet(some);
      const range = table.where(':id').between(some[0]!, some[some.length - 1]!, true, true);
      const byId = new Map((await range.toArray()).map((row) => [row.id, row]));
      return some.map((id) => byId.get(id));
    };
    return async (at: number) => {
      const [ids, total] = await keys;
      const some = ids.slice(at, at + READ_PART);
      const rows = await read(some, total > ids.length * 2);
      return { ...sort(some, rows), last: at + some.length >= ids.length };
    };
  };
  // Kinds read whole, part by part; the next part (of this kind or the next) is read while the
  // listener takes in this one.
  const readWhole = (list: readonly KindName[]) => async () => {
    // Each kind's ids are read while the kind before it is taken in.
    const readers: ReturnType<typeof partsOf>[] = [];
    const readerOf = (k: number) => {
      readers[k] ??= partsOf(list[k]!);
      if (k + 1 < list.length) readers[k + 1] ??= partsOf(list[k + 1]!);
      return readers[k]!;
    };
    const start = (k: number, at: number) => {
      if (stopped || k >= list.length) return undefined;
      const part = readerOf(k)(at);
      part.catch(() => {}); // seen when awaited, below
      return { k, at, part };
    };
    let live = new Set<string>();
    for (let current = start(0, 0); current; ) {
      const { k, at } = current;
      const part = await current.part;
      current = part.last ? start(k + 1, 0) : start(k, at + READ_PART);
      for (const record of part.records) live.add(record.id);
      await emit({
        kind: list[k]!,
        records: part.records,
        removed: part.removed,
        complete: part.last ? live : undefined,
      });
      if (part.last) live = new Set();
    }
  };
  const readSome = (kind: KindName, ids: string[]) => async () => {
    await emit({ kind, ...sort(ids, await tableOf(kind).bulkGet(ids)) });
  };

  const parts = kinds.map((kind) => ({ kind, part: `idb://${db.name}/${KIND_INFO[kind].table}/` }));
  const onMutation = (mutated: ObservabilitySet) => {
    for (const { kind, part } of parts) {
      const tree = mutated[part];
      if (!tree) continue;
      const keys = keysOf(tree);
      if (!keys) enqueue(readWhole([kind]));
      else if (keys.length) enqueue(readSome(kind, keys));
    }
  };
  // Listen first, so that no write between the first reads and the listening goes unseen.
  Dexie.on('storagemutated', onMutation);
  enqueue(readWhole(kinds));
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

/** A journal's records of some kinds, deleted ones too (a count by index, nothing read). */
export async function countRecords(
  journalId: string,
  kinds: readonly KindName[],
  db: MentoringDb = getDb(),
): Promise<number> {
  const tables = [...new Set(kinds.map((kind) => KIND_INFO[kind].table))];
  const counts = await Promise.all(
    tables.map((table) => db.table(table).where('journalId').equals(journalId).count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
