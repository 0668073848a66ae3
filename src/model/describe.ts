/**
 * Records and fields named in words, for messages: "the goal “Present to the board”", "its due date".
 * Zod-free, so screens and the first load can use it.
 */
import { KIND_REGISTRY, type KindName } from './registry';

/** The text with its first letter in capitals: "the goal …" → "The goal …". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fields whose text names a record, in the order they are tried. */
const NAME_FIELDS = ['title', 'name', 'text', 'prompt', 'menteeName', 'date'] as const;

/** A field name as words: `successCriteria` → "success criteria", `stamps.dueDate` → "the clock stamp of “due date”". */
export function fieldWords(path: readonly PropertyKey[]): string {
  const words = (name: PropertyKey) =>
    String(name)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase();
  const [first, second] = path;
  if (first === undefined) return 'the record';
  if ((first === 'stamps' || first === 'bases') && second !== undefined) {
    return `the clock stamp of its ${words(second)}`;
  }
  if (typeof second === 'number') return `item ${second + 1} of its ${words(first)}`;
  return `its ${words(first)}`;
}

/** The text a record is known by (its title, name…), shortened; undefined when it has none. */
export function recordTitle(record: Record<string, unknown>): string | undefined {
  for (const field of NAME_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') {
      const text = value.slice(0, 200).trim().replace(/\s+/g, ' ');
      return text.length > 60 ? `${text.slice(0, 57)}…` : text;
    }
  }
  return undefined;
}

/** "the goal “Present to the board”", or "a goal" when it has no title yet. */
export function recordName(kind: KindName, record: Record<string, unknown>): string {
  const label = KIND_REGISTRY[kind].label;
  const title = recordTitle(record);
  if (title) return `the ${label} “${title}”`;
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} with no title`;
}
