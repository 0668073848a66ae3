import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

export const HOW_FOUND = ['referral', 'professional-network', 'event', 'other'] as const;
export type HowFound = (typeof HOW_FOUND)[number];

/** A person met through networking or an informational interview; possibly a sponsor. */
export const ContactKind = defineKind('contact', {
  content: {
    name: shortText,
    role: shortText,
    organisation: shortText,
    howFound: z.enum(HOW_FOUND),
    date: dateSchema,
    notes: longText,
    followUpDate: dateSchema,
    /** The four R's of an informational interview. */
    researched: z.boolean(),
    askedReferrals: z.boolean(),
    askedResumeReview: z.boolean(),
    remembered: z.boolean(),
    thankYouDate: dateSchema,
    /** Someone who advocates for the mentee, not only advises. */
    isSponsor: z.boolean(),
  },
  longText: ['notes'],
});
export type Contact = z.infer<typeof ContactKind.schema>;
