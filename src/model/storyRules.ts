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
