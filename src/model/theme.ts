import type * as z from 'zod/mini';
import { longText, shortText } from './common';
import { defineKind } from './kind';

/**
 * What the mentee writes about a theme (a skill that recurs in their stories): the jobs and places
 * that use it. The theme itself is derived from the stories; its id is derived from the skill's
 * normalised name, so both devices write to one record.
 */
export const ThemeKind = defineKind('theme', {
  content: {
    /** The skill, normalised: lower case, surrounding spaces removed. */
    skill: shortText,
    jobsAndPlaces: longText,
  },
  longText: ['jobsAndPlaces'],
});
export type Theme = z.infer<typeof ThemeKind.schema>;
