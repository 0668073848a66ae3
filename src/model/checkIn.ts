import * as z from 'zod/mini';
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

/**
 * What each question asks, in our words (after the sample evaluation questions mentoring
 * programmes use), with a short prompt to help answer it.
 */
export const CHECK_IN_QUESTION_TEXT: Record<
  (typeof CHECK_IN_QUESTIONS)[number],
  { label: string; hint: string }
> = {
  howItIsGoing: {
    label: 'How is our partnership going overall?',
    hint: 'A few words on how it feels to work together at the moment.',
  },
  whatWorksWell: {
    label: 'What is working well?',
    hint: 'Habits, conversations or activities worth keeping.',
  },
  whatWorksLess: {
    label: 'What is working less well than we hoped?',
    hint: 'Be honest and specific; this is how things get better.',
  },
  whatWeGain: {
    label: 'What are each of us getting out of it?',
    hint: 'For the mentee and for the mentor: skills, contacts, confidence, new ideas.',
  },
  supportValued: {
    label: 'Which support from the mentor does the mentee value most?',
    hint: 'Name a moment or a kind of help that made a difference.',
  },
  supportWanted: {
    label: 'What further support would the mentee welcome?',
    hint: 'Something to start, or to do more of.',
  },
  constraints: {
    label: 'What outside pressures get in the way, and how could we deal with them?',
    hint: 'Workload, distance, schedules, changes at work — and one idea for each.',
  },
  changes: {
    label: 'What should change, in how we work or in how the programme runs?',
    hint: 'Anything either of us, or the programme, could do differently.',
  },
};

/** A whole number from 1 to 5: the author's answer to `PARTNERSHIP_RATING_QUESTION` (checkInRules.ts). */
const ratingSchema = z.number().check(z.int(), z.minimum(1), z.maximum(5));

/**
 * A partnership evaluation by one person (its author), dated: each person keeps their own, so the
 * rating, like every answer, is one person's.
 */
export const CheckInKind = defineKind('checkIn', {
  content: {
    date: dateSchema,
    rating: ratingSchema,
    ...Object.fromEntries(CHECK_IN_QUESTIONS.map((q) => [q, longText])),
  } as { date: typeof dateSchema; rating: typeof ratingSchema } & Record<
    (typeof CHECK_IN_QUESTIONS)[number],
    typeof longText
  >,
  longText: CHECK_IN_QUESTIONS,
});
export type CheckIn = z.infer<typeof CheckInKind.schema>;
