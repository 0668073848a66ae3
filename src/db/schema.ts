/**
 * The database's versions. Every version ever released stays declared, each change with an
 * upgrade, so a device that skipped releases still opens its data. Tests open a real
 * version-1 database (tests/fixtures/db-v1.json) with the current code.
 */

import type { Transaction } from 'dexie';
import type { AnyRecord } from '../model/kinds';
import { RECORD_TABLE_NAMES } from '../model/registry';
import { bucketsOf, type RevRow, revRow } from './revs';

export { DB_NAME } from './dbName';

/** Version 1: one table per record kind, indexed by journal, plus the device-only `local` table. */
export const SCHEMA_V1 = {
  journals: 'id, journalId',
  goals: 'id, journalId',
  progressEntries: 'id, journalId, goalId',
  milestones: 'id, journalId, goalId',
  meetings: 'id, journalId',
  agendaItems: 'id, journalId, meetingId',
  actionItems: 'id, journalId, meetingId',
  notes: 'id, journalId, parentId',
  stories: 'id, journalId',
  reflections: 'id, journalId',
  contacts: 'id, journalId',
  opportunities: 'id, journalId',
  checkIns: 'id, journalId',
  duties: 'id, journalId',
  local: 'key',
} as const;

/**
 * Version 2: records gain `bases` (the stamp each field was edited from) so that a merge can tell
 * a concurrent edit from a sequential one; milestones are indexed by due date for the timeline;
 * new kinds: agreement changes (the agreement's dated history) and themes.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  milestones: 'id, journalId, goalId, [journalId+dueDate]',
  agreementChanges: 'id, journalId',
  themes: 'id, journalId',
} as const;

/**
 * Version 3: device-only tables for file sync: `conflicts` (long texts both people changed at
 * once, waiting for a choice) and `snapshots` (the journal as it was before the last import, for
 * "Undo last import"). Neither ever goes into a pair file or a backup.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  conflicts: 'id, journalId',
  snapshots: 'id',
} as const;

/**
 * Version 4: indexes for read models (issue 9): meetings by journal and date, so Home and the
 * meeting list read the next and the latest meeting without loading every meeting's notes; stories
 * by the goals they are linked to, so a goal's page reads only its own stories.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  meetings: 'id, journalId, [journalId+date]',
  stories: 'id, journalId, *goalIds',
} as const;

/** Version 5: the programme's mid-point and closing reviews (issue 12), one record per person per question. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  reviews: 'id, journalId',
} as const;

/**
 * Version 6: `revs`, each record's revision (src/db/revs.ts), so that an import reads short rows
 * instead of whole records to tell which of a file's records this device already has.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  revs: 'bucket',
} as const;

/** Tables that hold only this device's state: never exported, never synced. */
export const DEVICE_TABLES = ['local', 'conflicts', 'snapshots', 'revs'] as const;

/** Tables that hold synced records, from the registry of kinds. */
export const RECORD_TABLES = RECORD_TABLE_NAMES;

/** The record tables version 2 had (its upgrade touches exactly these). */
export const V2_RECORD_TABLES = Object.keys(SCHEMA_V2).filter((name) => name !== 'local');

/** Version 2's upgrade: every record gains an empty `bases` map. */
async function fillBases(tx: Transaction) {
  for (const name of V2_RECORD_TABLES) {
    await tx
      .table(name)
      .toCollection()
      .modify((record: Partial<AnyRecord>) => {
        record.bases ??= {};
      });
  }
}

/** The record tables version 6 had (its upgrade touches exactly these). */
const V6_RECORD_TABLES = Object.keys(SCHEMA_V5).filter(
  (name) => !['local', 'conflicts', 'snapshots'].includes(name),
);

/** Version 6's upgrade: the revision of every record already stored. */
async function fillRevs(tx: Transaction) {
  const rows: RevRow[] = [];
  for (const name of V6_RECORD_TABLES) {
    for (const record of (await tx.table(name).toArray()) as AnyRecord[]) rows.push(revRow(name, record));
  }
  if (rows.length) await tx.table('revs').bulkPut(bucketsOf(rows));
}

/**
 * Every released version in order, with its upgrade: the database declares exactly these. A new
 * version is one more entry here (and its fixture in tests/fixtures/db-vN.json).
 */
export const VERSIONS: readonly {
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  { stores: SCHEMA_V1 },
  { stores: SCHEMA_V2, upgrade: fillBases },
  // Version 3 only adds two empty device-only tables (conflicts, snapshots): no record changes.
  { stores: SCHEMA_V3, upgrade: async () => undefined },
  // Version 4 only adds indexes: IndexedDB builds them from the rows, which stay as they were.
  { stores: SCHEMA_V4 },
  // Version 5 only adds the reviews table: no record changes.
  { stores: SCHEMA_V5 },
  { stores: SCHEMA_V6, upgrade: fillRevs },
];

/**
 * The newest version's stores. Each version above stays literal (a released version never changes);
 * the test in src/model/registry.test.ts fails when this and the registry of kinds disagree, so a
 * kind added to the registry needs a new version here.
 */
export const LATEST_SCHEMA: Record<string, string> = VERSIONS[VERSIONS.length - 1]!.stores;
