import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';
import { PLAN_STEPS } from './programmePlan';

export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'missed', 'dropped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A step the pair agreed on, with a due date (a calendar date). */
export const MilestoneKind = defineKind('milestone', {
  content: {
    title: shortText,
    /** The goal it serves; kept (and shown unlinked) if that goal is deleted. */
    goalId: z.string(),
    dueDate: dateSchema,
    status: z.enum(MILESTONE_STATUSES),
    doneDate: dateSchema,
    evidence: longText,
    /** The meeting at which the pair agreed it. */
    agreedAtMeetingId: z.string(),
    /** The programme plan step this milestone is (see programmePlan.ts); its id derives from it. */
    planStep: z.enum(PLAN_STEPS),
  },
  longText: ['evidence'],
});
export type Milestone = z.infer<typeof MilestoneKind.schema>;
