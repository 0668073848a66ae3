/**
 * Lists that merge as sets: a story's skills and linked goals, an opportunity's linked goals, a
 * meeting's activities. Each element carries its own stamp (and a removal marker when it was taken
 * out), so two people who each add a different skill offline both keep theirs, and a removal made
 * on one device is kept when the other's copy still holds the element. Pure and zod-free.
 *
 * A record keeps, beside the list itself, `elements: { <field>: { <key>: ElementEntry } }`. The
 * list is always derived from that map: elements not removed, in the order they were added (then
 * by key), so every device derives the same list from the same map.
 */
import { sameJson } from './json';
import { KIND_REGISTRY, type KindInfo, type KindName } from './registry';

/** The record field that holds each set field's element map. */
export const ELEMENTS_FIELD = 'elements';

export interface ElementEntry {
  /** Stamp of the latest add, change or removal of this element. */
  at: string;
  /** Stamp of the add that put it in the list (its place in the list). */
  since: string;
  /** Its place among the elements added by the same edit. */
  pos?: number;
  /** The element, for lists of objects (skills); lists of text keep it in the key. */
  value?: unknown;
  removed?: true;
}

export type ElementMap = Record<string, ElementEntry>;

/** The set fields of a kind and how their elements are told apart (`null`: the element itself). */
export function setFieldsOf(kind: KindName): Readonly<Record<string, string | null>> {
  const info: KindInfo = KIND_REGISTRY[kind];
  return info.sets ?? {};
}

/** The key that identifies an element: the text itself, or its (trimmed, lower-case) named property. */
export function elementKey(keyProperty: string | null, element: unknown): string {
  const raw = keyProperty === null ? element : (element as Record<string, unknown> | null)?.[keyProperty];
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
  return keyProperty === null ? text : text.trim().toLowerCase();
}

/** A record's element map for a field, if it has one. */
export function storedElements(record: object, field: string): ElementMap | undefined {
  const all = (record as Record<string, unknown>)[ELEMENTS_FIELD] as Record<string, ElementMap> | undefined;
  return all && typeof all === 'object' ? all[field] : undefined;
}

/**
 * The element map of a field: the stored one, or (for a record written before lists merged as
 * sets) one made from the list, every element stamped with the list's own stamp.
 */
export function elementsOf(
  record: Record<string, unknown> & { stamps: Record<string, string> },
  field: string,
  keyProperty: string | null,
): ElementMap {
  const stored = storedElements(record, field);
  if (stored) return stored;
  const list = record[field];
  const at = record.stamps[field];
  const map: ElementMap = {};
  if (!Array.isArray(list) || !at) return map;
  for (const [pos, element] of list.entries()) {
    const key = elementKey(keyProperty, element);
    map[key] = keyProperty === null ? { at, since: at, pos } : { at, since: at, pos, value: element };
  }
  return map;
}

/** The list a map stands for: elements not removed, by the add that placed them (and their place in it), then by key. */
export function listOf(map: ElementMap, keyProperty: string | null): unknown[] {
  return Object.entries(map)
    .filter(([, entry]) => !entry.removed)
    .sort(
      ([ka, a], [kb, b]) =>
        (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
        (a.pos ?? 0) - (b.pos ?? 0) ||
        (ka < kb ? -1 : ka > kb ? 1 : 0),
    )
    .map(([key, entry]) => (keyProperty === null ? key : entry.value));
}

function entryText(entry: ElementEntry): string {
  return JSON.stringify([entry.at, entry.since, entry.pos ?? 0, entry.removed ?? false, entry.value ?? null]);
}

/** Merges two element maps: per element the entry with the later stamp (ties ordered by content). */
export function mergeElements(a: ElementMap, b: ElementMap): ElementMap {
  const merged: ElementMap = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[key];
    const y = b[key];
    if (!x || !y) merged[key] = (x ?? y)!;
    else if (x.at !== y.at) merged[key] = x.at > y.at ? x : y;
    else merged[key] = entryText(x) >= entryText(y) ? x : y;
  }
  return merged;
}

/**
 * The element map after a local edit replaced the list `before` (map) with `after`: added and
 * changed elements are stamped `stamp`, removed ones get a removal marker; untouched ones stay.
 */
export function editElements(
  before: ElementMap,
  after: readonly unknown[],
  keyProperty: string | null,
  stamp: string,
): ElementMap {
  const next: ElementMap = { ...before };
  const present = new Set<string>();
  for (const [pos, element] of after.entries()) {
    const key = elementKey(keyProperty, element);
    if (present.has(key)) continue;
    present.add(key);
    const old = before[key];
    const value = keyProperty === null ? undefined : element;
    if (old && !old.removed) {
      // Compared as data: an element read from a file has its keys in another order than a screen's.
      if (
        keyProperty !== null &&
        !(old.value === value || (value !== undefined && sameJson(old.value, value)))
      ) {
        next[key] = { ...old, at: stamp, value };
      }
    } else {
      next[key] =
        value === undefined ? { at: stamp, since: stamp, pos } : { at: stamp, since: stamp, pos, value };
    }
  }
  for (const [key, old] of Object.entries(before)) {
    if (!present.has(key) && !old.removed) next[key] = { ...old, at: stamp, removed: true };
  }
  return next;
}

/** The latest stamp in a map (the list's own stamp follows it). */
export function latestStamp(map: ElementMap): string | undefined {
  let latest: string | undefined;
  for (const entry of Object.values(map)) if (latest === undefined || entry.at > latest) latest = entry.at;
  return latest;
}
