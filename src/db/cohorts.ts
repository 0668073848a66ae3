/**
 * Cohorts a committee member chose to keep on this device ("Keep this cohort on this device"): the
 * committee summaries the cohort view opened, in their own published format, in the device-only
 * `local` table. Nothing here is a journal's data, nothing is ever written to a pair file, and
 * nothing is stored until the person asks.
 *
 * Key layout (what a backup of this device must carry to bring kept cohorts back):
 * - `cohort:<id>` → `KeptCohort` (name, when kept and last changed, how many pairs): listing reads only these;
 * - `cohort:<id>:summaries` → `{ summaries: unknown[] }`, one committee summary file (as read and
 *   checked, format version 1 or 2) per pair. The reader checks them again when the cohort is opened.
 */
import { liveQuery, type Observable } from 'dexie';
import { getDb, type MentoringDb } from './database';
import { toStorageError } from './errors';
import { askToKeepStorageOnce } from './persistence';

/** Every key of a kept cohort starts with this. */
export const COHORT_KEY_PREFIX = 'cohort:';
const SUMMARIES_SUFFIX = ':summaries';

/** What is listed of a kept cohort. */
export interface KeptCohort {
  id: string;
  name: string;
  /** When it was first kept (ISO date-time). */
  keptAt: string;
  /** When it was last saved. */
  updatedAt: string;
  pairCount: number;
}

const metaKey = (id: string) => `${COHORT_KEY_PREFIX}${id}`;
const summariesKey = (id: string) => `${COHORT_KEY_PREFIX}${id}${SUMMARIES_SUFFIX}`;

/** Keys of the cohorts' listing rows (not their summaries), read without loading any value. */
async function metaKeys(db: MentoringDb): Promise<string[]> {
  const keys = await db.local.where('key').startsWith(COHORT_KEY_PREFIX).primaryKeys();
  return keys.filter((key) => !key.endsWith(SUMMARIES_SUFFIX));
}

/** The kept cohorts, most recently saved first. */
export async function keptCohorts(db: MentoringDb = getDb()): Promise<KeptCohort[]> {
  const rows = await db.local.bulkGet(await metaKeys(db));
  return rows
    .map((row) => row?.value as KeptCohort | undefined)
    .filter((c): c is KeptCohort => c !== undefined)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** The kept cohorts, kept live (the cohort view lists them). */
export function liveKeptCohorts(db: MentoringDb = getDb()): Observable<KeptCohort[]> {
  return liveQuery(() => keptCohorts(db));
}

/**
 * Keeps a cohort on this device, or saves it again (same `id`): its name and its summaries, written
 * together in one transaction. Returns what is listed of it.
 */
export async function keepCohort(
  cohort: { id?: string; name: string; summaries: readonly unknown[] },
  db: MentoringDb = getDb(),
): Promise<KeptCohort> {
  const id = cohort.id ?? crypto.randomUUID();
  const now = new Date(db.wallClock()).toISOString();
  try {
    const saved = await db.transaction('rw', db.local, async () => {
      const before = (await db.local.get(metaKey(id)))?.value as KeptCohort | undefined;
      const kept: KeptCohort = {
        id,
        name: cohort.name,
        keptAt: before?.keptAt ?? now,
        updatedAt: now,
        pairCount: cohort.summaries.length,
      };
      await db.local.bulkPut([
        { key: metaKey(id), value: kept },
        { key: summariesKey(id), value: { summaries: [...cohort.summaries] } },
      ]);
      return kept;
    });
    // The person asked to keep it: ask the browser to keep this site's storage too (once per page).
    askToKeepStorageOnce();
    return saved;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The summaries of a kept cohort, as they were kept; undefined when it is not (or no longer) kept. */
export async function keptCohortSummaries(
  id: string,
  db: MentoringDb = getDb(),
): Promise<unknown[] | undefined> {
  const row = await db.local.get(summariesKey(id));
  const value = row?.value as { summaries?: unknown } | undefined;
  return Array.isArray(value?.summaries) ? value.summaries : undefined;
}

/** Removes a kept cohort from this device (its listing and its summaries, together). */
export async function removeKeptCohort(id: string, db: MentoringDb = getDb()): Promise<void> {
  try {
    await db.transaction('rw', db.local, () => db.local.bulkDelete([metaKey(id), summariesKey(id)]));
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A kept cohort as a backup carries it: its listing and its summaries. */
export interface BackedUpCohort extends KeptCohort {
  summaries: unknown[];
}

/** Every kept cohort with its summaries, for this device's backup (never for a pair file). */
export async function cohortsForBackup(db: MentoringDb = getDb()): Promise<BackedUpCohort[]> {
  const cohorts = await keptCohorts(db);
  const summaries = await Promise.all(cohorts.map((c) => keptCohortSummaries(c.id, db)));
  return cohorts.map((c, i) => ({ ...c, summaries: summaries[i] ?? [] }));
}

/**
 * The `local` rows that restoring `cohorts` from a backup writes: a cohort this device does not
 * keep, or keeps in an older state (by `updatedAt`), is taken from the backup; a newer one here
 * stays. Read inside the import's transaction.
 */
export async function cohortRowsToRestore(
  db: MentoringDb,
  cohorts: readonly BackedUpCohort[],
): Promise<{ key: string; value: unknown }[]> {
  const rows: { key: string; value: unknown }[] = [];
  for (const { summaries, ...kept } of cohorts) {
    const here = (await db.local.get(metaKey(kept.id)))?.value as KeptCohort | undefined;
    if (here && here.updatedAt >= kept.updatedAt) continue;
    rows.push({ key: metaKey(kept.id), value: kept }, { key: summariesKey(kept.id), value: { summaries } });
  }
  return rows;
}
