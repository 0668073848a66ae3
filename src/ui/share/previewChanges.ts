import { recordTitle } from '../../model/describe';
import { KIND_NAMES, type KindName } from '../../model/kind';
import type { AnyRecord } from '../../model/kinds';
import type { KindCounts } from '../../sync/merge';

/** The ways an import changes a record, in the order the preview lists them. */
export const CHANGE_ORDER = ['added', 'changed', 'deleted', 'withdrawn', 'conflicting', 'unchanged'] as const;
export type Change = (typeof CHANGE_ORDER)[number];

/** How many records the preview names for each change before "and 12 more". */
export const NAMED_PER_CHANGE = 3;

/** One line of the preview: "2 new: “Run a story time”, “Read together”". */
export interface ChangeLine {
  change: Change;
  count: number;
  /** The first few records' titles (none for unchanged records). */
  titles: string[];
}

/** What an import does to one kind of record. */
export interface KindChanges {
  kind: KindName;
  lines: ChangeLine[];
}

/** What `previewChanges` reads of a preview: the plan and the records on this device it was made from. */
export interface PreviewSource {
  plan: {
    puts: readonly AnyRecord[];
    removes: readonly { id: string; kind: KindName }[];
    conflicts: readonly { recordId: string; kind: KindName }[];
    counts: Partial<Record<KindName, KindCounts>>;
  };
  local: readonly AnyRecord[];
}

const UNTITLED = 'one with no title';

/**
 * Per kind, what an import will change, naming the first few records of each change: new, changed,
 * deleted, withdrawn (made private by the partner), changed by both, and how many stay as they are.
 * Counts come from the plan, so they always agree with what the import writes.
 */
export function previewChanges({ plan, local }: PreviewSource): KindChanges[] {
  const mine = new Map(local.map((r) => [r.id, r]));
  const titles = new Map<string, string[]>();
  const titleOf = (record: AnyRecord | undefined) =>
    record ? recordTitle(record as Record<string, unknown>) : undefined;
  // A deleted record comes without its text: it is named as this device knows it.
  const name = (kind: KindName, change: Change, record: AnyRecord | undefined, before?: AnyRecord) => {
    const key = `${kind}:${change}`;
    let list = titles.get(key);
    if (!list) {
      list = [];
      titles.set(key, list);
    }
    if (list.length < NAMED_PER_CHANGE) list.push(titleOf(record) ?? titleOf(before) ?? UNTITLED);
  };
  for (const record of plan.puts) {
    const before = mine.get(record.id);
    const change: Change = !before ? 'added' : !before.deleted && record.deleted ? 'deleted' : 'changed';
    name(record.kind, change, record, before);
  }
  for (const removed of plan.removes) name(removed.kind, 'withdrawn', mine.get(removed.id));
  const conflicted = new Set<string>();
  const byId = new Map(plan.puts.map((r) => [r.id, r]));
  for (const conflict of plan.conflicts) {
    if (conflicted.has(conflict.recordId)) continue;
    conflicted.add(conflict.recordId);
    name(conflict.kind, 'conflicting', byId.get(conflict.recordId), mine.get(conflict.recordId));
  }
  return KIND_NAMES.flatMap((kind) => {
    const counts = plan.counts[kind];
    if (!counts) return [];
    const lines = CHANGE_ORDER.filter((change) => counts[change] > 0).map((change) => ({
      change,
      count: counts[change],
      titles: change === 'unchanged' ? [] : (titles.get(`${kind}:${change}`) ?? []),
    }));
    return lines.length ? [{ kind, lines }] : [];
  });
}

const CHANGE_WORDS: Record<Change, string> = {
  added: 'new',
  changed: 'changed',
  deleted: 'deleted',
  withdrawn: 'made private by your partner, so removed here',
  conflicting: 'changed by both of you, to choose afterwards',
  unchanged: 'already the same here',
};

/** A line in words: "2 new: “Run a story time”, “Read together”" or "5 new: “A”, “B”, “C” and 2 more". */
export function changeLineText({ change, count, titles }: ChangeLine): string {
  const head = `${count.toLocaleString('en')} ${CHANGE_WORDS[change]}`;
  if (titles.length === 0) return head;
  const named = titles.map((t) => (t === UNTITLED ? t : `“${t}”`)).join(', ');
  const more = count - titles.length;
  return `${head}: ${named}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''}`;
}
