/**
 * The read models of readModels.ts as Dexie live queries: the same functions, over a reader that
 * goes through Dexie, so that Dexie sees which ranges they read and runs them again when a write
 * (in this tab or another) touches one. Loaded after the first paint (see firstLoad.ts).
 */
import { type Collection, liveQuery, type Observable } from 'dexie';
import { getDb, type MentoringDb } from './database';
import type { Subscribable } from './firstLoad';
import type { Reader, Scan } from './readers';
import {
  HOME_FACTS_SHAPE,
  type HomeFacts,
  type JournalsOnDevice,
  type KeptHome,
  keptHomeKey,
  readHome,
  readHomeMarker,
  readShell,
} from './readModels';

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

/**
 * Home's facts, kept live; each new value is also kept in the device table for the next cold start
 * (see `readKeptHome`). The change marker is read before the facts: a write that lands between the
 * two leaves a marker older than the facts, which the next start finds out of date — never the
 * other way round.
 */
export function liveHome(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Subscribable<HomeFacts> {
  const reader = dexieReader(db);
  const read = liveQuery(async () => {
    const marker = await readHomeMarker(reader);
    return { marker, facts: await readHome(reader, journalId, today) };
  });
  return {
    subscribe(observer) {
      return read.subscribe({
        next({ marker, facts }) {
          observer.next(facts);
          void keepHome(db, journalId, { shape: HOME_FACTS_SHAPE, marker, today, facts });
        },
        error: (error) => observer.error?.(error),
      });
    },
  };
}

/**
 * Reads Home's facts of `journalId` afresh and keeps them for the next cold start: after an import,
 * which changes them in bulk while Home is not on screen (the next start would otherwise read Home
 * whole). In the background; a failure only costs the next start time.
 */
export async function keepHomeNow(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<void> {
  try {
    const reader = dexieReader(db);
    const marker = await readHomeMarker(reader);
    const facts = await readHome(reader, journalId, today);
    await keepHome(db, journalId, { shape: HOME_FACTS_SHAPE, marker, today, facts });
  } catch {
    // Nothing is lost: the next start reads Home afresh.
  }
}

/** Keeps Home's facts unless the same ones are kept already; a failure only costs the next start time. */
export async function keepHome(db: MentoringDb, journalId: string, value: KeptHome): Promise<void> {
  // A journal no longer on this device (removed meanwhile) keeps nothing.
  if (!value.facts.membership) return;
  const key = keptHomeKey(journalId);
  try {
    const kept = (await db.local.get(key))?.value as KeptHome | undefined;
    if (kept?.shape === value.shape && kept.marker === value.marker && kept.today === value.today) return;
    await db.local.put({ key, value });
  } catch {
    // Nothing is lost: the next start reads Home afresh.
  }
}
