import type { KIND_REGISTRY, KindName } from '../../model/registry';
/** Search over the current journal: pure, so it can be measured and tested on its own. */

/** The kinds search covers: those the registry gives a search heading. */
export type HitKind = {
  [K in KindName]: (typeof KIND_REGISTRY)[K] extends { searchHeading: string } ? K : never;
}[KindName];

/** One searchable record: its title, where it opens, and the text it is found by. */
export interface SearchEntry {
  kind: HitKind;
  id: string;
  title: string;
  /** Where the hit opens (agenda items, action items and meeting notes open their meeting). */
  href: string;
  /** Extra words shown under the title (a meeting's date, "Private"). */
  context?: string;
  /** The searchable texts. */
  texts: string[];
  /** The texts folded for matching (lower case, accents removed), joined. */
  folded: string;
  /** Sort key within a group: later first. */
  sortKey: string;
}

export interface SearchHit {
  entry: SearchEntry;
  /** A short piece of the matching text around the first match. */
  snippet: string;
}

/** Lower case without accents, so "resume" finds "Résumé". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Makes an entry from a record's texts (empty texts dropped). */
export function entry(
  fields: Omit<SearchEntry, 'folded' | 'texts' | 'sortKey'> & {
    texts: (string | undefined)[];
    sortKey?: string;
  },
): SearchEntry {
  const texts = fields.texts.filter((t): t is string => !!t?.trim());
  return { ...fields, texts, sortKey: fields.sortKey ?? '', folded: fold(texts.join('\n')) };
}

const SNIPPET_RADIUS = 60;

function snippetOf(entry: SearchEntry, words: string[]): string {
  for (const text of entry.texts) {
    const folded = fold(text);
    // Folding keeps one character per character for Latin text, so positions match the original.
    const at = folded.indexOf(words[0]!);
    if (at < 0 || folded.length !== text.length) continue;
    const start = Math.max(0, at - SNIPPET_RADIUS);
    const end = Math.min(text.length, at + words[0]!.length + SNIPPET_RADIUS);
    return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
  }
  const first = entry.texts.find((t) => t !== entry.title) ?? '';
  return first.length > SNIPPET_RADIUS * 2 ? `${first.slice(0, SNIPPET_RADIUS * 2).trim()}…` : first;
}

/**
 * The entries that contain every word of the query (case- and accent-insensitive), grouped by
 * kind in the order given, each group latest first.
 */
export function search(entries: readonly SearchEntry[], query: string): Map<HitKind, SearchHit[]> {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const groups = new Map<HitKind, SearchHit[]>();
  if (words.length === 0) return groups;
  for (const e of entries) {
    if (!words.every((w) => e.folded.includes(w))) continue;
    const list = groups.get(e.kind) ?? [];
    list.push({ entry: e, snippet: snippetOf(e, words) });
    groups.set(e.kind, list);
  }
  for (const list of groups.values())
    list.sort((a, b) => (a.entry.sortKey < b.entry.sortKey ? 1 : a.entry.sortKey > b.entry.sortKey ? -1 : 0));
  return groups;
}
