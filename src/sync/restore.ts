import * as z from 'zod/mini';
import { ASIDE_FIELD, type AsideMap } from '../model/aside';
import {
  elementEntrySchema,
  envelopeShape,
  longText,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  shortText,
} from '../model/common';
import { fieldWords, recordName } from '../model/describe';
import { isStamp } from '../model/hlc';
import { KIND_NAMES, type KindName } from '../model/kind';
import { type AnyRecord, KINDS } from '../model/kinds';
import { KIND_REGISTRY } from '../model/registry';
import { ELEMENTS_FIELD, type ElementMap, listOf, setFieldsOf } from '../model/sets';
import { describeIssue } from '../model/validate';
import { isObject } from './parseJson';

/** A record left out of an import, and why, for the preview's list. */
export interface DroppedRecord {
  /** The record's id when it has a readable one. */
  id?: string;
  /** The kind's label ("milestone") when known. */
  label?: string;
  /** The record in words ("the goal “Present to the board”"), when known. */
  name?: string;
  reason: string;
}

/** A value restore could not use and kept aside with its record, for the preview to say so. */
export interface AsideNote {
  id: string;
  /** The record in words. */
  name: string;
  /** The field in words and what was wrong: "its status must be one of: …". */
  reason: string;
}

export type Restored =
  | { ok: true; record: AnyRecord; aside: AsideNote[] }
  | { ok: false; dropped: DroppedRecord };

/** A single record bigger than this (as JSON) is dropped: the longest real record is about 300 kB. */
export const MAX_RECORD_CHARS = 1_000_000;

const KIND_SET: ReadonlySet<string> = new Set(KIND_NAMES);
/** Envelope fields without which a record cannot be merged: a record missing one is dropped. */
const IDENTITY = ['journalId', 'author', 'createdAt'] as const;
/** Names restore itself handles; every other name is a content (or unknown) field. */
const ENVELOPE = new Set([
  'id',
  'kind',
  'visibility',
  'deleted',
  'stamps',
  'bases',
  ASIDE_FIELD,
  ELEMENTS_FIELD,
  ...IDENTITY,
]);

function shortId(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, 100);
  return undefined;
}

function problem(schema: z.ZodMiniType, value: unknown): string | undefined {
  // Text fields, most of a record, are let through without zod when they are fine (zod words a fault).
  if (typeof value === 'string') {
    if (schema === longText && value.length <= MAX_LONG_TEXT) return undefined;
    if (schema === shortText && value.length <= MAX_SHORT_TEXT) return undefined;
  }
  const result = z.safeParse(schema, value);
  return result.success ? undefined : describeIssue(result.error.issues[0]!, value);
}

/**
 * Keeps the valid stamps of a stamp map; returns the fields whose stamp was not a real one.
 * `known` holds stamps already found valid (a file repeats each stamp many times).
 */
function validStamps(value: unknown, known: Set<string>): { stamps: Record<string, string>; bad: string[] } {
  const stamps: Record<string, string> = {};
  const bad: string[] = [];
  if (!isObject(value)) return { stamps, bad };
  for (const field of Object.keys(value)) {
    const stamp = value[field];
    if (known.has(stamp as string)) stamps[field] = stamp as string;
    else if (isStamp(stamp)) {
      known.add(stamp);
      stamps[field] = stamp;
    } else bad.push(field);
  }
  return { stamps, bad };
}

/**
 * Could this value's JSON be longer than `limit`? An upper bound, cheap to take (each character of
 * text counted as the six an escape may take), so JSON is written only for the rare record near it.
 */
function mayBeLonger(value: unknown, limit: number): boolean {
  let budget = limit;
  const visit = (v: unknown): boolean => {
    if (typeof v === 'string') budget -= 6 * v.length + 2;
    else if (typeof v !== 'object' || v === null) budget -= 24;
    else {
      budget -= 2;
      for (const key of Object.keys(v)) {
        budget -= 6 * key.length + 4;
        if (visit((v as Record<string, unknown>)[key])) return true;
      }
    }
    return budget < 0;
  };
  return visit(value);
}

/**
 * Turns one record of unknown shape into a valid record, field by field (Excalidraw's
 * `restoreElementWithProperties`): a missing value becomes the kind's default (for visibility the
 * kind's own default, never anything wider); a value this version does not understand is kept
 * aside with its stamp (see src/model/aside.ts) and the rest of the record is kept; unknown fields
 * of a newer version are kept as they are. Only a record that cannot be told apart or merged (no
 * valid id, kind, journal, author or creation time) is dropped, with the reason. Never throws.
 */
export function restoreRecord(raw: unknown, known: Set<string> = new Set()): Restored {
  try {
    if (!isObject(raw)) return { ok: false, dropped: { reason: 'it is not a record' } };
    const id = raw.id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
      return {
        ok: false,
        dropped: { reason: `its id is not valid text (${JSON.stringify(id ?? null)?.slice(0, 40)})` },
      };
    }
    const kind = raw.kind;
    if (typeof kind !== 'string' || !KIND_SET.has(kind)) {
      return {
        ok: false,
        dropped: { id, reason: `its kind “${String(kind).slice(0, 40)}” is not one this version knows` },
      };
    }
    const name = kind as KindName;
    const info = KIND_REGISTRY[name];
    let named: string | undefined;
    /** The record in words, found only when a message needs it. */
    const words = () => {
      named ??= recordName(name, raw);
      return named;
    };
    const drop = (reason: string): Restored => ({
      ok: false,
      dropped: { id, label: info.label, name: words(), reason },
    });
    if (mayBeLonger(raw, MAX_RECORD_CHARS) && JSON.stringify(raw).length > MAX_RECORD_CHARS)
      return drop('it is larger than any real record (over 1 MB)');

    // A plain copy: no prototype tricks survive, and the input is never changed.
    const record: Record<string, unknown> = { id, kind };
    const source: Record<string, unknown> = { ...raw };
    if (name === 'journal') source.journalId ??= id;
    for (const field of IDENTITY) {
      const fault = problem(envelopeShape[field], source[field]);
      if (fault) return drop(`${fieldWords([field])} ${fault}`);
      record[field] = source[field];
    }
    if (name === 'journal' && record.journalId !== id) return drop('a journal must be its own journal');

    const aside: AsideMap = {};
    const notes: AsideNote[] = [];
    const { stamps, bad: badStamps } = validStamps(source.stamps, known);
    const { stamps: bases } = validStamps(source.bases, known);
    for (const field of badStamps) {
      notes.push({
        id,
        name: words(),
        reason: `${fieldWords(['stamps', field])} is not a real time, so the other copy’s value wins`,
      });
    }
    /** Sets a value aside, with its stamp (its stamp then leaves the known cell, so the value is not merged). */
    const setAside = (field: string, value: unknown, fault: string) => {
      aside[field] = stamps[field] === undefined ? { value } : { value, stamp: stamps[field] };
      delete stamps[field];
      delete bases[field];
      notes.push({ id, name: words(), reason: `${fieldWords([field])} ${fault}` });
    };

    // Visibility: missing → the kind's default; a value this version does not know → private
    // (it cannot be told how narrow the newer value is, so it is never widened), kept aside.
    const visibility = source.visibility;
    if (visibility === undefined) record.visibility = info.defaultVisibility;
    else {
      const fault = problem(envelopeShape.visibility, visibility);
      record.visibility = fault ? 'private' : visibility;
      if (fault) setAside('visibility', visibility, `${fault}; it is kept private here`);
    }
    const deleted = source.deleted;
    if (deleted === undefined || typeof deleted === 'boolean') record.deleted = deleted ?? false;
    else {
      record.deleted = false;
      setAside('deleted', deleted, problem(envelopeShape.deleted, deleted) ?? 'is not yes or no');
    }

    const content = KINDS[name].content as Record<string, z.ZodMiniType>;
    for (const field of Object.keys(source)) {
      const value = source[field];
      if (ENVELOPE.has(field) || value === undefined) continue;
      const schema = content[field];
      const fault = schema ? problem(schema, value) : undefined;
      if (fault) setAside(field, value, fault);
      else record[field] = value;
    }
    record.stamps = stamps;
    record.bases = bases;
    const elements = restoreElements(name, source[ELEMENTS_FIELD], content, (field, fault) =>
      notes.push({
        id,
        name: words(),
        reason: `the list history of its ${fieldWords([field]).slice(4)} ${fault}, so the list is merged as one value`,
      }),
    );
    if (elements) record[ELEMENTS_FIELD] = elements;
    if (Object.keys(aside).length) record[ASIDE_FIELD] = aside;
    // Every field was checked with its own schema above, so the record passes its kind's schema
    // (restore.property.test.ts holds this for any input), and is not checked whole a second time.
    return { ok: true, record: record as AnyRecord, aside: notes };
  } catch (error) {
    const raw0 = raw as { id?: unknown } | null;
    return {
      ok: false,
      dropped: { id: shortId(raw0?.id), reason: `it could not be read (${(error as Error).message})` },
    };
  }
}

/**
 * Keeps each set field's element map that is well formed and stands for a valid list; leaves out
 * (and reports) the others, whose list then merges as one value.
 */
function restoreElements(
  kind: KindName,
  raw: unknown,
  content: Record<string, z.ZodMiniType>,
  report: (field: string, fault: string) => void,
): Record<string, ElementMap> | undefined {
  if (raw === undefined) return undefined;
  const sets = setFieldsOf(kind);
  if (!isObject(raw)) {
    for (const field of Object.keys(sets)) report(field, 'is not readable');
    return undefined;
  }
  const kept: Record<string, ElementMap> = {};
  for (const [field, map] of Object.entries(raw)) {
    const keyProperty = sets[field];
    if (keyProperty === undefined) continue;
    const checked = z.safeParse(elementMapSchema, map);
    if (!checked.success) {
      report(field, 'is not readable');
      continue;
    }
    const fault = problem(content[field]!, listOf(checked.data as ElementMap, keyProperty));
    if (fault) report(field, `holds an element that ${fault.replace(/^must/, 'is not valid: it must')}`);
    else kept[field] = checked.data as ElementMap;
  }
  return Object.keys(kept).length ? kept : undefined;
}

const elementMapSchema = z.record(z.string(), elementEntrySchema);

/** Restores every record of a file, each on its own: good records are kept, faulty ones listed. */
export function restoreRecords(raw: readonly unknown[]): {
  records: AnyRecord[];
  dropped: DroppedRecord[];
  aside: AsideNote[];
} {
  const records: AnyRecord[] = [];
  const dropped: DroppedRecord[] = [];
  const aside: AsideNote[] = [];
  const known = new Set<string>();
  for (const item of raw) {
    const restored = restoreRecord(item, known);
    if (restored.ok) {
      records.push(restored.record);
      aside.push(...restored.aside);
    } else dropped.push(restored.dropped);
  }
  return { records, dropped, aside };
}
