/**
 * The one registry of record kinds: every per-kind list in the app — the newest database version's
 * tables and indexes, what export, backup, journal deletion and import read and write, the words
 * shown for a kind, the visibility a new record starts with, and who may make it private — is built
 * from this table. It is plain data, free of zod, so the first load can use it; the schemas that
 * check each kind's fields are in src/model/kinds.ts and load only when a write is validated.
 *
 * Adding a kind: see docs/data-model.md, "Adding a record kind".
 */
import type { Visibility } from './constants';

export interface KindInfo {
  /** The Dexie table that holds this kind. */
  table: string;
  /** The table's indexes in Dexie's notation, primary key first, as the newest database version declares them. */
  indexes: string;
  /** Name in messages: "goal", "action item". */
  label: string;
  /** The same, for several: "goals", "action items". */
  plural: string;
  /** Who sees a new record unless its screen says otherwise; restore also falls back to it. */
  defaultVisibility: Visibility;
  /**
   * Whether its author may keep it to themselves. Only such a record may be withdrawn from the
   * partner's device (the journal itself, its history and shared working records never are).
   */
  mayBePrivate: boolean;
  /**
   * Lists that merge as sets (see src/model/sets.ts), with the property that tells their elements
   * apart (`null`: the element itself, for lists of text).
   */
  sets?: Readonly<Record<string, string | null>>;
  /**
   * The committee summary shows records of this kind marked for the committee (only then is that
   * choice offered): opportunities once done, with their takeaways; reflection answers the mentee chose.
   */
  inSummary?: boolean;
}

/** Every record kind, in the order people read them (a preview lists kinds in this order). */
export const KIND_REGISTRY = {
  journal: {
    table: 'journals',
    indexes: 'id, journalId',
    label: 'journal',
    plural: 'journals',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  goal: {
    table: 'goals',
    indexes: 'id, journalId',
    label: 'goal',
    plural: 'goals',
    defaultVisibility: 'pair',
    mayBePrivate: true,
    inSummary: true,
  },
  progressEntry: {
    table: 'progressEntries',
    indexes: 'id, journalId, goalId',
    label: 'progress entry',
    plural: 'progress entries',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  milestone: {
    table: 'milestones',
    indexes: 'id, journalId, goalId, [journalId+dueDate]',
    label: 'milestone',
    plural: 'milestones',
    defaultVisibility: 'pair',
    mayBePrivate: true,
    inSummary: true,
  },
  meeting: {
    table: 'meetings',
    indexes: 'id, journalId, [journalId+date]',
    label: 'meeting',
    plural: 'meetings',
    defaultVisibility: 'pair',
    mayBePrivate: false,
    sets: { activities: null },
  },
  agendaItem: {
    table: 'agendaItems',
    indexes: 'id, journalId, meetingId',
    label: 'agenda item',
    plural: 'agenda items',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  actionItem: {
    table: 'actionItems',
    indexes: 'id, journalId, meetingId',
    label: 'action item',
    plural: 'action items',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  note: {
    table: 'notes',
    indexes: 'id, journalId, parentId',
    label: 'note',
    plural: 'notes',
    defaultVisibility: 'private',
    mayBePrivate: true,
    inSummary: true,
  },
  story: {
    table: 'stories',
    indexes: 'id, journalId, *goalIds',
    label: 'story',
    plural: 'stories',
    defaultVisibility: 'pair',
    mayBePrivate: true,
    sets: { skills: 'name', goalIds: null, questionIds: null },
    inSummary: true,
  },
  reflection: {
    table: 'reflections',
    indexes: 'id, journalId',
    label: 'reflection',
    plural: 'reflections',
    defaultVisibility: 'private',
    mayBePrivate: true,
    inSummary: true,
  },
  contact: {
    table: 'contacts',
    indexes: 'id, journalId',
    label: 'contact',
    plural: 'contacts',
    defaultVisibility: 'private',
    mayBePrivate: true,
  },
  opportunity: {
    table: 'opportunities',
    indexes: 'id, journalId',
    label: 'opportunity',
    plural: 'opportunities',
    defaultVisibility: 'pair',
    mayBePrivate: true,
    inSummary: true,
    sets: { goalIds: null },
  },
  checkIn: {
    table: 'checkIns',
    indexes: 'id, journalId',
    label: 'check-in',
    plural: 'check-ins',
    defaultVisibility: 'pair',
    mayBePrivate: true,
    inSummary: true,
  },
  duty: {
    table: 'duties',
    indexes: 'id, journalId',
    label: 'duty',
    plural: 'duties',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  agreementChange: {
    table: 'agreementChanges',
    indexes: 'id, journalId',
    label: 'agreement change',
    plural: 'agreement changes',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  theme: {
    table: 'themes',
    indexes: 'id, journalId',
    label: 'theme',
    plural: 'themes',
    defaultVisibility: 'pair',
    mayBePrivate: false,
  },
  review: {
    table: 'reviews',
    indexes: 'id, journalId',
    label: 'review answer',
    plural: 'review answers',
    defaultVisibility: 'pair',
    mayBePrivate: true,
  },
} as const satisfies Record<string, KindInfo>;

export type KindName = keyof typeof KIND_REGISTRY;

/** The record kinds a journal holds; `journal` is the pair's shared facts, one per journal. */
export const KIND_NAMES = Object.keys(KIND_REGISTRY) as [KindName, ...KindName[]];

/** What the app knows of one kind, from the registry. */
export function kindInfo(name: KindName): KindInfo {
  return KIND_REGISTRY[name];
}

/** The tables that hold synced records, from the registry. */
export const RECORD_TABLE_NAMES: readonly string[] = KIND_NAMES.map((name) => KIND_REGISTRY[name].table);

/** The record tables' stores as the newest database version must declare them. */
export function recordStores(): Record<string, string> {
  return Object.fromEntries(
    KIND_NAMES.map((name) => [KIND_REGISTRY[name].table, KIND_REGISTRY[name].indexes]),
  );
}

/** "1 goal", "3 goals". */
export function countOf(name: KindName, count: number): string {
  const info = KIND_REGISTRY[name];
  return `${count.toLocaleString('en')} ${count === 1 ? info.label : info.plural}`;
}
