import { Dexie, liveQuery, type Observable } from 'dexie';
import { ASIDE_FIELD, asideOf } from '../model/aside';
import { EDITABLE_ENVELOPE_FIELDS, FIXED_FIELDS, type Role, type Visibility } from '../model/constants';
import { capitalize, recordName } from '../model/describe';
import { newId } from '../model/ids';
import { sameJson } from '../model/json';
import type { KindName } from '../model/kind';
import type { RecordFor } from '../model/kinds';
import {
  ELEMENTS_FIELD,
  type ElementMap,
  editElements,
  elementsOf,
  listOf,
  setFieldsOf,
} from '../model/sets';
import { KIND_INFO } from '../model/tables';
import { ensureRoom } from './capacity';
import type { MentoringDb } from './database';
import { DeviceRepository } from './device';
import { ClosedJournalError, StorageError, toStorageError } from './errors';
import { askToKeepStorageOnce } from './persistence';

/** The content fields of a kind: everything a screen may set. */
export type ContentOf<K extends KindName> = Omit<RecordFor<K>, (typeof FIXED_FIELDS)[number] | 'deleted'>;
/** A change to some fields; `undefined` clears a field. */
export type Patch<K extends KindName> = { [F in keyof ContentOf<K>]?: ContentOf<K>[F] | undefined };

type Validate = typeof import('../model/validate').validateRecord;
let validator: Promise<Validate> | undefined;
let loadedValidator: Validate | undefined;

/**
 * Loads the zod schemas once, lazily, so they stay out of the first load. Await it before opening
 * a transaction that calls repository methods (see `finishMeeting`): awaiting the import inside a
 * Dexie transaction would let it commit early.
 */
export function loadValidator(): Promise<Validate> {
  validator ??= import('../model/validate').then((m) => {
    loadedValidator = m.validateRecord;
    return m.validateRecord;
  });
  return validator;
}

const NOT_CONTENT = new Set<string>([
  ...FIXED_FIELDS,
  ...EDITABLE_ENVELOPE_FIELDS,
  ASIDE_FIELD,
  ELEMENTS_FIELD,
]);

/**
 * The base of an edit of `field`: the stamp of the value it replaces — unless that value is this
 * device's own earlier edit, whose base carries over. So a field's base is always the last value
 * this device took from elsewhere (or its first own value): a partner's edit made after that
 * base's value, and never seen here, is told apart as concurrent however often this device edited
 * since. `stamp` is the edit's own stamp, which names this device's node.
 */
function baseOf(
  current: { stamps: Record<string, string>; bases: Record<string, string> },
  field: string,
  stamp: string,
): string | undefined {
  const replaced = current.stamps[field];
  if (!replaced) return undefined;
  const own = replaced.slice(-16) === stamp.slice(-16);
  return own && current.bases[field] ? current.bases[field] : replaced;
}

/**
 * Writes a local edit of the set fields (lists that merge as sets) among `fields` into `next`: each
 * element's stamp or removal marker in its map (from `current`, the record before the edit), and
 * the list derived from the map, so that every device derives the same list.
 */
function stampSets(
  kind: KindName,
  current: Record<string, unknown> & { stamps: Record<string, string> },
  next: Record<string, unknown>,
  fields: readonly string[],
  stamp: string,
) {
  const sets = setFieldsOf(kind);
  const touched = fields.filter((field) => field in sets);
  if (touched.length === 0) return;
  const elements = { ...(current[ELEMENTS_FIELD] as Record<string, ElementMap> | undefined) };
  for (const field of touched) {
    const keyProperty = sets[field]!;
    const list = Array.isArray(next[field]) ? (next[field] as unknown[]) : [];
    const map = editElements(elementsOf(current, field, keyProperty), list, keyProperty, stamp);
    elements[field] = map;
    if (next[field] !== undefined) next[field] = listOf(map, keyProperty);
  }
  next[ELEMENTS_FIELD] = elements;
}

/** The content field names present on a record (everything outside the envelope). */
export function contentFields(record: object): string[] {
  return Object.keys(record).filter((key) => !NOT_CONTENT.has(key));
}

/** Compared as data: a value read from a file has its keys in another order than a screen's. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && sameJson(a, b));
}

/**
 * The only code that reads and writes one kind's table. Every write is validated first (an
 * invalid record is refused and nothing is written), stamps only the fields it changes, and runs
 * in one transaction with the clock, so a failed write leaves both as they were. Called inside an
 * open read-write transaction, a write joins it: writes that belong together commit together.
 */
export class Repository<K extends KindName> {
  readonly device: DeviceRepository;

  constructor(
    readonly db: MentoringDb,
    readonly kind: K,
  ) {
    this.device = new DeviceRepository(db);
  }

  get table() {
    return this.db.table<RecordFor<K>, string>(KIND_INFO[this.kind].table);
  }

  /** The tables a write reads and writes: its own, the journals (is it closed?) and `local` (the clock). */
  private get writeTables() {
    const journals = this.db.table(KIND_INFO.journal.table);
    return this.kind === 'journal' ? [this.table, this.db.local] : [this.table, journals, this.db.local];
  }

  /**
   * Refuses a write into a closed journal (inside the write's transaction, so a close that arrives
   * meanwhile is seen). Reopening — changing only the journal's `closedDate` — is always allowed.
   */
  private async refuseIfClosed(journalId: string, changedFields: readonly string[] = []) {
    const journal = await this.db.table<RecordFor<'journal'>, string>(KIND_INFO.journal.table).get(journalId);
    if (!journal?.closedDate || journal.deleted) return;
    if (this.kind === 'journal' && changedFields.length > 0 && changedFields.every((f) => f === 'closedDate'))
      return;
    throw new ClosedJournalError();
  }

  private async write<T>(work: (validate: Validate) => Promise<T>): Promise<T> {
    if (Dexie.currentTransaction) {
      // Called inside a caller's read-write transaction (one that writes several records together,
      // such as finishing a meeting): join it without awaiting anything first, so every write
      // commits with the others or none does. Dexie refuses, loudly, when that transaction does
      // not cover this table and `local`. The caller has loaded the schemas before opening it.
      if (!loadedValidator)
        throw new Error('Load the schemas (loadValidator) before opening the transaction.');
      const validate = loadedValidator;
      askToKeepStorageOnce();
      return this.db.transaction('rw', this.writeTables, () => work(validate));
    }
    // The schemas load on the first write, outside the transaction: awaiting an import inside a
    // Dexie transaction would let it commit early.
    const validate = await loadValidator();
    try {
      const result = await this.db.transaction('rw', this.writeTables, () => work(validate));
      // Something worth keeping is now stored: ask the browser to keep it (once per page).
      askToKeepStorageOnce();
      return result;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Creates a record in a journal. The author is my role in that journal unless given; `id` may be
   * passed for records whose id is derived from their source (see `derivedId`).
   */
  async create(
    journalId: string,
    content: Patch<K> = {},
    options: { id?: string; visibility?: Visibility; author?: Role } = {},
  ): Promise<RecordFor<K>> {
    // A device that holds as many records as a file can carry takes no more (an operation that
    // opens its own transaction, such as creating a journal, asks before opening it).
    if (!Dexie.currentTransaction) await ensureRoom(this.db);
    return this.write(async (validateRecord) => {
      const id = options.id ?? newId();
      const existing = await this.table.get(id);
      if (existing) return existing;
      if (this.kind !== 'journal') await this.refuseIfClosed(journalId);
      const author = options.author ?? (await this.device.membership(journalId))?.role;
      if (!author) throw new Error(`This device has no role in journal ${journalId}`);
      const stamp = await this.device.nextStamp();
      const fields = Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
      const stamps: Record<string, string> = { visibility: stamp, deleted: stamp };
      for (const field of Object.keys(fields)) stamps[field] = stamp;
      const draft: Record<string, unknown> = { ...fields };
      stampSets(this.kind, { stamps: {} }, draft, Object.keys(fields), stamp);
      const record = validateRecord(this.kind, {
        ...draft,
        id,
        journalId: this.kind === 'journal' ? id : journalId,
        kind: this.kind,
        createdAt: new Date(this.db.wallClock()).toISOString(),
        author,
        visibility: options.visibility ?? KIND_INFO[this.kind].defaultVisibility,
        deleted: false,
        stamps,
        bases: {},
      });
      await this.table.add(record);
      return record;
    });
  }

  /**
   * Changes some fields of a record. Only the fields whose value really changes get a new stamp;
   * `visibility` may be changed here too. `resolvesConflict`: the edit is a choice between two
   * texts both people wrote, made having seen both. Returns the record as saved.
   */
  async update(
    id: string,
    patch: Patch<K> & { visibility?: Visibility },
    options: { resolvesConflict?: boolean } = {},
  ): Promise<RecordFor<K>> {
    return this.write(async (validateRecord) => {
      const current = await this.table.get(id);
      if (!current) throw new Error(`This ${KIND_INFO[this.kind].label} no longer exists on this device.`);
      const editable = (field: string) => field === 'visibility' || !NOT_CONTENT.has(field);
      const changed = Object.entries(patch).filter(
        ([field, value]) => editable(field) && !sameValue((current as Record<string, unknown>)[field], value),
      );
      if (changed.length === 0) return current;
      // A conflict's resolution is a choice between texts already written: merging, not editing.
      if (!options.resolvesConflict) {
        await this.refuseIfClosed(
          current.journalId,
          changed.map(([field]) => field),
        );
      }
      if (patch.visibility === 'private' && current.visibility !== 'private') {
        const myRole = (await this.device.membership(current.journalId))?.role;
        if (!KIND_INFO[this.kind].mayBePrivate) {
          throw new StorageError(
            `${capitalize(KIND_INFO[this.kind].plural)} are always shared with your partner, so ${recordName(this.kind, current)} cannot be kept to yourself. Nothing was changed.`,
          );
        }
        if (current.author !== myRole) {
          throw new StorageError(
            `Only the person who wrote ${recordName(this.kind, current)} can keep it to themselves. Nothing was changed.`,
          );
        }
      }
      const stamp = await this.device.nextStamp();
      const next: Record<string, unknown> = {
        ...current,
        stamps: { ...current.stamps },
        bases: { ...current.bases },
      };
      const stamps = next.stamps as Record<string, string>;
      const bases = next.bases as Record<string, string>;
      const aside = { ...asideOf(current) };
      for (const [field, value] of changed) {
        // An edit made here wins over a value a newer version wrote, kept aside for it.
        delete aside[field];
        if (value === undefined) delete next[field];
        else next[field] = value;
        // A conflict's resolution has seen both texts: it replaces the one the record holds now.
        const base = options.resolvesConflict ? current.stamps[field] : baseOf(current, field, stamp);
        if (base) bases[field] = base;
        stamps[field] = stamp;
      }
      if (Object.keys(aside).length) next[ASIDE_FIELD] = aside;
      else delete next[ASIDE_FIELD];
      stampSets(
        this.kind,
        current as unknown as Record<string, unknown> & { stamps: Record<string, string> },
        next,
        changed.map(([field]) => field),
        stamp,
      );
      const record = validateRecord(this.kind, next);
      await this.table.put(record);
      return record;
    });
  }

  /** Deletes a record: it becomes a tombstone with its content cleared, so the delete syncs. */
  async remove(id: string): Promise<void> {
    await this.write(async (validateRecord) => {
      const current = await this.table.get(id);
      if (!current || current.deleted) return;
      await this.refuseIfClosed(current.journalId);
      const stamp = await this.device.nextStamp();
      const next: Record<string, unknown> = { ...current, deleted: true };
      delete next[ASIDE_FIELD];
      delete next[ELEMENTS_FIELD];
      const stamps: Record<string, string> = { ...current.stamps, deleted: stamp };
      const bases: Record<string, string> = { ...current.bases };
      if (current.stamps.deleted) bases.deleted = current.stamps.deleted;
      for (const field of contentFields(current)) {
        delete next[field];
        const base = baseOf(current, field, stamp);
        if (base) bases[field] = base;
        stamps[field] = stamp;
      }
      await this.table.put(validateRecord(this.kind, { ...next, stamps, bases }));
    });
  }

  /**
   * Undoes a delete: brings back the same record (same id) with the content it had, `before` being
   * the record as it was read before `remove`. The restore is an edit after the delete — the
   * `deleted` cell and every content field get a new stamp — so it wins over the tombstone on every
   * device, as a later edit does. A record that is not deleted is left as it is.
   */
  async restore(id: string, before: RecordFor<K>): Promise<RecordFor<K>> {
    return this.write(async (validateRecord) => {
      const current = await this.table.get(id);
      if (!current) throw new Error(`This ${KIND_INFO[this.kind].label} no longer exists on this device.`);
      if (!current.deleted) return current;
      const stamp = await this.device.nextStamp();
      const next: Record<string, unknown> = {
        ...current,
        deleted: false,
        stamps: { ...current.stamps, deleted: stamp },
        bases: { ...current.bases },
      };
      const stamps = next.stamps as Record<string, string>;
      const bases = next.bases as Record<string, string>;
      if (current.stamps.deleted) bases.deleted = current.stamps.deleted;
      const fields = contentFields(before).filter(
        (field) => (before as Record<string, unknown>)[field] !== undefined,
      );
      for (const field of fields) {
        next[field] = (before as Record<string, unknown>)[field];
        const base = baseOf(current, field, stamp);
        if (base) bases[field] = base;
        stamps[field] = stamp;
      }
      stampSets(
        this.kind,
        current as unknown as Record<string, unknown> & { stamps: Record<string, string> },
        next,
        fields,
        stamp,
      );
      const record = validateRecord(this.kind, next);
      await this.table.put(record);
      return record;
    });
  }

  /** One record, deleted or not. */
  async get(id: string): Promise<RecordFor<K> | undefined> {
    return this.table.get(id);
  }

  /** The live (not deleted) records of a journal, or of one parent when an index and value are given. */
  async list(journalId: string, where?: { index: string; equals: string }): Promise<RecordFor<K>[]> {
    const rows = where
      ? await this.table.where(where.index).equals(where.equals).toArray()
      : await this.table.where('journalId').equals(journalId).toArray();
    return rows.filter((row) => !row.deleted && row.journalId === journalId);
  }

  /** `list` as a live query: emits again whenever the table changes, in this tab or another. */
  live(journalId: string, where?: { index: string; equals: string }): Observable<RecordFor<K>[]> {
    return liveQuery(() => this.list(journalId, where));
  }

  /**
   * One record (deleted or not) as a live query; `null` when there is none, so a screen can tell
   * "no such record" from "still loading".
   */
  liveOne(id: string): Observable<RecordFor<K> | null> {
    return liveQuery(async () => (await this.table.get(id)) ?? null);
  }
}
