import { STORY_CONTEXT_LABELS } from '../../model/labels';
import type { StoryStatus } from '../../model/story';

/** Words shown for where a story happened (the story bank export uses the same). */
export const CONTEXT_LABELS = STORY_CONTEXT_LABELS;

/** Words shown for a story's status. */
export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to tell',
};

/** How the parts a story needs before it is ready are named in messages. */
export const PART_NAMES: Record<'title' | 'problem' | 'action' | 'result', string> = {
  title: 'a title',
  problem: 'the problem',
  action: 'the action',
  result: 'the result',
};

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A story's title as shown in lists. */
export function storyTitle(story: { title?: string }): string {
  return story.title?.trim() || 'Untitled story';
}
