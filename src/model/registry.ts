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
}

const kind = (
  table: string,
  indexes: string,
  label: string,
  plural: string,
  defaultVisibility: Visibility,
  mayBePrivate: boolean,
  sets?: Record<string, string | null>,
): KindInfo => ({
  table,
  indexes,
  label,
  plural,
  defaultVisibility,
  mayBePrivate,
  ...(sets ? { sets } : {}),
});

/** Every record kind, in the order people read them (a preview lists kinds in this order). */
export const KIND_REGISTRY = {
  journal: kind('journals', 'id, journalId', 'journal', 'journals', 'pair', false),
  goal: kind('goals', 'id, journalId', 'goal', 'goals', 'pair', true),
  progressEntry: kind(
    'progressEntries',
    'id, journalId, goalId',
    'progress entry',
    'progress entries',
    'pair',
    false,
  ),
  milestone: kind(
    'milestones',
    'id, journalId, goalId, [journalId+dueDate]',
    'milestone',
    'milestones',
    'pair',
    true,
  ),
  meeting: kind('meetings', 'id, journalId', 'meeting', 'meetings', 'pair', false, { activities: null }),
  agendaItem: kind('agendaItems', 'id, journalId, meetingId', 'agenda item', 'agenda items', 'pair', false),
  actionItem: kind('actionItems', 'id, journalId, meetingId', 'action item', 'action items', 'pair', false),
  note: kind('notes', 'id, journalId, parentId', 'note', 'notes', 'private', true),
  story: kind('stories', 'id, journalId', 'story', 'stories', 'pair', true, {
    skills: 'name',
    goalIds: null,
  }),
  reflection: kind('reflections', 'id, journalId', 'reflection', 'reflections', 'private', true),
  contact: kind('contacts', 'id, journalId', 'contact', 'contacts', 'private', true),
  opportunity: kind('opportunities', 'id, journalId', 'opportunity', 'opportunities', 'pair', true, {
    goalIds: null,
  }),
  checkIn: kind('checkIns', 'id, journalId', 'check-in', 'check-ins', 'pair', true),
  duty: kind('duties', 'id, journalId', 'duty', 'duties', 'pair', false),
  agreementChange: kind(
    'agreementChanges',
    'id, journalId',
    'agreement change',
    'agreement changes',
    'pair',
    false,
  ),
  theme: kind('themes', 'id, journalId', 'theme', 'themes', 'pair', false),
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
