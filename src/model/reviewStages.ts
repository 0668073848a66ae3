/** The programme's two reviews and their names (zod-free and small: Home's first load uses them). */

/** The programme's two reviews: half-way, and in its last month. */
export const REVIEW_STAGES = ['mid-point', 'closing'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** A review's name: "Mid-point review". */
export const REVIEW_STAGE_NAME: Readonly<Record<ReviewStage, string>> = {
  'mid-point': 'Mid-point review',
  closing: 'Closing review',
};
