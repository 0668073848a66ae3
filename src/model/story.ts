import * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

export const STORY_CONTEXTS = ['work', 'school', 'volunteering', 'life'] as const;
export type StoryContext = (typeof STORY_CONTEXTS)[number];
export const STORY_STATUSES = ['draft', 'ready'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const storySkillSchema = z.object({
  name: shortText,
  /** "I enjoyed using this." */
  enjoyed: z.boolean(),
});
export type StorySkill = z.infer<typeof storySkillSchema>;

/** An accomplishment story: Problem, Action, Result, and why it matters. */
export const StoryKind = defineKind('story', {
  content: {
    title: shortText,
    problem: longText,
    action: longText,
    result: longText,
    soWhat: longText,
    /** A 90-second telling for interviews. */
    short: longText,
    context: z.enum(STORY_CONTEXTS),
    date: dateSchema,
    period: shortText,
    skills: z.array(storySkillSchema),
    goalIds: z.array(z.string()),
    /** Interview questions (src/model/interviewQuestions.ts) the mentee linked this story to by hand. */
    questionIds: z.array(z.string()),
    status: z.enum(STORY_STATUSES),
  },
  longText: ['problem', 'action', 'result', 'soWhat', 'short'],
});
export type Story = z.infer<typeof StoryKind.schema>;

// Readiness is a rule of its own, free of zod (src/model/storyRules.ts); re-exported for older imports.
export { missingForReady, STORY_BANK_TARGET, STORY_REQUIRED_FOR_READY } from './storyRules';
