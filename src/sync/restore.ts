import * as z from 'zod/mini';
import { KIND_NAMES, type KindName } from '../model/kind';
import { type AnyRecord, KINDS } from '../model/kinds';
import { KIND_INFO } from '../model/tables';
import { isObject } from './parseJson';

/** A record left out of an import, and why, for the preview's list. */
export interface DroppedRecord {
  /** The record's id when it has a readable one. */
  id?: string;
  /** The kind's label ("milestone") when known. */
  label?: string;
  reason: string;
}

export type Restored = { ok: true; record: AnyRecord } | { ok: false; dropped: DroppedRecord };

/** A single record bigger than this (as JSON) is dropped: the longest real record is about 300 kB. */
export const MAX_RECORD_CHARS = 1_000_000;

const KIND_SET: ReadonlySet<string> = new Set(KIND_NAMES);

function shortId(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, 100);
  return undefined;
}

/** What a schema issue means, in words, naming the field. */
function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.') || 'record';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `“${field}” is missing`
        : `“${field}” must be ${article(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `“${field}” is too long (at most ${issue.maximum} characters)`
        : `“${field}” must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `“${field}” is empty`
        : `“${field}” must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `“${field}” must be one of: ${issue.values.join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'date') return `“${field}” is not a valid date (YYYY-MM-DD)`;
      if (issue.format === 'datetime') return `“${field}” is not a valid date and time`;
      return `“${field}” is not a valid ${issue.format}`;
    default:
      return `“${field}”: ${issue.message.toLowerCase()}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns one record of unknown shape into a valid record, in the Excalidraw manner: fills the
 * envelope's defaults (not deleted, no stamps or bases yet, shared with the partner), keeps
 * unknown fields written by a newer version so a round trip loses nothing, and checks every known
 * field. A record that cannot be made valid is dropped with the reason; it never throws.
 */
export function restoreRecord(raw: unknown): Restored {
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
    const label = KIND_INFO[kind as KindName].label;
    // A plain copy: no prototype tricks survive, and the input is never changed.
    const record: Record<string, unknown> = { ...raw };
    record.deleted ??= false;
    record.visibility ??= 'pair';
    record.stamps = isObject(record.stamps) ? { ...record.stamps } : (record.stamps ?? {});
    record.bases = isObject(record.bases) ? { ...record.bases } : (record.bases ?? {});
    if (kind === 'journal') record.journalId ??= id;
    if (JSON.stringify(record).length > MAX_RECORD_CHARS) {
      return { ok: false, dropped: { id, label, reason: 'it is larger than any real record (over 1 MB)' } };
    }
    const result = z.safeParse(KINDS[kind as KindName].schema, record);
    if (!result.success) {
      return { ok: false, dropped: { id, label, reason: describe(result.error.issues[0]!) } };
    }
    if (kind === 'journal' && record.journalId !== id) {
      return { ok: false, dropped: { id, label, reason: 'a journal’s “journalId” must be its own id' } };
    }
    return { ok: true, record: record as AnyRecord };
  } catch (error) {
    const raw0 = raw as { id?: unknown } | null;
    return {
      ok: false,
      dropped: { id: shortId(raw0?.id), reason: `it could not be read (${(error as Error).message})` },
    };
  }
}

/** Restores every record of a file, each on its own: good records are kept, faulty ones listed. */
export function restoreRecords(raw: readonly unknown[]): { records: AnyRecord[]; dropped: DroppedRecord[] } {
  const records: AnyRecord[] = [];
  const dropped: DroppedRecord[] = [];
  for (const item of raw) {
    const restored = restoreRecord(item);
    if (restored.ok) records.push(restored.record);
    else dropped.push(restored.dropped);
  }
  return { records, dropped };
}
