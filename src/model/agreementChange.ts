import type * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

/** A dated entry in the history of the partnership agreement: what changed, and from what to what. */
export const AgreementChangeKind = defineKind('agreementChange', {
  content: {
    changedOn: dateSchema,
    /** The agreement field that changed, e.g. `purpose` or `cadenceDays`. */
    field: shortText,
    from: longText,
    to: longText,
  },
});
export type AgreementChange = z.infer<typeof AgreementChangeKind.schema>;
