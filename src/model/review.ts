import * as z from 'zod/mini';
import { dateSchema, longText } from './common';
import { defineKind } from './kind';
import { REVIEW_QUESTIONS, REVIEW_STAGES } from './reviewQuestions';

export { REVIEW_QUESTIONS, REVIEW_STAGES, type ReviewQuestion, type ReviewStage } from './reviewQuestions';

/**
 * One person's answer to one question of a review (see `reviewAnswerId`): each answer is its own
 * record, so each has its own visibility, like a reflection answer.
 */
export const ReviewKind = defineKind('review', {
  content: {
    stage: z.enum(REVIEW_STAGES),
    question: z.enum(REVIEW_QUESTIONS),
    /** The goal a goal question is about. */
    goalId: z.string(),
    answer: longText,
    answeredOn: dateSchema,
    /** On the `finished` record: the day the person finished their part. */
    finishedOn: dateSchema,
  },
  longText: ['answer'],
});
export type Review = z.infer<typeof ReviewKind.schema>;
