import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

export { DEFAULT_CADENCE_DAYS, DEFAULT_LENGTH_MONTHS } from './constants';

/** The pair's shared facts. Its `id` is the journal id, and its `journalId` is itself. */
export const JournalKind = defineKind('journal', {
  content: {
    menteeName: shortText,
    mentorName: shortText,
    programme: shortText,
    startDate: dateSchema,
    lengthMonths: z.number().check(z.int(), z.minimum(1), z.maximum(120)),
    cadenceDays: z.number().check(z.int(), z.minimum(1), z.maximum(366)),
    purpose: longText,
    communication: longText,
    menteeConfirmedOn: dateSchema,
    mentorConfirmedOn: dateSchema,
    closedDate: dateSchema,
  },
  longText: ['purpose', 'communication'],
});
export type Journal = z.infer<typeof JournalKind.schema>;
