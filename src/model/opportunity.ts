import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

export const OPPORTUNITY_TYPES = ['programme', 'institute', 'webinar', 'course', 'reading', 'other'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];
export const OPPORTUNITY_STATUSES = ['interested', 'applied', 'attending', 'done'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** A development opportunity: a programme, institute, webinar, course or reading. */
export const OpportunityKind = defineKind('opportunity', {
  content: {
    title: shortText,
    type: z.enum(OPPORTUNITY_TYPES),
    status: z.enum(OPPORTUNITY_STATUSES),
    startDate: dateSchema,
    endDate: dateSchema,
    link: shortText,
    takeaways: longText,
    goalIds: z.array(z.string()),
    /** The sponsor contact who opened this opportunity. */
    sponsorContactId: z.string(),
  },
  longText: ['takeaways'],
});
export type Opportunity = z.infer<typeof OpportunityKind.schema>;
