/**
 * Pure rules about stories, asked the same way by the story bank, the story editor and the list
 * read models in src/db. Zod-free, so a list can use them without loading the schemas.
 */

/** The workshop's recommended size of a story bank. */
export const STORY_BANK_TARGET = 6;

/** The parts a story must have before it can be marked ready. */
export const STORY_REQUIRED_FOR_READY = ['title', 'problem', 'action', 'result'] as const;

/** The fields the readiness rules read. */
export interface StoryParts {
  status?: string;
  title?: string;
  problem?: string;
  action?: string;
  result?: string;
}

/** Which of the parts needed for "ready" are still empty (completeness, separate from validity). */
export function missingForReady(story: StoryParts): (typeof STORY_REQUIRED_FOR_READY)[number][] {
  return STORY_REQUIRED_FOR_READY.filter((field) => !story[field]?.trim());
}

/** A story counts toward the bank when it is marked ready and still has every part it needs. */
export function isStoryReady(story: StoryParts): boolean {
  return story.status === 'ready' && missingForReady(story).length === 0;
}

/** The fields story order reads. */
export interface DatedStory {
  date?: string;
  createdAt: string;
}

/** The day a story is ordered by: its own date, else the day it was started. */
export function storyDay(story: DatedStory): string {
  return story.date ?? story.createdAt.slice(0, 10);
}

/**
 * Story bank order, oldest first: by the story's day (`storyDay`), then by when it was started.
 * Reverse it (`compareStories(b, a)`) for newest first. Dates compare as text: ISO dates sort so.
 */
export function compareStories(a: DatedStory, b: DatedStory): number {
  const dayA = storyDay(a);
  const dayB = storyDay(b);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
