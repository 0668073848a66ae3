/**
 * The few reads that read models make (see readModels.ts), over a table and one of its indexes, in
 * Dexie's naming (`'journalId'`, `'[journalId+date]'`, the primary key by its name). Two readers
 * implement it: `rawReader` below, over plain IndexedDB, so the first screen shows before Dexie has
 * loaded; and the Dexie reader in liveReadModels.ts, so the same read model becomes a live query.
 * This file must not import Dexie (it is part of the first load).
 */
export type Key = string | number | (string | number)[];

/** Records of an index between two keys (both included), in key order or reversed. */
export interface Scan<T> {
  table: string;
  index: string;
  lower: Key;
  upper: Key;
  reverse?: boolean;
  /** Keeps only the records it accepts; `limit` counts accepted ones. */
  filter?: (record: T) => boolean;
  limit?: number;
}

export interface Reader {
  get<T>(table: string, key: string): Promise<T | undefined>;
  /** Every record whose `index` equals `key`. */
  equal<T>(table: string, index: string, key: Key): Promise<T[]>;
  scan<T>(scan: Scan<T>): Promise<T[]>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Opens the existing database `name` for reading, at whatever version it has, or resolves
 * `undefined` when there is none (a first run): then nothing is created, and Dexie makes the
 * database as usual. The connection steps aside at once when Dexie wants to upgrade.
 */
export function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return resolve(undefined);
    const req = indexedDB.open(name);
    let created = false;
    req.onupgradeneeded = () => {
      // Only a database that did not exist gets here (no version was asked for): leave it unmade.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => (created ? resolve(undefined) : reject(req.error));
    req.onblocked = () => resolve(undefined);
  });
}

/** A reader over one read-only transaction of a plain IndexedDB connection. */
export function rawReader(db: IDBDatabase, tables: readonly string[]): Reader {
  const tx = db.transaction([...tables], 'readonly');
  const source = (table: string, index: string): IDBObjectStore | IDBIndex => {
    const store = tx.objectStore(table);
    return store.keyPath === index ? store : store.index(index);
  };
  return {
    get: (table, key) => request(tx.objectStore(table).get(key)),
    equal: (table, index, key) => request(source(table, index).getAll(IDBKeyRange.only(key))),
    scan<T>({ table, index, lower, upper, reverse, filter, limit }: Scan<T>): Promise<T[]> {
      const found: T[] = [];
      const max = limit ?? Number.POSITIVE_INFINITY;
      const range = IDBKeyRange.bound(lower, upper);
      // Without a limit every record of the range is read anyway: one request, not one per record.
      if (limit === undefined) {
        return request<T[]>(source(table, index).getAll(range)).then((all) => {
          const list = reverse ? all.reverse() : all;
          return filter ? list.filter(filter) : list;
        });
      }
      return new Promise((resolve, reject) => {
        const req = source(table, index).openCursor(range, reverse ? 'prev' : 'next');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return resolve(found);
          const value = cursor.value as T;
          if (!filter || filter(value)) found.push(value);
          if (found.length >= max) return resolve(found);
          cursor.continue();
        };
      });
    },
  };
}

/** Whether a connection has every table and index a read model needs (an older version may not). */
export function hasIndexes(db: IDBDatabase, needs: Readonly<Record<string, readonly string[]>>): boolean {
  const tables = Object.keys(needs);
  if (!tables.every((t) => db.objectStoreNames.contains(t))) return false;
  const tx = db.transaction(tables, 'readonly');
  return tables.every((t) => {
    const store = tx.objectStore(t);
    return needs[t]!.every((index) => store.keyPath === index || store.indexNames.contains(index));
  });
}
