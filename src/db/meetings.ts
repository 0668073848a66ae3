import { carryChain, carryForward } from '../model/carryForward';
import type { ActionItem, Meeting } from '../model/meeting';
import { isMeetingOver, previousMeeting } from '../model/meetingRules';
import { KIND_INFO } from '../model/tables';
import { ensureRoom } from './capacity';
import { getDb, type MentoringDb } from './database';
import { toStorageError } from './errors';
import { repo } from './index';
import { loadValidator, type Patch } from './repository';

/** The tables a meeting's writes touch, with `local` for the clock. */
export function meetingTables(db: MentoringDb) {
  return [
    db.table(KIND_INFO.meeting.table),
    db.table(KIND_INFO.agendaItem.table),
    db.table(KIND_INFO.actionItem.table),
    db.local,
  ];
}

/**
 * Runs `work` in one read-write transaction over the meeting tables (or joins the one already
 * open): the repository writes inside it commit together or not at all.
 */
export async function inMeetingTransaction<T>(db: MentoringDb, work: () => Promise<T>): Promise<T> {
  // Loaded before the transaction opens: awaiting the import inside it would let it commit early.
  await loadValidator();
  try {
    return await db.transaction('rw', meetingTables(db), work);
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Copies into a meeting what is still open from the meeting before it: unfinished agenda items and
 * open action items, in one transaction. Safe to run again and again (and on both devices): the
 * copies' ids derive from the item and the meeting, so an existing copy — even one deleted on
 * purpose — is never made twice. Only a planned meeting receives items, and only from a meeting
 * that is over (`isMeetingOver`). Returns how many items were carried.
 */
export async function carryIntoMeeting(
  journalId: string,
  meetingId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<number> {
  return inMeetingTransaction(db, async () => {
    const meeting = await repo('meeting', db).get(meetingId);
    if (!meeting || meeting.deleted || (meeting.status ?? 'planned') !== 'planned') return 0;
    const meetings = await repo('meeting', db).list(journalId);
    const previous = previousMeeting(meetings, meeting);
    // Only a meeting that is over hands on what it left open: one still ahead may yet settle its items.
    if (!previous || !isMeetingOver(previous, today)) return 0;
    const [agendaItems, actionItems] = await Promise.all([
      repo('agendaItem', db).list(journalId, { index: 'meetingId', equals: previous.id }),
      repo('actionItem', db).list(journalId, { index: 'meetingId', equals: previous.id }),
    ]);
    const plan = carryForward({ agendaItems, actionItems }, meeting.id);
    let created = 0;
    for (const { id, ...content } of plan.agendaItems) {
      if (await repo('agendaItem', db).get(id)) continue;
      await repo('agendaItem', db).create(journalId, content, { id });
      created += 1;
    }
    for (const { id, ...content } of plan.actionItems) {
      if (await repo('actionItem', db).get(id)) continue;
      await repo('actionItem', db).create(journalId, content, { id });
      created += 1;
    }
    return created;
  });
}

/** Creates a planned meeting and carries into it what the meeting before it left open, in one transaction. */
export async function createMeeting(
  journalId: string,
  content: Patch<'meeting'>,
  today: string,
  db: MentoringDb = getDb(),
): Promise<Meeting> {
  await ensureRoom(db);
  return inMeetingTransaction(db, async () => {
    const meeting = await repo('meeting', db).create(journalId, { status: 'planned', ...content });
    await carryIntoMeeting(journalId, meeting.id, today, db);
    return meeting;
  });
}

/**
 * Marks an action item done or open again, in one transaction. Done also closes the items it was
 * carried from, so the earlier meetings no longer show it as open.
 */
export async function setActionDone(
  journalId: string,
  item: ActionItem,
  done: boolean,
  today: string,
  db: MentoringDb = getDb(),
): Promise<void> {
  await inMeetingTransaction(db, async () => {
    const all = await repo('actionItem', db).list(journalId);
    const byId = new Map(all.map((a) => [a.id, a]));
    const ids = done ? carryChain(item, byId) : [item.id];
    for (const id of ids) {
      const current = byId.get(id) ?? item;
      if (done && current.done) continue;
      await repo('actionItem', db).update(
        id,
        done ? { done: true, doneDate: today } : { done: false, doneDate: undefined },
      );
    }
  });
}
