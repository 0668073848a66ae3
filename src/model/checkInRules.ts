/**
 * Check-in rules shared by the check-ins screen and the committee summary. Zod-free; pure.
 */
import type { Role } from './constants';
import { isCalendarDate } from './schedule';

/** The one question of a check-in answered on a scale, so that its answers show a trend. */
export const PARTNERSHIP_RATING_QUESTION = 'How is the partnership working?';

/** The scale of `rating`, 1 to 5, each point in words (a chart never shows a number alone). */
export const PARTNERSHIP_RATINGS = [1, 2, 3, 4, 5] as const;
export type PartnershipRating = (typeof PARTNERSHIP_RATINGS)[number];
export const PARTNERSHIP_RATING_LABELS: Record<PartnershipRating, string> = {
  1: 'Not working',
  2: 'Struggling',
  3: 'Getting there',
  4: 'Working well',
  5: 'Working very well',
};

/** One person's rating of the partnership on one day. */
export interface RatingPoint {
  id: string;
  date: string;
  author: Role;
  rating: PartnershipRating;
}

/** Whether a value is a rating on the 1–5 scale (a whole number). */
export function isRating(value: unknown): value is PartnershipRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The partnership ratings over time: every live, dated check-in with a rating, oldest first (then
 * by who wrote it, mentee before mentor), so both people's answers form two lines.
 */
export function ratingTrend(
  checkIns: readonly { id: string; date?: string; author: Role; rating?: number; deleted?: boolean }[],
): RatingPoint[] {
  return checkIns
    .filter(
      (c): c is typeof c & { date: string; rating: PartnershipRating } =>
        !c.deleted && isCalendarDate(c.date) && isRating(c.rating),
    )
    .map((c) => ({ id: c.id, date: c.date, author: c.author, rating: c.rating }))
    .sort(
      (a, b) => a.date.localeCompare(b.date) || a.author.localeCompare(b.author) || a.id.localeCompare(b.id),
    );
}
