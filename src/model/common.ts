import * as z from 'zod/mini';
import { isStamp } from './hlc';

export * from './constants';

import { ROLES, VISIBILITIES } from './constants';

/** Longest text a long field (notes, story parts, descriptions) may hold. */
export const MAX_LONG_TEXT = 50_000;
/** Longest text a short field (titles, names, places) may hold. */
export const MAX_SHORT_TEXT = 500;

export const idSchema = z.string().check(z.minLength(1), z.maxLength(100));
export const stampSchema = z.string().check(z.refine(isStamp, 'must be a clock stamp'));
/** A calendar date, not an instant: YYYY-MM-DD. Due dates do not move with time zones. */
export const dateSchema = z.iso.date();
/** An instant in UTC. */
export const dateTimeSchema = z.iso.datetime();
/** A local time of day, HH:MM. */
export const timeSchema = z.iso.time({ precision: -1 });
export const roleSchema = z.enum(ROLES);
export const visibilitySchema = z.enum(VISIBILITIES);
export const shortText = z.string().check(z.maxLength(MAX_SHORT_TEXT));
export const longText = z.string().check(z.maxLength(MAX_LONG_TEXT));

/** One element of a list that merges as a set. */
export const elementEntrySchema = z.object({
  at: stampSchema,
  since: stampSchema,
  pos: z.optional(z.number().check(z.int(), z.minimum(0))),
  value: z.optional(z.unknown()),
  removed: z.optional(z.literal(true)),
});

/**
 * Fields every record carries so two devices can merge it: the rest of a record is its content,
 * all optional, because a draft is valid.
 */
export const envelopeShape = {
  id: idSchema,
  journalId: idSchema,
  createdAt: dateTimeSchema,
  author: roleSchema,
  visibility: visibilitySchema,
  /** A tombstone: the record was deleted and its content cleared. Never removed, so deletes sync. */
  deleted: z.boolean(),
  /** Per field, the clock stamp of its current value. */
  stamps: z.record(z.string(), stampSchema),
  /**
   * Per field, the stamp of the value this device replaced when it last edited the field. An
   * incoming edit whose base is older than our value's stamp was made without seeing our edit:
   * the two are concurrent, not one after the other.
   */
  bases: z.record(z.string(), stampSchema),
  /**
   * Per list that merges as a set (src/model/sets.ts), per element: the stamp of its latest add,
   * change or removal, the stamp of the add that placed it, its value (lists of objects) and
   * whether it was removed. Absent on records written before lists merged as sets.
   */
  elements: z.optional(z.record(z.string(), z.record(z.string(), elementEntrySchema))),
};
