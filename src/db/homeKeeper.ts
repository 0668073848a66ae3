/**
 * Keeps Home's facts for the next cold start (readModels.ts `readKeptHome`) current while the app
 * is on another screen: every edit moves the change marker, so without this the first start after
 * an evening of writing stories would read Home afresh. Once writes to the records have paused,
 * Home's read model is read again — marker first, as the live query does — and kept.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { getDb, type MentoringDb } from './database';
import { dexieReader, keepHome } from './liveReadModels';
import { HOME_FACTS_SHAPE, readChangeMarker, readHome } from './readModels';

/** How long writes must pause before Home is read again (autosave writes every few seconds). */
export const HOME_KEEPER_QUIET_MS = 2000;

/** Keeps Home's facts of `journalId` current until the returned function is called. */
export function keepHomeCurrent(
  journalId: string,
  today: () => string,
  db: MentoringDb = getDb(),
): () => void {
  const records = db.recordTables().map((table) => `idb://${db.name}/${table.name}/`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let reading: Promise<void> | undefined;

  const refresh = async () => {
    const reader = dexieReader(db);
    const marker = await readChangeMarker(reader);
    const day = today();
    const facts = await readHome(reader, journalId, day);
    if (!stopped) await keepHome(db, journalId, { shape: HOME_FACTS_SHAPE, marker, today: day, facts });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A read already under way is followed by another, which sees the writes it may have missed.
      reading = (reading ?? Promise.resolve())
        .then(() => (stopped ? undefined : refresh()))
        .catch(() => undefined);
    }, HOME_KEEPER_QUIET_MS);
  };
  const onMutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => records.some((prefix) => part.startsWith(prefix)))) schedule();
  };
  Dexie.on('storagemutated', onMutated);
  return () => {
    stopped = true;
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
