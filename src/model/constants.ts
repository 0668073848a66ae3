/** Constants of the data model, free of zod so the first load can use them without the schemas. */

/** Who wrote a record, or whose turn, duty or action item it is. */
export const ROLES = ['mentee', 'mentor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may see a record: `private` stays on the author's device (and their own backup); `pair`
 * goes to the partner in the pair file; `committee` also appears in the committee summary.
 */
export const VISIBILITIES = ['private', 'pair', 'committee'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Fields of the envelope that never change after creation. */
export const FIXED_FIELDS = ['id', 'journalId', 'createdAt', 'author', 'kind', 'stamps', 'bases'] as const;
/** Fields of the envelope that can be edited, and so carry stamps like content does. */
export const EDITABLE_ENVELOPE_FIELDS = ['visibility', 'deleted'] as const;

export const DEFAULT_LENGTH_MONTHS = 18;
/** At least quarterly: the programme's usual cadence. */
export const DEFAULT_CADENCE_DAYS = 91;
