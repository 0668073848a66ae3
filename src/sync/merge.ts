/**
 * The merge of two copies of a journal: pure (no clock, no database), deterministic, and
 * commutative, associative and idempotent on the records it returns, so devices that exchange
 * files in any order end with the same journal.
 *
 * Each field of a record is a cell: its value, its stamp (hybrid logical clock) and its base (the
 * stamp the editing device replaced). For each cell the later stamp wins; stamps are unique per
 * edit, and equal stamps can only carry the same edit, so the tie rule below only has to be total.
 * A tombstone is a `deleted: true` cell whose stamp is later than every content cell it cleared:
 * it beats older edits and loses to newer ones (see `normalize`).
 */

import { ASIDE_FIELD, type AsideMap, asideOf, pruneAside } from '../model/aside';
import type { Role } from '../model/constants';
import { recordName } from '../model/describe';
import { ZERO_STAMP } from '../model/hlc';
import { sameJson } from '../model/json';
import type { KindName } from '../model/kind';
import { type AnyRecord, KINDS } from '../model/kinds';
import { KIND_REGISTRY } from '../model/registry';
import {
  ELEMENTS_FIELD,
  type ElementMap,
  elementsOf,
  latestStamp,
  listOf,
  mergeElements,
  setFieldsOf,
  storedElements,
} from '../model/sets';
import { canonicalJson } from './canonical';
import type { Withdrawal } from './envelope';

/** Envelope fields that are not merged cell by cell. */
const FIXED = new Set([
  'id',
  'journalId',
  'kind',
  'createdAt',
  'author',
  'stamps',
  'bases',
  ASIDE_FIELD,
  ELEMENTS_FIELD,
]);
/** Editable envelope fields: cells like content, but a tombstone does not clear them. */
const ENVELOPE_CELLS = new Set(['visibility', 'deleted']);

const LONG_TEXT: { [K in KindName]: ReadonlySet<string> } = Object.fromEntries(
  Object.entries(KINDS).map(([kind, definition]) => [kind, new Set<string>(definition.longText)]),
) as unknown as { [K in KindName]: ReadonlySet<string> };

/** A long text both people changed without seeing each other's change: the losing text is kept here. */
export interface FieldConflict {
  recordId: string;
  kind: KindName;
  journalId: string;
  field: string;
  /** The text this device had before the import. */
  local: string;
  /** The text in the file. */
  remote: string;
  /** Which of the two the merged record now holds. */
  kept: 'local' | 'remote';
}

export interface RecordMerge {
  record: AnyRecord;
  /** Fields whose value or stamp differs from the local copy's. */
  changedFields: string[];
  conflicts: FieldConflict[];
}

type Loose = Record<string, unknown> & AnyRecord;

interface Cell {
  value: unknown;
  stamp: string;
  base: string | undefined;
}

function cellOf(record: Loose, field: string): Cell {
  return { value: record[field], stamp: record.stamps[field] ?? ZERO_STAMP, base: record.bases[field] };
}

/** A total order on values for equal stamps: nothing < false < true < any other value (by JSON). */
function valueKey(value: unknown): string {
  if (value === undefined) return '0';
  if (typeof value === 'boolean') return value ? '1b' : '1a';
  return `2${canonicalJson(value)}`;
}

/** Do two values have the same `valueKey`? Compared without writing either (see `sameJson`). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined || typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  return sameJson(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Positive when cell `a` wins over `b`: later stamp, then the value order, then the later base. */
function compareCells(a: Cell, b: Cell): number {
  return (
    compareText(a.stamp, b.stamp) ||
    (sameValue(a.value, b.value) ? 0 : compareText(valueKey(a.value), valueKey(b.value))) ||
    compareText(a.base ?? '', b.base ?? '')
  );
}

/** Every mergeable field either copy has a value or a stamp for. */
function fieldsOf(a: Loose, b: Loose): string[] {
  const names = new Set<string>();
  for (const source of [a, b, a.stamps, b.stamps]) {
    for (const name of Object.keys(source)) if (!FIXED.has(name)) names.add(name);
  }
  return [...names].sort();
}

/** Content and unknown fields: what a tombstone clears. */
function isContent(field: string): boolean {
  return !FIXED.has(field) && !ENVELOPE_CELLS.has(field);
}

/**
 * Keeps a record's `deleted` and its content consistent, from its stamps alone: content older
 * than the `deleted` cell is cleared (a delete wins over older edits; the deleting device may not
 * have had every field); content newer than a tombstone brings the record back (a later edit wins
 * over the delete), holding only what was written after the delete. Idempotent, never changes a
 * stamp, and gives the same result whichever copies were normalized before a merge, which keeps
 * the merge associative.
 */
export function normalize(record: AnyRecord): AnyRecord {
  const loose = record as Loose;
  const deletedAt = loose.stamps.deleted ?? ZERO_STAMP;
  const tombstone = loose.deleted === true;
  let result: Loose | undefined;
  const edit = () => {
    result ??= { ...loose };
    return result;
  };
  let newer = false;
  for (const field of Object.keys(loose)) {
    if (!isContent(field) || loose[field] === undefined) continue;
    const stamp = loose.stamps[field] ?? ZERO_STAMP;
    if (stamp < deletedAt || (tombstone && stamp === deletedAt)) delete edit()[field];
  }
  if (tombstone) {
    for (const field of Object.keys(loose.stamps))
      if (isContent(field) && loose.stamps[field]! > deletedAt) newer = true;
    if (newer) edit().deleted = false;
  }
  return result ?? record;
}

/** Both sides' values kept aside: per field the one with the later stamp (then the value order). */
function mergeAside(a: AsideMap, b: AsideMap): AsideMap | undefined {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (names.size === 0) return undefined;
  const merged: AsideMap = {};
  for (const name of [...names].sort()) {
    const x = a[name];
    const y = b[name];
    if (!x || !y) merged[name] = (x ?? y)!;
    else {
      const order =
        compareText(x.stamp ?? '', y.stamp ?? '') || compareText(valueKey(x.value), valueKey(y.value));
      merged[name] = order >= 0 ? x : y;
    }
  }
  return merged;
}

/** Drops the values kept aside that a later known edit, or a later delete, has replaced. */
function pruneKeptAside(record: AnyRecord): AnyRecord {
  const deletedAt = record.deleted ? record.stamps.deleted : undefined;
  return pruneAside(record, (field) => {
    const known = record.stamps[field];
    if (deletedAt === undefined) return known;
    return known === undefined || deletedAt > known ? deletedAt : known;
  });
}

/**
 * Settles a merged record's set fields (lists that merge as sets): each field's element map is
 * the merge of both copies' maps, less what a later delete cleared, and the list is derived from
 * it. Fields that neither copy keeps a map for merge as one value, as before.
 */
function settleSets(record: AnyRecord, copies: readonly AnyRecord[]): AnyRecord {
  const fields = Object.entries(setFieldsOf(record.kind));
  if (fields.length === 0) return record;
  let result: Loose | undefined;
  const deletedAt = record.stamps.deleted ?? ZERO_STAMP;
  for (const [field, keyProperty] of fields) {
    if (!copies.some((copy) => storedElements(copy, field))) continue;
    let map: ElementMap = {};
    for (const copy of copies) map = mergeElements(map, elementsOf(copy as Loose, field, keyProperty));
    // A tombstone holds no content; otherwise what a later delete cleared stays cleared.
    const kept: ElementMap = {};
    for (const [key, entry] of Object.entries(map)) {
      if (!record.deleted && entry.at >= deletedAt) kept[key] = entry;
    }
    result ??= {
      ...(record as Loose),
      stamps: { ...record.stamps },
      [ELEMENTS_FIELD]: { ...storedAll(record) },
    };
    const elements = result[ELEMENTS_FIELD] as Record<string, ElementMap>;
    const latest = latestStamp(kept);
    if (latest === undefined) {
      delete elements[field];
      continue;
    }
    elements[field] = kept;
    const list = listOf(kept, keyProperty);
    if (list.length || result[field] !== undefined) result[field] = list;
    if (!result.stamps[field] || latest > result.stamps[field]!) result.stamps[field] = latest;
  }
  if (result && Object.keys(result[ELEMENTS_FIELD] as object).length === 0) delete result[ELEMENTS_FIELD];
  return result ?? record;
}

function storedAll(record: AnyRecord): Record<string, ElementMap> {
  const all = (record as Loose)[ELEMENTS_FIELD];
  return all && typeof all === 'object' ? (all as Record<string, ElementMap>) : {};
}

/** Whose envelope a merged record keeps: the earlier creation, then the smaller author, kind and journal. */
function firstOf(a: Loose, b: Loose): Loose {
  const key = (r: Loose) => [r.createdAt, r.author, r.kind, r.journalId].join('\u0000');
  return key(a) <= key(b) ? a : b;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Merges the local copy of a record with the copy in a file, field by field. The record result does
 * not depend on which side is local; `changedFields` and `conflicts` are told from the local side.
 */
export function mergeRecords(local: AnyRecord | undefined, remote: AnyRecord): RecordMerge {
  const { record, conflicts } = mergeCopies(local, remote);
  const theirs = remote as Loose;
  if (!local) return { record, changedFields: fieldsOf(theirs, theirs), conflicts };
  const mine = local as Loose;
  if (mine.kind !== theirs.kind || mine.journalId !== theirs.journalId) {
    const kept = firstOf(mine, theirs) === mine;
    return { record, changedFields: kept ? [] : fieldsOf(mine, theirs), conflicts };
  }
  const merged = record as Loose;
  const changedFields = fieldsOf(mine, merged).filter(
    (field) =>
      (mine.stamps[field] ?? ZERO_STAMP) !== (merged.stamps[field] ?? ZERO_STAMP) ||
      !sameValue(mine[field], merged[field]),
  );
  return { record, changedFields, conflicts };
}

/** The merged record and its conflicts, without the list of changed fields (an import does not need it). */
function mergeCopies(
  local: AnyRecord | undefined,
  remote: AnyRecord,
): { record: AnyRecord; conflicts: FieldConflict[] } {
  const theirs = remote as Loose;
  if (!local) return { record: settleSets(pruneKeptAside(normalize(remote)), [remote]), conflicts: [] };
  const mine = local as Loose;
  const first = firstOf(mine, theirs);
  if (mine.kind !== theirs.kind || mine.journalId !== theirs.journalId) {
    // Two different records under one id (a damaged file): keep the earlier one whole.
    return { record: normalize(first), conflicts: [] };
  }
  const merged: Record<string, unknown> = {
    id: first.id,
    journalId: first.journalId,
    kind: first.kind,
    createdAt: first.createdAt,
    author: first.author,
  };
  const stamps: Record<string, string> = {};
  const bases: Record<string, string> = {};
  const raw: FieldConflict[] = [];
  for (const field of fieldsOf(mine, theirs)) {
    const stamp = mine.stamps[field] ?? ZERO_STAMP;
    const base = mine.bases[field];
    const value = mine[field];
    if (
      stamp === (theirs.stamps[field] ?? ZERO_STAMP) &&
      base === theirs.bases[field] &&
      value === theirs[field]
    ) {
      // The same cell on both sides (most of them): nothing to choose, no conflict.
      if (value !== undefined) merged[field] = value;
      if (stamp !== ZERO_STAMP || field in mine.stamps || field in theirs.stamps) stamps[field] = stamp;
      if (base !== undefined) bases[field] = base;
      continue;
    }
    const a = cellOf(mine, field);
    const b = cellOf(theirs, field);
    const order = compareCells(a, b);
    const win = order >= 0 ? a : b;
    if (win.value !== undefined) merged[field] = win.value;
    if (win.stamp !== ZERO_STAMP || field in mine.stamps || field in theirs.stamps) stamps[field] = win.stamp;
    if (win.base !== undefined) bases[field] = win.base;
    if (
      LONG_TEXT[first.kind].has(field) &&
      a.stamp !== b.stamp &&
      isText(a.value) &&
      isText(b.value) &&
      a.value !== b.value
    ) {
      // The winner's base says which value its author had seen: at least the loser's → one after the other.
      const [winner, loser] = order > 0 ? [a, b] : [b, a];
      const sawLoser = winner.base !== undefined && winner.base >= loser.stamp;
      if (!sawLoser) {
        raw.push({
          recordId: first.id,
          kind: first.kind,
          journalId: first.journalId,
          field,
          local: a.value,
          remote: b.value,
          kept: order > 0 ? 'local' : 'remote',
        });
      }
    }
  }
  merged.stamps = stamps;
  merged.bases = bases;
  const aside = mergeAside(asideOf(mine), asideOf(theirs));
  if (aside) merged[ASIDE_FIELD] = aside;
  const record = settleSets(pruneKeptAside(normalize(merged as AnyRecord)), [mine, theirs]) as Loose;
  const conflicts = record.deleted
    ? []
    : raw.filter((c) => record[c.field] === (c.kept === 'local' ? c.local : c.remote));
  return { record, conflicts };
}

/**
 * Are two records the same, field for field (stamps and bases included)? The same answer as
 * comparing their canonical JSON, without writing either.
 */
export function sameRecord(a: AnyRecord | undefined, b: AnyRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameJson(a, b);
}

/**
 * Merges two copies of a journal (or several): every id of either side is in the result, once,
 * sorted by id. The records do not depend on which side is local.
 */
export function mergeJournals(
  localRecords: readonly AnyRecord[],
  remoteRecords: readonly AnyRecord[],
): { records: AnyRecord[]; merges: Map<string, RecordMerge> } {
  const byId = new Map<string, AnyRecord>();
  for (const record of localRecords) byId.set(record.id, record);
  const merges = new Map<string, RecordMerge>();
  for (const remote of remoteRecords) {
    const merge = mergeRecords(byId.get(remote.id), remote);
    merges.set(remote.id, merge);
  }
  const records: AnyRecord[] = [];
  for (const [id, record] of byId) if (!merges.has(id)) records.push(normalize(record));
  for (const merge of merges.values()) records.push(merge.record);
  records.sort((a, b) => compareText(a.id, b.id));
  return { records, merges };
}

/** What an import does to one kind of record: the preview shows these, the apply writes them. */
export interface KindCounts {
  added: number;
  changed: number;
  deleted: number;
  withdrawn: number;
  unchanged: number;
  conflicting: number;
}

export const EMPTY_COUNTS: KindCounts = {
  added: 0,
  changed: 0,
  deleted: 0,
  withdrawn: 0,
  unchanged: 0,
  conflicting: 0,
};

/** A record of the file left out of an import because its id belongs to another journal here. */
export interface KeptOut {
  id: string;
  kind: KindName;
  /** The record in words, as the file names it. */
  name: string;
}

/** Everything an import will write, computed without writing: the preview and the apply share it. */
export interface ImportPlan {
  /** Records to write whole (new, changed, newly deleted). */
  puts: AnyRecord[];
  /** Records the partner withdrew (made private): removed from this device. */
  removes: { id: string; kind: KindName }[];
  conflicts: FieldConflict[];
  counts: Partial<Record<KindName, KindCounts>>;
  total: KindCounts;
  /** Records of the file whose id is another journal's record on this device: never written. */
  keptOut: KeptOut[];
}

/** What planning needs to know of this device beyond the journal's own records. */
export interface PlanContext {
  /** Ids of records on this device in journals other than the file's (they are never moved or overwritten). */
  foreignIds?: ReadonlySet<string>;
  /** My role in each journal of the file: a withdrawal never removes a record I wrote. */
  roles?: Readonly<Partial<Record<string, Role>>>;
}

/**
 * May a withdrawal marker remove this local record? Only a record its sender wrote (not one
 * written on this device, i.e. by me), of a kind that may be private, that is shared here and
 * whose visibility was last set before the withdrawal.
 */
export function mayWithdraw(mine: AnyRecord, marker: Withdrawal, myRole: Role | undefined): boolean {
  if (!KIND_REGISTRY[mine.kind].mayBePrivate || marker.kind !== mine.kind) return false;
  if (myRole === undefined || mine.author === myRole) return false;
  if (mine.visibility === 'private') return false;
  return (mine.stamps.visibility ?? ZERO_STAMP) < marker.at;
}

/**
 * Plans an import: merges each record of the file into the local copy, and removes the shared
 * records the partner withdrew (see `mayWithdraw`). A record whose id belongs to another journal
 * on this device is left out and listed in `keptOut`: a record belongs to exactly one journal.
 */
export function planImport(
  local: readonly AnyRecord[],
  remote: readonly AnyRecord[],
  withdrawn: readonly Withdrawal[] = [],
  context: PlanContext = {},
): ImportPlan {
  const byId = new Map<string, AnyRecord>();
  for (const record of local) byId.set(record.id, record);
  const counts: Partial<Record<KindName, KindCounts>> = {};
  const total: KindCounts = { ...EMPTY_COUNTS };
  const bump = (kind: KindName, key: keyof KindCounts) => {
    counts[kind] ??= { ...EMPTY_COUNTS };
    counts[kind][key] += 1;
    total[key] += 1;
  };
  const puts: AnyRecord[] = [];
  const conflicts: FieldConflict[] = [];
  const keptOut: KeptOut[] = [];
  for (const theirs of remote) {
    const mine = byId.get(theirs.id);
    if (!mine && context.foreignIds?.has(theirs.id)) {
      keptOut.push({ id: theirs.id, kind: theirs.kind, name: recordName(theirs.kind, theirs) });
      continue;
    }
    // The same copy on both sides (most records of a partner's file): nothing to merge.
    if (mine && sameRecord(mine, theirs)) {
      bump(mine.kind, 'unchanged');
      continue;
    }
    const { record, conflicts: found } = mergeCopies(mine, theirs);
    if (found.length) {
      conflicts.push(...found);
      bump(record.kind, 'conflicting');
    }
    if (!mine) {
      puts.push(record);
      bump(record.kind, 'added');
    } else if (sameRecord(mine, record)) {
      bump(record.kind, 'unchanged');
    } else {
      puts.push(record);
      bump(record.kind, !mine.deleted && record.deleted ? 'deleted' : 'changed');
    }
  }
  const inFile = new Set(remote.map((r) => r.id));
  const removes: { id: string; kind: KindName }[] = [];
  for (const marker of withdrawn) {
    const mine = byId.get(marker.id);
    if (!mine || inFile.has(marker.id)) continue;
    if (!mayWithdraw(mine, marker, context.roles?.[mine.journalId])) continue;
    removes.push({ id: mine.id, kind: mine.kind });
    bump(mine.kind, 'withdrawn');
  }
  return { puts, removes, conflicts, counts, total, keptOut };
}

/** A plan with the records a file had as this device has them (left out of it, see `OpenedFile.sameAsDevice`) counted unchanged. */
export function countSameAsDevice(plan: ImportPlan, same: Partial<Record<KindName, number>>): ImportPlan {
  const entries = Object.entries(same) as [KindName, number][];
  if (!entries.length) return plan;
  const counts = { ...plan.counts };
  const total = { ...plan.total };
  for (const [kind, count] of entries) {
    counts[kind] = { ...(counts[kind] ?? EMPTY_COUNTS), unchanged: (counts[kind]?.unchanged ?? 0) + count };
    total.unchanged += count;
  }
  return { ...plan, counts, total };
}

/** The journal after a plan is applied, computed in memory (the tests compare it with the database). */
export function applyPlan(local: readonly AnyRecord[], plan: ImportPlan): AnyRecord[] {
  const byId = new Map(local.map((r) => [r.id, r]));
  for (const record of plan.puts) byId.set(record.id, record);
  for (const { id } of plan.removes) byId.delete(id);
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

/**
 * Withdrawal markers for a pair file: every private record I wrote whose visibility was changed
 * after it was created, so it was shared before.
 */
export function withdrawalsOf(records: readonly AnyRecord[], myRole: Role): Withdrawal[] {
  const markers: Withdrawal[] = [];
  for (const record of records) {
    if (record.visibility !== 'private' || record.author !== myRole) continue;
    if (!KIND_REGISTRY[record.kind].mayBePrivate) continue;
    const at = record.stamps.visibility;
    if (!at) continue;
    // Its visibility was changed after it was created (so it was shared before): the change left a
    // base, or its stamp is later than another field's (a delete may have restamped the others).
    // biome-ignore lint/complexity/useMathMinMax: stamps are text, compared in text order
    const earliest = Object.values(record.stamps).reduce((min, s) => (s < min ? s : min), at);
    if (record.bases.visibility !== undefined || at > earliest)
      markers.push({ id: record.id, kind: record.kind, at });
  }
  return markers;
}
