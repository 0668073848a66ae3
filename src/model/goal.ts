import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Something the mentee is working towards, with a gap analysis. */
export const GoalKind = defineKind('goal', {
  content: {
    title: shortText,
    description: longText,
    whyItMatters: longText,
    successCriteria: longText,
    targetDate: dateSchema,
    status: z.enum(GOAL_STATUSES),
    /** Gap analysis: where I am now → where I want to be → how I will bridge it. */
    gapNow: longText,
    gapTarget: longText,
    gapBridge: longText,
  },
  longText: ['description', 'whyItMatters', 'successCriteria', 'gapNow', 'gapTarget', 'gapBridge'],
});
export type Goal = z.infer<typeof GoalKind.schema>;

/** A dated line in a goal's progress log: its own record, so both people can add entries. */
export const ProgressEntryKind = defineKind('progressEntry', {
  content: {
    goalId: z.string(),
    date: dateSchema,
    note: longText,
    percent: z.number().check(z.minimum(0), z.maximum(100)),
  },
  longText: ['note'],
});
export type ProgressEntry = z.infer<typeof ProgressEntryKind.schema>;
