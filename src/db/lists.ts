/**
 * Read models for the list screens (issue 9): each returns what its screen shows, not whole
 * records, as a live query. The stories, meetings, milestones and goals lists, a goal's page.
 *
 * IndexedDB cannot read part of a record, so where a list needs a field that no index holds, the
 * records are read and cut down here to the fields shown: the screens never hold note text or a
 * story's long parts. Where an index narrows the read (a goal's milestones, the stories linked to
 * a goal), only those records are read; where an index holds what is shown (a meeting's date, how
 * many milestones a goal has), only the index is read.
 *
 * Lists come in the order their screen shows them (the model's order rules), so that a screen's
 * own sort — after a filter, or for the other direction — is one pass over ordered rows.
 *
 * Every read runs in one explicit read-only transaction, so its parts agree with each other. The
 * live versions keep their latest result between visits of a screen until a write to a table they
 * read (src/db/keptQuery.ts): going back to a list shows it without reading it again.
 */
import { Dexie, type Observable, type Table } from 'dexie';
import type { Goal } from '../model/goal';
import type { Meeting } from '../model/meeting';
import { compareMeetings } from '../model/meetingRules';
import type { Milestone } from '../model/milestone';
import { compareMilestones } from '../model/milestoneRules';
import { isMilestoneOverdue, isOpenMilestone } from '../model/schedule';
import type { Story } from '../model/story';
import { compareStories, isStoryReady } from '../model/storyRules';
import { KIND_INFO } from '../model/tables';
import { getDb, type MentoringDb } from './database';
import { keptLiveQuery } from './keptQuery';

/** A story as the story bank lists it: without its long parts, its readiness worked out once. */
export interface StoryRow {
  id: string;
  createdAt: string;
  title?: string;
  context?: Story['context'];
  date?: string;
  period?: string;
  status?: Story['status'];
  skills?: Story['skills'];
  /** Marked ready and holding every part it needs (`isStoryReady`). */
  ready: boolean;
}

/** A meeting as the meetings list (and the calendar file) shows it: no notes, no summary. */
export interface MeetingRow {
  id: string;
  date?: string;
  time?: string;
  durationMinutes?: number;
  mode?: Meeting['mode'];
  place?: string;
  status?: Meeting['status'];
}

/** A meeting by its date only: what a milestone's "agreed at" names and offers. */
export interface MeetingDate {
  id: string;
  date?: string;
}

/** A milestone as a list shows it: without its evidence, with where it stands on the day it was read for. */
export interface MilestoneRow {
  id: string;
  title?: string;
  goalId?: string;
  dueDate?: string;
  status?: Milestone['status'];
  doneDate?: string;
  agreedAtMeetingId?: string;
  /** Not done, missed or dropped (`isOpenMilestone`). */
  open: boolean;
  /** Open and past its due date on that day (`isMilestoneOverdue`). */
  overdue: boolean;
}

/** A goal by its title only: what a milestone names and a goal picker offers. */
export interface GoalTitle {
  id: string;
  title?: string;
}

/** A goal as the goals list shows it, with how many milestones serve it. */
export interface GoalRow {
  id: string;
  title?: string;
  status?: Goal['status'];
  targetDate?: string;
  milestoneCount: number;
}

function tableOf<T>(db: MentoringDb, kind: keyof typeof KIND_INFO): Table<T, string> {
  return db.table<T, string>(KIND_INFO[kind].table);
}

/** The live (not deleted) records of a journal in one table, read by the journalId index. */
async function journalRecords<T extends { deleted: boolean }>(table: Table<T, string>, journalId: string) {
  const rows = await table.where('journalId').equals(journalId).toArray();
  return rows.filter((row) => !row.deleted);
}

/** The story bank's rows: every live story of the journal, cut down to what a card shows, newest first. */
export async function storyRows(journalId: string, db: MentoringDb = getDb()): Promise<StoryRow[]> {
  const stories = tableOf<Story>(db, 'story');
  return db.transaction('r', stories, async () =>
    (await journalRecords(stories, journalId))
      .map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        title: s.title,
        context: s.context,
        date: s.date,
        period: s.period,
        status: s.status,
        skills: s.skills,
        ready: isStoryReady(s),
      }))
      .sort((a, b) => compareStories(b, a)),
  );
}

/** `storyRows` kept live, and kept between visits. */
export function liveStoryRows(journalId: string, db: MentoringDb = getDb()): Observable<StoryRow[]> {
  return keptLiveQuery(db, [KIND_INFO.story.table], `storyRows/${journalId}`, () => storyRows(journalId, db));
}

/** The meetings list's rows: every live meeting of the journal, without its notes, in `compareMeetings` order. */
export async function meetingRows(journalId: string, db: MentoringDb = getDb()): Promise<MeetingRow[]> {
  const meetings = tableOf<Meeting>(db, 'meeting');
  return db.transaction('r', meetings, async () =>
    (await journalRecords(meetings, journalId))
      .map((m) => ({
        id: m.id,
        date: m.date,
        time: m.time,
        durationMinutes: m.durationMinutes,
        mode: m.mode,
        place: m.place,
        status: m.status,
      }))
      .sort(compareMeetings),
  );
}

/** `meetingRows` kept live, and kept between visits. */
export function liveMeetingRows(journalId: string, db: MentoringDb = getDb()): Observable<MeetingRow[]> {
  return keptLiveQuery(db, [KIND_INFO.meeting.table], `meetingRows/${journalId}`, () =>
    meetingRows(journalId, db),
  );
}

/**
 * Every live meeting of the journal by its date. The dated ones come from the [journalId+date]
 * index alone (keys, no records): a deleted meeting is a tombstone whose content, its date
 * included, is cleared (see `Repository.remove` and `normalize` in src/sync/merge.ts), so it is
 * not in that index. The few meetings outside it (undated, or deleted) are read to tell them apart.
 */
export async function meetingDates(journalId: string, db: MentoringDb = getDb()): Promise<MeetingDate[]> {
  const meetings = tableOf<Meeting>(db, 'meeting');
  return db.transaction('r', meetings, async () => {
    const dated: MeetingDate[] = [];
    await meetings
      .where('[journalId+date]')
      .between([journalId, Dexie.minKey], [journalId, Dexie.maxKey])
      .eachKey((key, cursor) => {
        dated.push({ id: cursor.primaryKey as string, date: (key as [string, string])[1] });
      });
    const seen = new Set(dated.map((m) => m.id));
    const others = (await meetings.where('journalId').equals(journalId).primaryKeys()).filter(
      (id) => !seen.has(id),
    );
    if (others.length === 0) return dated;
    const undated = (await meetings.bulkGet(others))
      .filter((m): m is Meeting => !!m && !m.deleted)
      .map((m) => ({ id: m.id, date: m.date }));
    return [...dated, ...undated];
  });
}

/** `meetingDates` kept live, and kept between visits. */
export function liveMeetingDates(journalId: string, db: MentoringDb = getDb()): Observable<MeetingDate[]> {
  return keptLiveQuery(db, [KIND_INFO.meeting.table], `meetingDates/${journalId}`, () =>
    meetingDates(journalId, db),
  );
}

/** Milestones as rows for `today`, in timeline order (`compareMilestones`). */
function milestoneRowsOf(milestones: readonly Milestone[], today: string): MilestoneRow[] {
  return milestones
    .map((m) => {
      const open = isOpenMilestone(m);
      return {
        id: m.id,
        title: m.title,
        goalId: m.goalId,
        dueDate: m.dueDate,
        status: m.status,
        doneDate: m.doneDate,
        agreedAtMeetingId: m.agreedAtMeetingId,
        open,
        overdue: open && isMilestoneOverdue(m, today),
      };
    })
    .sort(compareMilestones);
}

/**
 * The milestone timeline's rows: every live milestone of the journal, without its evidence, in
 * timeline order, each marked open or overdue on `today`.
 */
export async function milestoneRows(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<MilestoneRow[]> {
  const milestones = tableOf<Milestone>(db, 'milestone');
  return db.transaction('r', milestones, async () =>
    milestoneRowsOf(await journalRecords(milestones, journalId), today),
  );
}

/** `milestoneRows` kept live, and kept between visits. */
export function liveMilestoneRows(
  journalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Observable<MilestoneRow[]> {
  return keptLiveQuery(db, [KIND_INFO.milestone.table], `milestoneRows/${journalId}/${today}`, () =>
    milestoneRows(journalId, today, db),
  );
}

/** One goal's live milestones as `milestoneRows` gives them, read by the goalId index. */
export async function goalMilestoneRows(
  journalId: string,
  goalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<MilestoneRow[]> {
  const milestones = tableOf<Milestone>(db, 'milestone');
  return db.transaction('r', milestones, async () =>
    milestoneRowsOf(
      (await milestones.where('goalId').equals(goalId).toArray()).filter(
        (m) => !m.deleted && m.journalId === journalId,
      ),
      today,
    ),
  );
}

/** `goalMilestoneRows` kept live, and kept between visits. */
export function liveGoalMilestoneRows(
  journalId: string,
  goalId: string,
  today: string,
  db: MentoringDb = getDb(),
): Observable<MilestoneRow[]> {
  return keptLiveQuery(
    db,
    [KIND_INFO.milestone.table],
    `goalMilestoneRows/${journalId}/${goalId}/${today}`,
    () => goalMilestoneRows(journalId, goalId, today, db),
  );
}

/** The journal's live goals by their titles. */
export async function goalTitles(journalId: string, db: MentoringDb = getDb()): Promise<GoalTitle[]> {
  const goals = tableOf<Goal>(db, 'goal');
  return db.transaction('r', goals, async () =>
    (await journalRecords(goals, journalId)).map((g) => ({ id: g.id, title: g.title })),
  );
}

/** `goalTitles` kept live, and kept between visits. */
export function liveGoalTitles(journalId: string, db: MentoringDb = getDb()): Observable<GoalTitle[]> {
  return keptLiveQuery(db, [KIND_INFO.goal.table], `goalTitles/${journalId}`, () =>
    goalTitles(journalId, db),
  );
}

/**
 * The goals list's rows: every live goal of the journal with how many live milestones serve it,
 * counted in the goalId index (a deleted milestone's goal is cleared, so it is not counted).
 */
export async function goalRows(journalId: string, db: MentoringDb = getDb()): Promise<GoalRow[]> {
  const goals = tableOf<Goal>(db, 'goal');
  const milestones = tableOf<Milestone>(db, 'milestone');
  return db.transaction('r', [goals, milestones], async () => {
    const live = await journalRecords(goals, journalId);
    const counts = await Promise.all(live.map((g) => milestones.where('goalId').equals(g.id).count()));
    return live.map((g, i) => ({
      id: g.id,
      title: g.title,
      status: g.status,
      targetDate: g.targetDate,
      milestoneCount: counts[i]!,
    }));
  });
}

/** `goalRows` kept live, and kept between visits. */
export function liveGoalRows(journalId: string, db: MentoringDb = getDb()): Observable<GoalRow[]> {
  return keptLiveQuery(db, [KIND_INFO.goal.table, KIND_INFO.milestone.table], `goalRows/${journalId}`, () =>
    goalRows(journalId, db),
  );
}

/** The live stories linked to a goal, by title, read by the goalIds index. */
export async function linkedStories(
  journalId: string,
  goalId: string,
  db: MentoringDb = getDb(),
): Promise<{ id: string; title?: string }[]> {
  const stories = tableOf<Story>(db, 'story');
  return db.transaction('r', stories, async () =>
    (await stories.where('goalIds').equals(goalId).toArray())
      .filter((s) => !s.deleted && s.journalId === journalId)
      .map((s) => ({ id: s.id, title: s.title })),
  );
}

/** `linkedStories` kept live, and kept between visits. */
export function liveLinkedStories(
  journalId: string,
  goalId: string,
  db: MentoringDb = getDb(),
): Observable<{ id: string; title?: string }[]> {
  return keptLiveQuery(db, [KIND_INFO.story.table], `linkedStories/${journalId}/${goalId}`, () =>
    linkedStories(journalId, goalId, db),
  );
}
