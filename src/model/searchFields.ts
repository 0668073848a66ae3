/**
 * What search knows of each record kind, in one table: the heading its hits are grouped under,
 * the fields whose words find a record, the hit's title, where it opens, what is shown under it
 * and how hits sort. Every kind has an entry — `null` for the kinds search leaves out — so a new
 * kind does not compile until someone decides. Zod-free (types only), so the search screen's chunk
 * stays small.
 */
import type { RecordFor } from './kinds';
import { REFLECTION_PROMPTS } from './reflectionPrompts';
import type { KindName } from './registry';
import { REVIEW_QUESTION_TEXT, REVIEW_STAGE_NAME } from './reviewQuestions';

/**
 * A piece of a hit's title or context: text, a calendar date (and time) the screen formats, or the
 * meeting a record belongs to ("Meeting 12 Mar 2026, 14:30"), which the screen reads to name it.
 */
export type HitPart = string | { date: string; time?: string } | { meetingOf: string };

/** What a hit may ask of the rest of the journal when it is shown. */
export interface SearchLookup {
  /** Whether this record is in the journal (and not deleted). */
  has(id: string): boolean;
  /** Whether a later record continues this one (an item carried forward to a later meeting). */
  continued(id: string): boolean;
}

/** The fields of a record that hold words: texts, and lists of named things (a story's skills). */
export type TextField<R> = {
  [F in keyof R]-?: NonNullable<R[F]> extends string | readonly { name: string }[] ? F : never;
}[keyof R] &
  string;

/** How search finds and shows one kind of record. */
export interface SearchSpec<K extends KindName> {
  /** The heading its hits are grouped under. */
  heading: string;
  /** The fields whose words find it: every long text the kind has, and its title or name. */
  fields: readonly TextField<RecordFor<K>>[];
  /** The hit's title (the text of its link). */
  title(record: RecordFor<K>): HitPart[];
  /** The address the hit opens. */
  href(record: RecordFor<K>, lookup: SearchLookup): string;
  /** Words shown under the title (a due date, the meeting it belongs to). */
  context?(record: RecordFor<K>, lookup: SearchLookup): HitPart[];
  /** Hits of a kind are shown latest first: this key, compared as text. */
  sortKey(record: RecordFor<K>): string;
  /** A record whose sort key this one takes instead (an agenda item sorts with its meeting). */
  sortsWith?(record: RecordFor<K>): string | undefined;
  /** The record this one continues, so that one can say it was carried forward. */
  continues?(record: RecordFor<K>): string | undefined;
}

const orUntitled = (text: string | undefined, untitled: string): HitPart[] => [text?.trim() || untitled];

/** The address of the page a record of a kind opens on, by id; undefined where it has none of its own. */
function pageOf(kind: KindName, id: string): string | undefined {
  switch (kind) {
    case 'goal':
      return `/goals/${id}`;
    case 'meeting':
      return `/meetings/${id}`;
    case 'story':
      return `/stories/${id}`;
    case 'contact':
      return `/networking/${id}`;
    default:
      return undefined;
  }
}

/** Every kind, searched or not; the order of the groups of hits is this table's order. */
export const SEARCH_SPECS = {
  journal: null, // the pair's names and dates: shown on Home and in Settings, not searched
  goal: {
    heading: 'Goals',
    fields: ['title', 'description', 'whyItMatters', 'successCriteria', 'gapNow', 'gapTarget', 'gapBridge'],
    title: (g) => orUntitled(g.title, 'Untitled goal'),
    href: (g) => `/goals/${g.id}`,
    sortKey: (g) => g.createdAt,
  },
  progressEntry: null, // a line of a goal's progress log, shown on the goal
  milestone: {
    heading: 'Milestones',
    fields: ['title', 'evidence'],
    title: (m) => orUntitled(m.title, 'Untitled milestone'),
    href: (m, lookup) => (m.goalId && lookup.has(m.goalId) ? `/goals/${m.goalId}` : '/milestones'),
    context: (m) => (m.dueDate ? ['Due ', { date: m.dueDate }] : []),
    sortKey: (m) => m.dueDate ?? '',
  },
  meeting: {
    heading: 'Meetings',
    fields: ['place', 'sharedNotes', 'nextTopics', 'summary'],
    title: (m) => (m.date ? ['Meeting ', { date: m.date, time: m.time }] : ['Meeting with no date yet']),
    href: (m) => `/meetings/${m.id}`,
    sortKey: (m) => m.date ?? '',
  },
  agendaItem: {
    heading: 'Agenda points',
    fields: ['text'],
    title: (a) => orUntitled(a.text, 'Untitled point'),
    href: (a) => (a.meetingId ? `/meetings/${a.meetingId}` : '/meetings'),
    context: (a) => (a.meetingId ? [{ meetingOf: a.meetingId }] : []),
    sortKey: () => '',
    sortsWith: (a) => a.meetingId,
    continues: (a) => a.carriedFromId,
  },
  actionItem: {
    heading: 'Action items',
    fields: ['text'],
    title: (a) => orUntitled(a.text, 'Untitled action'),
    href: (a) => (a.meetingId ? `/meetings/${a.meetingId}` : '/meetings'),
    context: (a, lookup) => [
      ...(a.meetingId ? [{ meetingOf: a.meetingId }, ' · '] : []),
      a.done ? 'Done' : lookup.continued(a.id) ? 'Carried to a later meeting' : 'Open',
    ],
    sortKey: () => '',
    sortsWith: (a) => a.meetingId,
    continues: (a) => a.carriedFromId,
  },
  note: {
    heading: 'Notes',
    fields: ['text'],
    title: (n) => [n.visibility === 'private' ? 'Private note' : 'Note'],
    href: (n) => (n.parentKind && n.parentId ? pageOf(n.parentKind, n.parentId) : undefined) ?? '/',
    context: (n) => (n.parentKind === 'meeting' && n.parentId ? [{ meetingOf: n.parentId }] : []),
    sortKey: (n) => n.createdAt,
  },
  story: {
    heading: 'Stories',
    fields: ['title', 'problem', 'action', 'result', 'soWhat', 'short', 'period', 'skills'],
    title: (s) => orUntitled(s.title, 'Untitled story'),
    href: (s) => `/stories/${s.id}`,
    sortKey: (s) => s.date ?? s.createdAt,
  },
  reflection: {
    heading: 'Reflections',
    fields: ['answer'],
    title: (r) => [REFLECTION_PROMPTS.find((p) => p.id === r.promptId)?.text ?? 'Reflection'],
    href: () => '/reflection',
    context: (r) => (r.answeredOn ? ['Answered ', { date: r.answeredOn }] : []),
    sortKey: (r) => r.answeredOn ?? r.createdAt,
  },
  contact: {
    heading: 'Contacts',
    fields: ['name', 'role', 'organisation', 'notes'],
    title: (c) => orUntitled(c.name, 'Unnamed contact'),
    href: (c) => `/networking/${c.id}`,
    context: (c) => [[c.role, c.organisation].filter((t) => t?.trim()).join(', ')],
    sortKey: (c) => c.date ?? c.createdAt,
  },
  opportunity: {
    heading: 'Opportunities',
    fields: ['title', 'takeaways'],
    title: (o) => orUntitled(o.title, 'Untitled opportunity'),
    href: () => '/opportunities',
    context: (o) => (o.startDate ? ['Starts ', { date: o.startDate }] : []),
    sortKey: (o) => o.startDate ?? o.createdAt,
  },
  checkIn: {
    heading: 'Check-ins',
    fields: [
      'howItIsGoing',
      'whatWorksWell',
      'whatWorksLess',
      'whatWeGain',
      'supportValued',
      'supportWanted',
      'constraints',
      'changes',
    ],
    title: (c) => (c.date ? ['Check-in of ', { date: c.date }] : ['Check-in']),
    href: () => '/check-ins',
    sortKey: (c) => c.date ?? c.createdAt,
  },
  duty: null, // a line of the partnership agreement, shown on its screen
  agreementChange: null, // the agreement's history
  theme: null, // a name for a group of skills: its skills are found through their stories
  review: {
    heading: 'Reviews',
    fields: ['answer'],
    title: (r) => [r.question ? REVIEW_QUESTION_TEXT[r.question] : 'Review answer'],
    href: (r) => `/reviews/${r.stage ?? 'mid-point'}`,
    context: (r) => [r.stage ? REVIEW_STAGE_NAME[r.stage] : 'Review'],
    sortKey: (r) => r.answeredOn ?? r.createdAt,
  },
} as const satisfies { [K in KindName]: SearchSpec<K> | null };

/** The kinds search covers. */
export type SearchKind = {
  [K in KindName]: (typeof SEARCH_SPECS)[K] extends null ? never : K;
}[KindName];

/** The kinds search covers, in the order their groups of hits are shown. */
export const SEARCH_KINDS = (Object.keys(SEARCH_SPECS) as KindName[]).filter(
  (kind): kind is SearchKind => SEARCH_SPECS[kind] !== null,
);

/** How search finds and shows a kind it covers. */
export function searchSpec<K extends SearchKind>(kind: K): SearchSpec<K> {
  return SEARCH_SPECS[kind] as unknown as SearchSpec<K>;
}

/** The texts a record is found by, in the order of its kind's fields (a list gives its names). */
export function searchTexts<K extends SearchKind>(kind: K, record: RecordFor<K>): string[] {
  const texts: string[] = [];
  for (const field of searchSpec(kind).fields) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value === 'string') {
      if (value.trim()) texts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value as { name?: unknown }[])
        if (typeof item?.name === 'string' && item.name.trim()) texts.push(item.name);
    }
  }
  return texts;
}
