import * as z from 'zod/mini';
import { dateSchema, roleSchema, shortText } from './common';
import { defineKind } from './kind';

/** A duty in the partnership agreement, and who ticked it. */
export const DutyKind = defineKind('duty', {
  content: {
    /** Whose duty it is. */
    role: roleSchema,
    text: shortText,
    order: z.number(),
    done: z.boolean(),
    checkedBy: roleSchema,
    checkedOn: dateSchema,
  },
});
export type Duty = z.infer<typeof DutyKind.schema>;
