import { liveQuery, type Observable } from 'dexie';
import { type CarryPlan, carryChain, carryForward } from '../model/carryForward';
import type { ActionItem, Meeting } from '../model/meeting';
import { isMeetingOver, previousMeeting } from '../model/meetingRules';
import { KIND_INFO } from '../model/tables';
import { ensureRoom } from './capacity';
import { getDb, type MentoringDb } from './database';
import { toStorageError } from './errors';
import { repo } from './index';
import { loadValidator, type Patch } from './repository';

/** The tables a meeting's writes touch, with `journals` (is it closed?) and `local` for the clock. */
export function meetingTables(db: MentoringDb) {
  return [
    db.table(KIND_INFO.journal.table),
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

/** What is still open from the meeting before, and not yet carried into this one. */
export interface ItemsToCarry {
  /** The meeting the items come from (undefined when nothing carries). */
  from?: Meeting;
  agendaItems: CarryPlan['agendaItems'];
  actionItems: CarryPlan['actionItems'];
}

const NOTHING_TO_CARRY: ItemsToCarry = { agendaItems: [], actionItems: [] };

/**
 * Reads (never writes) what would carry into a meeting: unfinished agenda items and open action items
 * of the meeting before it, less those already carried. Only a planned meeting receives items, and
 * only from a meeting that is over (`isMeetingOver`); a copy that exists — even one deleted on purpose —
 * is never offered again.
 */
export async function itemsToCarry(
  journalId: string,
  meetingId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<ItemsToCarry> {
  const meeting = await repo('meeting', db).get(meetingId);
  if (!meeting || meeting.deleted || meeting.journalId !== journalId) return NOTHING_TO_CARRY;
  if ((meeting.status ?? 'planned') !== 'planned') return NOTHING_TO_CARRY;
  const previous = previousMeeting(await repo('meeting', db).list(journalId), meeting);
  // Only a meeting that is over hands on what it left open: one still ahead may yet settle its items.
  if (!previous || !isMeetingOver(previous, today)) return NOTHING_TO_CARRY;
  const [agendaItems, actionItems] = await Promise.all([
    repo('agendaItem', db).list(journalId, { index: 'meetingId', equals: previous.id }),
    repo('actionItem', db).list(journalId, { index: 'meetingId', equals: previous.id }),
  ]);
  const plan = carryForward({ agendaItems, actionItems }, meeting.id);
  const missing = async <T extends { id: string }>(kind: 'agendaItem' | 'actionItem', items: T[]) => {
    const existing = await Promise.all(items.map((item) => repo(kind, db).get(item.id)));
    return items.filter((_, i) => !existing[i]);
  };
  return {
    from: previous,
    agendaItems: await missing('agendaItem', plan.agendaItems),
    actionItems: await missing('actionItem', plan.actionItems),
  };
}

/**
 * Copies into a meeting what is still open from the meeting before it (see `itemsToCarry`), in one
 * transaction. Called when a person acts — plans the meeting, finishes the one before, or asks for
 * the items — never because a screen is shown. Safe to run again and again (and on both devices):
 * the copies' ids derive from the item and the meeting, so no copy is ever made twice. Returns how
 * many items were carried.
 */
export async function carryIntoMeeting(
  journalId: string,
  meetingId: string,
  today: string,
  db: MentoringDb = getDb(),
): Promise<number> {
  return inMeetingTransaction(db, async () => {
    const { agendaItems, actionItems } = await itemsToCarry(journalId, meetingId, today, db);
    for (const { id, ...content } of agendaItems)
      await repo('agendaItem', db).create(journalId, content, { id });
    for (const { id, ...content } of actionItems)
      await repo('actionItem', db).create(journalId, content, { id });
    return agendaItems.length + actionItems.length;
  });
}

/** `itemsToCarry`, kept live: what a meeting's page offers to bring in from the meeting before. */
export function liveItemsToCarry(
  journalId: string,
  meetingId: string,
  today: string,
  db: MentoringDb = getDb(),
): Observable<ItemsToCarry> {
  return liveQuery(() => itemsToCarry(journalId, meetingId, today, db));
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
