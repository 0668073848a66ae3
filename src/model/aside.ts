/**
 * Values kept aside. A file from a newer version may hold a value this version does not understand
 * (a status it does not know, a date in a new form). Restore keeps the rest of the record and puts
 * such a value here, with its stamp: it is not shown and not merged as a value, and an export writes
 * it back under its own name, so a round trip through this version loses nothing. A later edit of
 * the field on this device (or a delete) wins over it, and then it is dropped.
 */

/** The record field that holds values kept aside; device-side only, never written into a file. */
export const ASIDE_FIELD = 'keptAside';

/** One value kept aside, with the stamp it carried. */
export interface AsideValue {
  value: unknown;
  stamp?: string;
}

export type AsideMap = Record<string, AsideValue>;

/** The values a record keeps aside (empty when none). */
export function asideOf(record: object): AsideMap {
  const aside = (record as Record<string, unknown>)[ASIDE_FIELD];
  return typeof aside === 'object' && aside !== null ? (aside as AsideMap) : {};
}

/**
 * A record with its aside values dropped where a newer stamp (an edit or delete this version
 * understands) has replaced them. `stampOf(field)` is the stamp of the field's known value.
 */
export function pruneAside<T extends object>(record: T, stampOf: (field: string) => string | undefined): T {
  const aside = asideOf(record);
  const names = Object.keys(aside);
  if (names.length === 0) return record;
  const kept: AsideMap = {};
  for (const name of names) {
    const entry = aside[name]!;
    const known = stampOf(name);
    if (known === undefined || (entry.stamp !== undefined && entry.stamp > known)) kept[name] = entry;
  }
  const next = { ...record } as Record<string, unknown>;
  if (Object.keys(kept).length) next[ASIDE_FIELD] = kept;
  else delete next[ASIDE_FIELD];
  return next as T;
}

/** The record as a file carries it: each aside value written back under its own name, with its stamp. */
export function withAsideWrittenBack<T extends object>(record: T): T {
  const aside = asideOf(record);
  if (!(ASIDE_FIELD in record)) return record;
  const next = { ...record } as unknown as Record<string, unknown> & { stamps: Record<string, string> };
  delete next[ASIDE_FIELD];
  next.stamps = { ...next.stamps };
  for (const [name, entry] of Object.entries(aside)) {
    next[name] = entry.value;
    if (entry.stamp !== undefined) next.stamps[name] = entry.stamp;
    else delete next.stamps[name];
  }
  return next as T;
}
