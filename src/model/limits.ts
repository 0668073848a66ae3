/**
 * How much one file carries, and so how much a device may hold: what the app writes, it can always
 * read back (docs/file-formats.md, "Limits").
 */

/** The most records one pair file or backup holds. */
export const MAX_FILE_RECORDS = 110_000;

/**
 * New records stop here: a device that holds this many records (all its journals, deleted ones
 * included) refuses to add one, in words. The last 10,000 up to MAX_FILE_RECORDS are room for
 * what the partner sends, so a pair can keep exchanging files; an import that would pass
 * MAX_FILE_RECORDS is refused.
 */
export const DEVICE_RECORD_LIMIT = 100_000;
