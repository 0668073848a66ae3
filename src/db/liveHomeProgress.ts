/** The read models of homeProgress.ts as Dexie live queries (loaded with Dexie, after the first paint). */
import { liveQuery, type Observable } from 'dexie';
import { getDb, type MentoringDb } from './database';
import {
  type AttentionExtras,
  type HomeGoalProgress,
  readAttentionExtras,
  readHomeGoalProgress,
} from './homeProgress';
import { dexieReader } from './liveReadModels';

export function liveHomeGoalProgressQuery(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Observable<HomeGoalProgress> {
  return liveQuery(() => readHomeGoalProgress(dexieReader(db), journalId, today));
}

export function liveAttentionExtrasQuery(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Observable<AttentionExtras> {
  return liveQuery(() => readAttentionExtras(dexieReader(db), journalId, today));
}
