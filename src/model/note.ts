import * as z from 'zod/mini';
import { longText } from './common';
import { defineKind, KIND_NAMES } from './kind';

/**
 * A note attached to any record — for instance a private note on a meeting. A note is its own
 * record so that its visibility is its own: a private note never travels with the meeting.
 */
export const NoteKind = defineKind('note', {
  content: {
    parentKind: z.enum(KIND_NAMES),
    parentId: z.string(),
    text: longText,
  },
  longText: ['text'],
});
export type Note = z.infer<typeof NoteKind.schema>;
