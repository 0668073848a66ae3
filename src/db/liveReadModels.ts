/**
 * The read models of readModels.ts as Dexie live queries: the same functions, over a reader that
 * goes through Dexie, so that Dexie sees which ranges they read and runs them again when a write
 * (in this tab or another) touches one. Loaded after the first paint (see firstLoad.ts).
 */
import { type Collection, liveQuery, type Observable } from 'dexie';
import { getDb, type MentoringDb } from './database';
import type { Reader, Scan } from './readers';
import { type HomeFacts, type JournalsOnDevice, readHome, readShell } from './readModels';

/** A reader over Dexie's tables (inside a live query, Dexie records what it reads). */
export function dexieReader(db: MentoringDb): Reader {
  return {
    get: (table, key) => db.table(table).get(key),
    equal: (table, index, key) => db.table(table).where(index).equals(key).toArray(),
    scan<T>({ table, index, lower, upper, reverse, filter, limit }: Scan<T>): Promise<T[]> {
      let collection: Collection<T> = db.table(table).where(index).between(lower, upper, true, true);
      if (reverse) collection = collection.reverse();
      if (filter) collection = collection.filter(filter);
      if (limit !== undefined) collection = collection.limit(limit);
      return collection.toArray();
    },
  };
}

export function liveShell(db: MentoringDb = getDb()): Observable<JournalsOnDevice> {
  return liveQuery(() => readShell(dexieReader(db)));
}

export function liveHome(journalId: string, today: string, db: MentoringDb = getDb()): Observable<HomeFacts> {
  return liveQuery(() => readHome(dexieReader(db), journalId, today));
}
