/**
 * Read models: what the shell and Home show, read through a `Reader` (readers.ts) with indexes and
 * limits rather than whole tables, and returned as small plain objects (no note text). The same
 * function serves the first paint (over plain IndexedDB, before Dexie loads) and the live query that
 * follows (over Dexie), so both always agree. Free of Dexie: part of the first load.
 */
import { openActionItems } from '../model/carryForward';
import type { Role } from '../model/constants';
import type { Goal, GoalStatus } from '../model/goal';
import type { Journal } from '../model/journal';
import { journalTitle } from '../model/labels';
import type { ActionItem, Meeting } from '../model/meeting';
import { awaitsHeldMark, compareMeetings, isMeetingHeld, isUpcomingMeeting } from '../model/meetingRules';
import type { Milestone } from '../model/milestone';
import { withPlanRule } from '../model/programmePlan';
import { addDays, DUE_SOON_DAYS, milestonesDue } from '../model/schedule';
import type { Membership } from './device';
import {
  type AttentionExtras,
  type HomeGoalProgress,
  type ReviewFacts,
  readAttentionExtras,
  readHomeGoalProgress,
  readReviewFacts,
} from './homeProgress';
import type { Reader } from './readers';

/** A journal on this device, with my role in it. */
export interface JournalOnDevice {
  journalId: string;
  journal: Journal;
  role: Role;
}

/** The journals on this device, named in switcher order, and the current one (else the first). */
export interface JournalsOnDevice {
  journals: JournalOnDevice[];
  current: JournalOnDevice | undefined;
}

/** The tables and indexes the shell reads. */
export const SHELL_READS = { local: ['key'], journals: ['id'] } as const;

const MEMBERSHIP_PREFIX = 'membership:';
/** Above every text key that starts with a prefix. */
const HIGH = '\uffff';

/** The journals this device holds (not deleted ones) and which one is current. */
export async function readShell(reader: Reader): Promise<JournalsOnDevice> {
  const [rows, currentRow] = await Promise.all([
    reader.scan<{ value: Membership }>({
      table: 'local',
      index: 'key',
      lower: MEMBERSHIP_PREFIX,
      upper: MEMBERSHIP_PREFIX + HIGH,
    }),
    reader.get<{ value: unknown }>('local', 'currentJournalId'),
  ]);
  const memberships = rows.map((row) => row.value);
  const records = await Promise.all(memberships.map((m) => reader.get<Journal>('journals', m.journalId)));
  const journals: JournalOnDevice[] = [];
  memberships.forEach((m, i) => {
    const journal = records[i];
    if (journal && !journal.deleted) journals.push({ journalId: journal.id, journal, role: m.role });
  });
  journals.sort((a, b) => journalTitle(a).localeCompare(journalTitle(b)));
  const currentId = typeof currentRow?.value === 'string' ? currentRow.value : undefined;
  return { journals, current: journals.find((j) => j.journalId === currentId) ?? journals[0] };
}

/** A milestone as Home lists it. */
export interface MilestoneLine {
  id: string;
  title?: string;
  dueDate?: string;
}

/** An open action item as Home lists it. */
export interface ActionLine {
  id: string;
  text?: string;
  owner?: Role;
  dueDate?: string;
  meetingId?: string;
}

/** A meeting as Home shows it. */
export interface MeetingLine {
  id: string;
  date?: string;
  time?: string;
}

/** Everything Home shows, and nothing more: counts and the first few of each list. */
export interface HomeFacts {
  membership: Membership | null;
  /** The date of the latest meeting marked held. */
  lastHeldDate?: string;
  /** The first upcoming planned meeting. */
  planned?: MeetingLine;
  /** The latest meeting whose day has passed, when it is still only planned: was it held? */
  awaitingHeld?: MeetingLine;
  overdue: { count: number; first: MilestoneLine[] };
  dueSoon: { count: number; first: MilestoneLine[] };
  openActions: { count: number; first: ActionLine[] };
  goalCounts: Record<GoalStatus, number>;
  /** The active goals' progress (homeProgress.ts). */
  goalProgress: HomeGoalProgress;
  /** What "Needs attention" adds: the latest check-in, the goals' target dates (homeProgress.ts). */
  attention: AttentionExtras;
  /** Who finished which review, and the plan's review milestones (homeProgress.ts). */
  reviews: ReviewFacts;
}

/** How many of each list Home shows before "and N more". */
export const HOME_MILESTONES_SHOWN = 10;
export const HOME_ACTIONS_SHOWN = 15;

/** The tables and indexes Home reads. */
export const HOME_READS = {
  local: ['key'],
  meetings: ['[journalId+date]'],
  milestones: ['[journalId+dueDate]', 'goalId'],
  actionItems: ['journalId'],
  goals: ['journalId'],
  progressEntries: ['goalId'],
  checkIns: ['journalId'],
  reviews: ['journalId'],
  journals: ['id'],
} as const;

/** How many upcoming meetings Home looks at to find the first (meetings on one day sort by time). */
const UPCOMING_LOOKED_AT = 20;

const milestoneLine = ({ id, title, dueDate }: Milestone): MilestoneLine => ({ id, title, dueDate });

/**
 * What Home shows for a journal today. Meetings are read through the `[journalId+date]` index: the
 * latest one marked held (walking back from the newest date) and the first upcoming one — a few
 * records, not every meeting with its notes. Milestones through `[journalId+dueDate]`, up to the end
 * of the due-soon window; action items and goals, small records, by journal.
 */
export async function readHome(reader: Reader, journalId: string, today: string): Promise<HomeFacts> {
  const live = (record: { deleted?: boolean }) => !record.deleted;
  const [
    membershipRow,
    lastHeld,
    upcoming,
    lastPast,
    milestones,
    actions,
    goals,
    goalProgress,
    attention,
    reviews,
    journal,
  ] = await Promise.all([
    reader.get<{ value: Membership }>('local', `${MEMBERSHIP_PREFIX}${journalId}`),
    reader.scan<Meeting>({
      table: 'meetings',
      index: '[journalId+date]',
      lower: [journalId, ''],
      upper: [journalId, HIGH],
      reverse: true,
      filter: (m) => live(m) && isMeetingHeld(m),
      limit: 1,
    }),
    reader.scan<Meeting>({
      table: 'meetings',
      index: '[journalId+date]',
      lower: [journalId, today],
      upper: [journalId, HIGH],
      filter: (m) => live(m) && isUpcomingMeeting(m, today),
      limit: UPCOMING_LOOKED_AT,
    }),
    // The latest meeting before today that was not cancelled: if it is still only planned, Home asks.
    reader.scan<Meeting>({
      table: 'meetings',
      index: '[journalId+date]',
      lower: [journalId, ''],
      upper: [journalId, today],
      reverse: true,
      filter: (m) => live(m) && m.status !== 'cancelled' && !!m.date && m.date < today,
      limit: 1,
    }),
    // Only milestones due by the end of the "due soon" window: later ones are neither due nor overdue.
    reader.scan<Milestone>({
      table: 'milestones',
      index: '[journalId+dueDate]',
      lower: [journalId, ''],
      upper: [journalId, addDays(today, DUE_SOON_DAYS)],
    }),
    reader.equal<ActionItem>('actionItems', 'journalId', journalId),
    reader.equal<Goal>('goals', 'journalId', journalId),
    readHomeGoalProgress(reader, journalId, today),
    readAttentionExtras(reader, journalId, today),
    readReviewFacts(reader, journalId),
    reader.get<Journal>('journals', journalId),
  ]);
  const planned = upcoming.sort(compareMeetings)[0];
  // A plan step whose event the journal records counts as done (model/programmePlan withPlanRule).
  const planFacts = { journal, goals, reviews: reviews.finished };
  const due = milestonesDue(
    milestones.filter(live).map((m) => withPlanRule(m, planFacts)),
    today,
  );
  const open = openActionItems(actions).sort((a, b) =>
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
  const goalCounts: Record<GoalStatus, number> = { active: 0, achieved: 0, paused: 0, dropped: 0 };
  for (const goal of goals) if (live(goal)) goalCounts[goal.status ?? 'active'] += 1;
  return {
    membership: membershipRow?.value ?? null,
    lastHeldDate: lastHeld[0]?.date,
    planned: planned && { id: planned.id, date: planned.date, time: planned.time },
    awaitingHeld:
      lastPast[0] && awaitsHeldMark(lastPast[0], today)
        ? { id: lastPast[0].id, date: lastPast[0].date, time: lastPast[0].time }
        : undefined,
    overdue: {
      count: due.overdue.length,
      first: due.overdue.slice(0, HOME_MILESTONES_SHOWN).map(milestoneLine),
    },
    dueSoon: {
      count: due.dueSoon.length,
      first: due.dueSoon.slice(0, HOME_MILESTONES_SHOWN).map(milestoneLine),
    },
    openActions: {
      count: open.length,
      first: open
        .slice(0, HOME_ACTIONS_SHOWN)
        .map(({ id, text, owner, dueDate, meetingId }) => ({ id, text, owner, dueDate, meetingId })),
    },
    goalCounts,
    goalProgress,
    attention,
    reviews,
  };
}

/** The device-table rows behind the change markers. */
export const CLOCK_KEY = 'clock';
export const IMPORT_CHANGES_KEY = 'importChanges';

/** The tables Home's facts come from, whose every write moves a mark (lastWrite.ts). */
export const HOME_MARKED_TABLES = [
  'meetings',
  'milestones',
  'actionItems',
  'goals',
  'progressEntries',
  'checkIns',
  'reviews',
  'journals',
] as const;
export const lastWriteKey = (table: string) => `lastWrite:${table}`;

/**
 * A marker made of device-table rows (each `null` when absent), the count of imports and undos
 * (`IMPORT_CHANGES_KEY`), and the whole memberships: joining or removing a journal, a backup or an
 * export changes them, and Home shows the dates of the last backup and export they carry.
 */
async function markerOf(reader: Reader, keys: readonly string[]): Promise<string> {
  const [rows, changes, memberships] = await Promise.all([
    Promise.all(keys.map((key) => reader.get<{ value: unknown }>('local', key))),
    reader.get<{ value: unknown }>('local', IMPORT_CHANGES_KEY),
    reader.scan<{ key: string; value: unknown }>({
      table: 'local',
      index: 'key',
      lower: MEMBERSHIP_PREFIX,
      upper: MEMBERSHIP_PREFIX + HIGH,
    }),
  ]);
  return JSON.stringify([
    rows.map((row) => row?.value ?? null),
    changes?.value ?? 0,
    memberships.map((row) => [row.key, row.value]),
  ]);
}

/**
 * A marker that changes whenever the records on this device may have changed: every edit made on
 * this device issues a stamp, which moves the stored clock in the same transaction as the record;
 * imports, undos and memberships as in `markerOf`.
 */
export const readChangeMarker = (reader: Reader): Promise<string> => markerOf(reader, [CLOCK_KEY]);

/**
 * A marker that changes whenever what Home shows may have changed: a write to one of its tables
 * (lastWrite.ts); imports, undos and memberships as in `markerOf`. An edit elsewhere — a story, a
 * note — leaves it as it was.
 */
export const readHomeMarker = (reader: Reader): Promise<string> =>
  markerOf(reader, HOME_MARKED_TABLES.map(lastWriteKey));

/**
 * Home's facts as last computed, kept in the device table so that the next cold start shows Home
 * at once (one read) instead of reading milestones and action items: valid only for the same day
 * and while Home's marker is what it was when they were read.
 */
export interface KeptHome {
  /** `HOME_FACTS_SHAPE` when kept: facts kept by a version whose HomeFacts differed are not used. */
  shape: number;
  marker: string;
  today: string;
  facts: HomeFacts;
}

/**
 * The version of `HomeFacts`' shape. Change it with any change to HomeFacts (readModels.test.ts
 * fails until you do): facts kept by the previous version are then read afresh, not shown.
 */
export const HOME_FACTS_SHAPE = 3;

export const KEPT_HOME_PREFIX = 'home:';
export const keptHomeKey = (journalId: string) => `${KEPT_HOME_PREFIX}${journalId}`;

/** Home's kept facts when nothing they show has changed since they were read today; else `undefined`. */
export async function readKeptHome(
  reader: Reader,
  journalId: string,
  today: string,
): Promise<HomeFacts | undefined> {
  const [row, marker] = await Promise.all([
    reader.get<{ value: KeptHome | undefined }>('local', keptHomeKey(journalId)),
    readHomeMarker(reader),
  ]);
  const kept = row?.value;
  const current = kept?.shape === HOME_FACTS_SHAPE && kept.today === today && kept.marker === marker;
  return current ? kept.facts : undefined;
}
