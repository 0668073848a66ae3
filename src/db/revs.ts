/**
 * Each stored record's revision (src/model/rev.ts), in the device-only table `revs`, kept in 64
 * buckets per table by a hash of the record's id: a row
 * `{ bucket: "<table>/<n>", revs: { <id>: "<table> <rev> <journalId>" } }`. Few rows, because
 * IndexedDB's cost is mostly per row: one row per record made every bulk write half as slow again,
 * and the import's read of them slow; buckets of their own per table let a bulk write to one table
 * read and write each of its buckets once.
 *
 * A Dexie middleware keeps it under every write path, in the write's own transaction: every
 * read-write transaction on a record table also takes `revs`, and every put, delete or clear of
 * records updates their buckets (one at a time per transaction, so two writes never lose each
 * other's entries). An import reads only these rows to tell which of a file's records it has.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { RECORD_TABLE_NAMES } from '../model/registry';
import { recordRev } from '../model/rev';
import type { MentoringDb } from './database';

export const REVS_TABLE = 'revs';

/** How many buckets the revisions are kept in. */
export const REV_BUCKETS = 64;

const RECORD_TABLES = new Set(RECORD_TABLE_NAMES);

/** One record's revision, as read back. */
export interface RevRow {
  id: string;
  table: string;
  journalId: string;
  rev: string;
}

/** A stored bucket: its entries by record id (an object without a prototype when built here). */
export interface RevBucket {
  /** `<table>/<n>`: a table's records are in buckets of their own, so a bulk write to it touches each once. */
  bucket: string;
  revs: Record<string, string>;
}

/** The bucket of a record of a table: the table, and a hash of the id (FNV-1a). */
export function bucketOf(table: string, id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return `${table}/${(h >>> 0) % REV_BUCKETS}`;
}

/** The revision a record calls for. */
export const revRow = (table: string, record: Parameters<typeof recordRev>[0]): RevRow => ({
  id: record.id,
  table,
  journalId: record.journalId,
  rev: recordRev(record),
});

/** A revision as a bucket holds it. */
const entryText = ({ table, rev, journalId }: RevRow) => `${table} ${rev} ${journalId}`;

/** A bucket's entry read back (the journal id last: it is the one part that may hold a space). */
function parseEntry(id: string, text: unknown): RevRow | undefined {
  if (typeof text !== 'string') return undefined;
  const first = text.indexOf(' ');
  const second = text.indexOf(' ', first + 1);
  if (first < 1 || second < 0) return undefined;
  return {
    id,
    table: text.slice(0, first),
    rev: text.slice(first + 1, second),
    journalId: text.slice(second + 1),
  };
}

/** Changes to buckets: per bucket, per id, the new entry, or null to take it out. */
type BucketChanges = Map<string, Map<string, string | null>>;

function change(changes: BucketChanges, table: string, id: string, entry: string | null) {
  const bucket = bucketOf(table, id);
  let ids = changes.get(bucket);
  if (!ids) {
    ids = new Map();
    changes.set(bucket, ids);
  }
  ids.set(id, entry);
}

/** Buckets built from rows (the upgrade, the fixture), with prototype-free entry maps. */
export function bucketsOf(rows: readonly RevRow[]): RevBucket[] {
  const buckets = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const bucket = bucketOf(row.table, row.id);
    let revs = buckets.get(bucket);
    if (!revs) {
      revs = Object.create(null) as Record<string, string>;
      buckets.set(bucket, revs);
    }
    revs[row.id] = entryText(row);
  }
  return [...buckets].map(([bucket, revs]) => ({ bucket, revs }));
}

/** One write's bucket changes, waiting for its turn in its transaction. */
interface Job {
  changes: BucketChanges;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Each transaction's bucket updates, one after another: each reads its buckets only once the one
 * before has written its own (IndexedDB runs a transaction's requests in order), so two writes in
 * one transaction never lose each other's entries. Plain IndexedDB requests on the write's own
 * transaction, answered in their callbacks: no promise stands between a read and its write.
 */
const queues = new WeakMap<IDBTransaction, Job[]>();

function applyChanges(trans: IDBTransaction, changes: BucketChanges): Promise<void> {
  if (!changes.size) return Promise.resolve();
  return new Promise((done, fail) => {
    const queue = queues.get(trans);
    if (queue) {
      queue.push({ changes, done, fail });
      return;
    }
    const fresh = [{ changes, done, fail }];
    queues.set(trans, fresh);
    runNext(trans, fresh);
  });
}

function runNext(trans: IDBTransaction, queue: Job[]) {
  const job = queue[0]!;
  const finish = (error?: unknown) => {
    queue.shift();
    if (error === undefined) job.done();
    else job.fail(error);
    if (queue.length) runNext(trans, queue);
    else queues.delete(trans);
  };
  let store: IDBObjectStore;
  try {
    store = trans.objectStore(REVS_TABLE);
  } catch (error) {
    finish(error);
    return;
  }
  const keys = [...job.changes.keys()];
  const stored: unknown[] = [];
  let left = keys.length;
  for (const [index, key] of keys.entries()) {
    const request = store.get(key);
    request.onsuccess = () => {
      stored[index] = request.result;
      left -= 1;
      if (left === 0) finish(write(store, keys, stored, job.changes));
    };
    request.onerror = () => finish(request.error ?? new Error('could not read the revisions'));
  }
}

/** Writes the changed buckets back (an empty one is taken out); an error, if a request could not be made. */
function write(store: IDBObjectStore, keys: string[], stored: unknown[], changes: BucketChanges): unknown {
  try {
    for (const [index, bucket] of keys.entries()) {
      const next = Object.create(null) as Record<string, string>;
      const old = (stored[index] as RevBucket | undefined)?.revs;
      if (old && typeof old === 'object') for (const id of Object.keys(old)) next[id] = old[id]!;
      for (const [id, entry] of changes.get(bucket)!) {
        if (entry === null) delete next[id];
        else next[id] = entry;
      }
      if (Object.keys(next).length) store.put({ bucket, revs: next } satisfies RevBucket);
      else store.delete(bucket);
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Whether the revisions' store exists in this transaction (not during an upgrade to an older version). */
function hasRevs(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !names || names.contains(REVS_TABLE);
}

/** The bucket changes one write to a record table makes. */
async function changesOf(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  failed: Readonly<Record<number, unknown>> = {},
): Promise<BucketChanges> {
  const changes: BucketChanges = new Map();
  if (req.type === 'add' || req.type === 'put') {
    for (const [index, record] of req.values.entries()) {
      // A record the write refused (a bulk write outside a transaction goes on past it) keeps its entry.
      if (!record || typeof record.id !== 'string' || index in failed) continue;
      change(changes, table.name, record.id, entryText(revRow(table.name, record)));
    }
    return changes;
  }
  // A delete, or a range of this table (a clear): its keys in that range, read before they go.
  const keys =
    req.type === 'delete'
      ? req.keys
      : (
          await table.query({
            trans: req.trans,
            values: false,
            query: { index: table.schema.primaryKey, range: req.range },
          })
        ).result;
  for (const key of keys) if (typeof key === 'string') change(changes, table.name, key, null);
  return changes;
}

/** The middleware (`db.use(revsMiddleware)`). */
export const revsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'revs',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          !stores.includes(REVS_TABLE) &&
          stores.some((name) => RECORD_TABLES.has(name)) &&
          down.schema.tables.some((table) => table.name === REVS_TABLE);
        return down.transaction(widen ? [...stores, REVS_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!RECORD_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            if (!hasRevs(req.trans)) return table.mutate(req);
            // For a clear, the keys it removes are read before they go.
            const before = req.type === 'deleteRange' ? await changesOf(table, req) : undefined;
            const result = await table.mutate(req);
            const changes = before ?? (await changesOf(table, req, result.failures));
            await applyChanges(req.trans as unknown as IDBTransaction, changes);
            return result;
          },
        };
      },
    };
  },
};

/** This device's revisions: every record's id with its table, journal and revision. */
export async function readRevs(db: MentoringDb): Promise<RevRow[]> {
  const rows: RevRow[] = [];
  for (const { revs } of await db.table<RevBucket, string>(REVS_TABLE).toArray()) {
    for (const id of Object.keys(revs)) {
      const row = parseEntry(id, revs[id]);
      if (row) rows.push(row);
    }
  }
  return rows;
}

/** Ids whose row is missing, out of date or left over (none, when every write path keeps `revs`): for tests. */
export async function staleRevs(db: MentoringDb): Promise<string[]> {
  const rows = new Map((await readRevs(db)).map((row) => [row.id, row]));
  const stale: string[] = [];
  for (const table of db.recordTables()) {
    for (const record of await table.toArray()) {
      const row = rows.get(record.id);
      rows.delete(record.id);
      const expected = revRow(table.name, record);
      if (
        !row ||
        row.table !== expected.table ||
        row.journalId !== expected.journalId ||
        row.rev !== expected.rev
      )
        stale.push(record.id);
    }
  }
  return [...stale, ...rows.keys()];
}
