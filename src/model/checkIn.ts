import type * as z from 'zod/mini';
import { dateSchema, longText } from './common';
import { defineKind } from './kind';

/** The questions of a partnership check-in, in the order they are asked. */
export const CHECK_IN_QUESTIONS = [
  'howItIsGoing',
  'whatWorksWell',
  'whatWorksLess',
  'whatWeGain',
  'supportValued',
  'supportWanted',
  'constraints',
  'changes',
] as const;

/** A partnership evaluation by one person (its author), dated. */
export const CheckInKind = defineKind('checkIn', {
  table: 'checkIns',
  label: 'check-in',
  content: {
    date: dateSchema,
    ...Object.fromEntries(CHECK_IN_QUESTIONS.map((q) => [q, longText])),
  } as { date: typeof dateSchema } & Record<(typeof CHECK_IN_QUESTIONS)[number], typeof longText>,
  longText: CHECK_IN_QUESTIONS,
});
export type CheckIn = z.infer<typeof CheckInKind.schema>;
