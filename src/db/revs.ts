/**
 * Each stored record's revision (src/model/rev.ts), in the device-only table `revs`: one short row
 * per record, `{ id, table, journalId, rev }`. A Dexie middleware keeps it under every write path, in
 * the write's own transaction: every read-write transaction on a record table also takes `revs`, and
 * every put, delete or clear of a record writes its row. An import reads only these rows (keys and
 * short texts, a fraction of the records' size) to tell which of a file's records it has already.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { RECORD_TABLE_NAMES } from '../model/registry';
import { recordRev } from '../model/rev';
import type { MentoringDb } from './database';

export const REVS_TABLE = 'revs';

const RECORD_TABLES = new Set(RECORD_TABLE_NAMES);

/** One record's row in `revs`. */
export interface RevRow {
  id: string;
  table: string;
  journalId: string;
  rev: string;
}

/** The row a record calls for. */
export const revRow = (table: string, record: Parameters<typeof recordRev>[0]): RevRow => ({
  id: record.id,
  table,
  journalId: record.journalId,
  rev: recordRev(record),
});

/** Whether the revisions' store exists in this transaction (not during an upgrade to an older version). */
function hasRevs(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return !names || names.contains(REVS_TABLE);
}

/** The rows to write or delete for one write to a record table. */
async function followWrite(
  table: DBCoreTable,
  revs: DBCoreTable,
  req: DBCoreMutateRequest,
  failed: Readonly<Record<number, unknown>> = {},
): Promise<void> {
  const { trans } = req;
  if (req.type === 'add' || req.type === 'put') {
    const values: RevRow[] = [];
    for (const [index, record] of req.values.entries()) {
      // A record the write refused (a bulk write outside a transaction goes on past it) keeps its row.
      if (!record || typeof record.id !== 'string' || index in failed) continue;
      values.push(revRow(table.name, record));
    }
    if (values.length) await revs.mutate({ type: 'put', trans, values });
    return;
  }
  if (req.type === 'delete') {
    await revs.mutate({ type: 'delete', trans, keys: req.keys });
    return;
  }
  // A range of this table (a clear): its own keys in that range, since `revs` holds every table's.
  const found = await table.query({
    trans,
    values: false,
    query: { index: table.schema.primaryKey, range: req.range },
  });
  if (found.result.length) await revs.mutate({ type: 'delete', trans, keys: found.result });
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
            // The record's row first: for a clear, the keys it removes are read before they go.
            const revs = down.table(REVS_TABLE);
            if (req.type === 'deleteRange') await followWrite(table, revs, req);
            const result = await table.mutate(req);
            if (req.type !== 'deleteRange') await followWrite(table, revs, req, result.failures);
            return result;
          },
        };
      },
    };
  },
};

/** This device's revision rows: every record's id with its table, journal and revision. */
export function readRevs(db: MentoringDb): Promise<RevRow[]> {
  return db.table<RevRow, string>(REVS_TABLE).toArray();
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
