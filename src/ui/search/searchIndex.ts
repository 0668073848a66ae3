/**
 * The full-text index of one journal (MiniSearch), built once from every record search covers and
 * then kept current record by record as they change (src/db/searchSource.ts). Loaded with the
 * search screen only. It holds the words and, per record, only what sorts and links its hit; the
 * texts shown for a hit are read again from the database when the hit is shown.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { getDb, type MentoringDb } from '../../db';
import { countRecords, followRecords, type RecordChange, type RecordListener } from '../../db/searchSource';
import type { RecordFor } from '../../model/kinds';
import {
  SEARCH_KINDS,
  type SearchKind,
  type SearchLookup,
  searchSpec,
  searchTexts,
} from '../../model/searchFields';

/** Lower case without accents, so "resume" finds "Résumé". */
export function fold(text: string): string {
  // Plain ASCII (most text) only needs lower case; normalising is the slow part.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for "anything outside ASCII"
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * What separates words: spaces and punctuation (ASCII, Latin-1, general and CJK punctuation). Letters
 * of every script stay in words. Listed as ranges because a `\p{…}` split is several times slower,
 * and splitting is much of the time it takes to index a journal.
 */
const NOT_WORD =
  /[\s!-/:-@[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u3000-\u303f\uff01-\uff0f]+/;

/** The words of a text, folded (lower case, no accents), in order, repeats kept. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(NOT_WORD)
    .filter((word) => word !== '');
}

/**
 * Words too common to tell records apart: not indexed (a fifth less memory). A query drops them,
 * unless it has nothing else (the first key "a" still finds "agenda").
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have i in is it its my of on or our so that the this to was we were will with you your'.split(
    ' ',
  ),
);

/** The words of a query that are looked up: folded, once each, common words left out if others remain. */
export function queryWords(query: string): string[] {
  const words = [...new Set(wordsOf(query))];
  const telling = words.filter((word) => !STOP_WORDS.has(word));
  return telling.length ? telling : words;
}

/** One hit: the record, its kind, and the indexed words it was found by. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  terms: string[];
}

/** What a query found, grouped by kind (in the order of SEARCH_KINDS), each group latest first. */
export interface SearchResults {
  groups: Map<SearchKind, SearchHit[]>;
  total: number;
  /** Nothing matched exactly: these hits have words spelled a little differently. */
  closeSpellings: boolean;
}

/** What the index keeps of a record: enough to sort and link its hit, and to see that its text changed. */
interface IndexedRecord {
  kind: SearchKind;
  sortKey: string;
  sortsWith: string | undefined;
  continues: string | undefined;
  textHash: number;
}

/** FNV-1a over the text: tells an edit that changes the words from one that does not. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Work is done in slices this long, so typing stays smooth while a big journal is indexed. */
const SLICE_MS = 12;
/**
 * While the index is first built, the screen hears of progress this often — or less often when
 * its searches are slow (a one-letter query on a big journal), so searching the partial index
 * never takes more than a small share of the time the build needs.
 */
const PROGRESS_MS = 500;
const PROGRESS_PER_SEARCH = 8;

const EMPTY: SearchResults = { groups: new Map(), total: 0, closeSpellings: false };

/** Runs `work` soon, after the browser has had a chance to handle input and paint. */
function soon(work: () => void) {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(work, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    work();
  };
  channel.port2.postMessage(null);
}

/** How an index is made: built ahead (`background`), and the journal's records if already counted. */
export interface IndexOptions {
  background?: boolean;
  /** `countRecords` of the journal over SEARCH_KINDS, when the caller has it. */
  records?: number;
}

type Follow = (
  journalId: string,
  kinds: readonly SearchKind[],
  listener: RecordListener,
  db: MentoringDb,
) => () => void;

/** The search index of one journal, kept current while it lives. */
export class JournalIndex implements SearchLookup {
  private readonly mini = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    // Each word once per record: hits are sorted by date, not by how often a word occurs, and
    // repeats only cost time.
    tokenize: (text) => [...new Set(wordsOf(text))],
    processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
    // Queries are split and folded by queryWords() first.
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  private readonly records = new Map<string, IndexedRecord>();
  private readonly continuedBy = new Map<string, number>();
  private readonly pending: { change: RecordChange; next: number; taken: () => void }[] = [];
  private readonly unread = new Set<SearchKind>(SEARCH_KINDS);
  /** Records taken in by the first read so far, of how many the journal holds (once counted). */
  private readonly firstRead: { taken: number; of: number | undefined } = { taken: 0, of: undefined };
  private readonly listeners = new Set<() => void>();
  private readonly stop: () => void;
  private working = false;
  /** Built ahead, nobody searching yet: work is done only when the page is idle. */
  private background: boolean;
  private idleWork: number | undefined;
  private lastProgress = 0;
  private lastSearchMs = 0;
  /** Grows with every change to what the index holds. */
  version = 0;
  /** Why the journal could not be read, if it could not. */
  error: unknown;

  constructor(
    readonly journalId: string,
    readonly db: MentoringDb = getDb(),
    follow: Follow = followRecords,
    { background = false, records }: IndexOptions = {},
  ) {
    this.background = background;
    // Counted by index, nothing read: only to say how far the first read has come.
    if (records !== undefined) this.firstRead.of = records;
    else
      countRecords(journalId, SEARCH_KINDS, db).then(
        (of) => {
          this.firstRead.of = of;
        },
        () => undefined,
      );
    this.stop = follow(
      journalId,
      SEARCH_KINDS,
      {
        change: (change) =>
          new Promise<void>((taken) => {
            this.pending.push({ change, next: 0, taken });
            if (!this.working) {
              this.working = true;
              this.schedule();
            }
          }),
        error: (error) => {
          this.error = error;
          this.notify();
        },
      },
      db,
    );
  }

  /** Whether every record has been read and indexed once (until then, results are partial). */
  get ready(): boolean {
    return this.unread.size === 0 && this.pending.length === 0;
  }

  /** While the journal is first read: how many of its records are in, of how many; else undefined. */
  get progress(): { taken: number; of: number } | undefined {
    const { taken, of } = this.firstRead;
    if (this.ready || of === undefined) return undefined;
    return { taken: Math.min(taken, of), of };
  }

  /** How many records the index holds. */
  get size(): number {
    return this.records.size;
  }

  /** Calls `listener` after the index changes; returns a function that stops. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the journal's changes. */
  dispose() {
    this.stop();
    if (this.idleWork !== undefined) cancelIdleCallback(this.idleWork);
    this.idleWork = undefined;
    this.listeners.clear();
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  continued(id: string): boolean {
    return (this.continuedBy.get(id) ?? 0) > 0;
  }

  /**
   * The records with every word of the query (a word may be the start of a longer one: "poste"
   * finds "poster"), case and accents ignored. When nothing matches exactly, close spellings.
   */
  search(query: string): SearchResults {
    const words = queryWords(query);
    if (words.length === 0) return EMPTY;
    const started = performance.now();
    const results = this.find(words);
    this.lastSearchMs = performance.now() - started;
    return results;
  }

  private find(words: string[]): SearchResults {
    const text = words.join(' ');
    let found = this.mini.search(text, { prefix: true, combineWith: 'AND' });
    let closeSpellings = false;
    if (found.length === 0 && words.some((word) => word.length >= 4)) {
      found = this.mini.search(text, {
        prefix: true,
        combineWith: 'AND',
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      });
      closeSpellings = found.length > 0;
    }
    return { ...this.group(found), closeSpellings };
  }

  private group(found: SearchResult[]): Omit<SearchResults, 'closeSpellings'> {
    const byKind = new Map<SearchKind, { hit: SearchHit; key: string }[]>();
    for (const result of found) {
      const id = result.id as string;
      const record = this.records.get(id);
      if (!record) continue;
      const key = record.sortsWith ? (this.records.get(record.sortsWith)?.sortKey ?? '') : record.sortKey;
      const list = byKind.get(record.kind) ?? [];
      if (list.length === 0) byKind.set(record.kind, list);
      list.push({ hit: { id, kind: record.kind, terms: result.terms }, key });
    }
    const groups = new Map<SearchKind, SearchHit[]>();
    let total = 0;
    for (const kind of SEARCH_KINDS) {
      const list = byKind.get(kind);
      if (!list) continue;
      list.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.hit.id < b.hit.id ? -1 : 1));
      groups.set(
        kind,
        list.map((entry) => entry.hit),
      );
      total += list.length;
    }
    return { groups, total };
  }

  /** Work is wanted: soon, or when the page is next idle while the index is built in the background. */
  private schedule() {
    if (this.background && typeof requestIdleCallback === 'function') {
      this.idleWork = requestIdleCallback(() => {
        this.idleWork = undefined;
        this.work();
      });
    } else soon(() => this.work());
  }

  /** Someone is searching: the rest of the work goes at full pace, without waiting for idle time. */
  foreground() {
    if (!this.background) return;
    this.background = false;
    if (this.idleWork === undefined) return;
    cancelIdleCallback(this.idleWork);
    this.idleWork = undefined;
    soon(() => this.work());
  }

  /** Indexes pending changes for one slice of time, then yields and carries on. */
  private work() {
    const until = performance.now() + SLICE_MS;
    while (this.pending.length && performance.now() < until) {
      const item = this.pending[0]!;
      const { change } = item;
      const kind = change.kind as SearchKind;
      if (item.next === 0) {
        for (const id of change.removed) this.remove(id);
        if (change.complete) this.forgetAllBut(kind, change.complete);
      }
      while (item.next < change.records.length && performance.now() < until)
        this.put(kind, change.records[item.next++] as RecordFor<SearchKind>);
      if (item.next >= change.records.length) {
        this.pending.shift();
        if (this.unread.has(kind)) this.firstRead.taken += change.records.length + change.removed.length;
        if (change.complete) this.unread.delete(kind);
        item.taken();
      }
    }
    this.version++;
    if (this.pending.length) {
      if (this.progressDue()) this.notify();
      this.schedule();
    } else {
      this.working = false;
      if (this.ready || this.progressDue()) this.notify();
    }
  }

  private progressDue(): boolean {
    return (
      performance.now() - this.lastProgress >= Math.max(PROGRESS_MS, PROGRESS_PER_SEARCH * this.lastSearchMs)
    );
  }

  private notify() {
    this.lastProgress = performance.now();
    for (const listener of this.listeners) listener();
  }

  private put<K extends SearchKind>(kind: K, record: RecordFor<K>) {
    const spec = searchSpec(kind);
    const text = searchTexts(kind, record).join('\n');
    const textHash = hashOf(text);
    const old = this.records.get(record.id);
    if (old) this.uncontinue(old);
    if (!old || old.textHash !== textHash) {
      if (old) this.mini.discard(record.id);
      this.mini.add({ id: record.id, text });
    }
    const indexed: IndexedRecord = {
      kind,
      sortKey: spec.sortKey(record),
      sortsWith: spec.sortsWith?.(record),
      continues: spec.continues?.(record),
      textHash,
    };
    this.records.set(record.id, indexed);
    if (indexed.continues)
      this.continuedBy.set(indexed.continues, (this.continuedBy.get(indexed.continues) ?? 0) + 1);
  }

  private remove(id: string) {
    const old = this.records.get(id);
    if (!old) return;
    this.uncontinue(old);
    this.mini.discard(id);
    this.records.delete(id);
  }

  private forgetAllBut(kind: SearchKind, keep: ReadonlySet<string>) {
    for (const [id, record] of this.records) if (record.kind === kind && !keep.has(id)) this.remove(id);
  }

  private uncontinue(record: IndexedRecord) {
    if (!record.continues) return;
    const count = (this.continuedBy.get(record.continues) ?? 0) - 1;
    if (count > 0) this.continuedBy.set(record.continues, count);
    else this.continuedBy.delete(record.continues);
  }
}

let current: JournalIndex | undefined;

/**
 * The search index of a journal: built on first use, then kept current, so coming back to search
 * is instant. Only the latest journal's index is kept: asking for another drops it. One made for
 * building ahead (`background`) works only while the page is idle, until `foreground()`.
 */
export function journalIndex(
  journalId: string,
  db: MentoringDb = getDb(),
  options: IndexOptions = {},
): JournalIndex {
  if (current && (current.journalId !== journalId || current.db !== db)) {
    current.dispose();
    current = undefined;
  }
  current ??= new JournalIndex(journalId, db, followRecords, options);
  return current;
}

const SNIPPET_RADIUS = 60;
const LETTER = /[\p{L}\p{N}]/u;

/** Where a word starts with `term` in folded text, or -1. */
function wordStart(folded: string, term: string): number {
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1))
    if (at === 0 || !LETTER.test(folded[at - 1]!)) return at;
  return -1;
}

/**
 * A short piece of a record's text around the first word it was found by (the text as written,
 * on one line); the start of its first text other than its title when no word is found.
 */
export function snippetOf(texts: readonly string[], terms: readonly string[], title: string): string {
  for (const text of texts) {
    const folded = fold(text);
    // Folding keeps one character per character for text written precomposed, so positions match.
    if (folded.length !== text.length) continue;
    for (const term of terms) {
      const at = wordStart(folded, term);
      if (at < 0) continue;
      const start = Math.max(0, at - SNIPPET_RADIUS);
      const end = Math.min(text.length, at + term.length + SNIPPET_RADIUS);
      return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
    }
  }
  const first = texts.find((text) => text !== title) ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET_RADIUS * 2 ? `${line.slice(0, SNIPPET_RADIUS * 2).trim()}…` : line;
}
