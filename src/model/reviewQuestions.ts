/**
 * The programme's reviews and what they ask, in our own words from the programme's evaluation
 * questions. Zod-free, so Home and search can use the words. Keep the ids stable: an answer's id
 * derives from its question's.
 */

export { REVIEW_STAGE_NAME, REVIEW_STAGES, type ReviewStage } from './reviewStages';

/**
 * What a review asks each person: per goal, what was achieved and what is next; of the
 * partnership, what worked and what did not. `finished` is the record that says a person's part is
 * done (it has no answer, only `finishedOn`).
 */
export const REVIEW_QUESTIONS = ['achieved', 'next', 'worked', 'did-not-work', 'finished'] as const;
export type ReviewQuestion = (typeof REVIEW_QUESTIONS)[number];

/** The questions asked of each goal. */
export const GOAL_QUESTIONS = ['achieved', 'next'] as const;
/** The questions asked of the partnership. */
export const PARTNERSHIP_QUESTIONS = ['worked', 'did-not-work'] as const;

/** Each question as it is asked. */
export const REVIEW_QUESTION_TEXT: Readonly<Record<ReviewQuestion, string>> = {
  achieved: 'What has this goal achieved so far?',
  next: 'What is next for it?',
  worked: 'What has worked well in our partnership?',
  'did-not-work': 'What has not worked, or could work better?',
  finished: 'My part is finished',
};
