import type { WaitingChoice } from '../../db/importTransaction';
import { capitalize } from '../../model/describe';
import { fieldLabel } from '../../model/labels';
import { KIND_INFO } from '../../model/tables';

/** Where the Share screen lists what waits for a choice (a link to it scrolls there). */
export const CHOICES_PATH = '/share#changed-by-both';
export const CHOICES_ID = 'changed-by-both';

/** "the goal “Present to the board”", or "a goal with no title". */
export function recordInWords(choice: Pick<WaitingChoice, 'kind' | 'title'>): string {
  const label = KIND_INFO[choice.kind].label;
  if (choice.title) return `the ${label} “${choice.title}”`;
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} with no title`;
}

/** A choice's heading: "The goal “Present to the board”: Success criteria". */
export function choiceHeading(choice: Pick<WaitingChoice, 'kind' | 'title' | 'field'>): string {
  return `${capitalize(recordInWords(choice))}: ${fieldLabel(choice.kind, choice.field)}`;
}

/** "1 text", "3 texts". */
export function textsInWords(count: number): string {
  return `${count} text${count === 1 ? '' : 's'}`;
}
