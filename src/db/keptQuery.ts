/**
 * Live queries whose latest result outlives the screen that showed it. A list read model at 50,000
 * records takes longer to read from IndexedDB than a list may take to appear (the records carry
 * their long text, and IndexedDB cannot read part of a record), so the rows a list read stay in
 * memory after its screen closes, and the next visit gets them at once — until a write to one of
 * the tables it reads (in this tab or another: Dexie's `storagemutated` event) makes them out of
 * date, which drops them. So a kept result is never older than a live query's would be.
 *
 * While someone subscribes, it is a live query: every write to its tables reads it again and
 * hands on the new result. Only the last few results nobody watches are kept (`MAX_IDLE`).
 */
import { Dexie, type ObservabilitySet, type Observable, type Subscription } from 'dexie';
import type { MentoringDb } from './database';

/** How many results without a subscriber are kept (the lists and a few goal pages). */
export const MAX_IDLE = 8;

interface Listener {
  next?: (value: unknown) => void;
  error?: (error: unknown) => void;
}

interface Entry {
  key: string;
  /** Prefixes of the `storagemutated` parts that make this result out of date: one per table read. */
  parts: readonly string[];
  read: () => Promise<unknown>;
  /** The latest result, only while no write to its tables has come since it was read. */
  kept?: { value: unknown };
  /** Counts the writes to its tables: a read that began before one may be out of date. */
  version: number;
  reading: boolean;
  listeners: Set<Listener>;
}

const entries = new Map<string, Entry>();
let listening = false;

function touches(entry: Entry, parts: ObservabilitySet): boolean {
  for (const part of Object.keys(parts)) {
    // `all`: Dexie's word for "anything may have changed" (a page restored from the back-forward cache).
    if (part === 'all') return true;
    if (entry.parts.some((prefix) => part.startsWith(prefix))) return true;
  }
  return false;
}

function listen() {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const entry of [...entries.values()]) {
      if (!touches(entry, parts)) continue;
      entry.version += 1;
      entry.kept = undefined;
      if (entry.listeners.size > 0) read(entry);
      else if (!entry.reading) entries.delete(entry.key);
    }
  });
}

function read(entry: Entry) {
  if (entry.reading) return;
  entry.reading = true;
  const version = entry.version;
  entry.read().then(
    (value) => {
      entry.reading = false;
      const current = entry.version === version;
      if (current) entry.kept = { value };
      for (const listener of [...entry.listeners]) listener.next?.(value);
      // A write came while reading: what was read may miss it, so read again for whoever watches.
      if (!current && entry.listeners.size > 0) read(entry);
      if (!current && entry.listeners.size === 0) entries.delete(entry.key);
    },
    (error: unknown) => {
      entry.reading = false;
      entry.kept = undefined;
      for (const listener of [...entry.listeners]) listener.error?.(error);
      if (entry.listeners.size === 0) entries.delete(entry.key);
    },
  );
}

/** Forgets the oldest results nobody watches, beyond `MAX_IDLE` (entries are in order of last use). */
function evictIdle() {
  const idle = [...entries.values()].filter((e) => e.listeners.size === 0);
  for (const entry of idle.slice(0, Math.max(0, idle.length - MAX_IDLE))) entries.delete(entry.key);
}

/**
 * `query` as a live query over `tables` of `db`, its result kept between subscriptions (see above).
 * `key` names the query and its arguments (the same key is the same result).
 */
export function keptLiveQuery<T>(
  db: MentoringDb,
  tables: readonly string[],
  key: string,
  query: () => Promise<T>,
): Observable<T> {
  const fullKey = `${db.name}\u0000${key}`;
  const subscribe = (
    observerOrNext?:
      | { next?: (value: T) => void; error?: (error: unknown) => void }
      | ((value: T) => void)
      | null,
    error?: ((error: unknown) => void) | null,
  ): Subscription => {
    listen();
    const listener: Listener =
      typeof observerOrNext === 'function' || !observerOrNext
        ? { next: (observerOrNext ?? undefined) as Listener['next'], error: error ?? undefined }
        : (observerOrNext as Listener);
    let entry = entries.get(fullKey);
    if (!entry) {
      entry = {
        key: fullKey,
        parts: tables.map((table) => `idb://${db.name}/${table}/`),
        read: query,
        version: 0,
        reading: false,
        listeners: new Set(),
      };
    } else {
      // Most recently used last.
      entries.delete(fullKey);
    }
    entries.set(fullKey, entry);
    entry.listeners.add(listener);
    if (entry.kept) listener.next?.(entry.kept.value);
    else read(entry);
    const subscribed = entry;
    let closed = false;
    return {
      get closed() {
        return closed;
      },
      unsubscribe() {
        if (closed) return;
        closed = true;
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0) evictIdle();
      },
    };
  };
  // The kept result, if any, can be had before subscribing: a screen shows it in its first render.
  const kept = () => entries.get(fullKey)?.kept;
  const observable = {
    subscribe,
    hasValue: () => kept() !== undefined,
    getValue: () => kept()?.value as T,
  };
  // Dexie's Observable type also names a Symbol.observable method, which nothing here uses.
  return observable as unknown as Observable<T>;
}
