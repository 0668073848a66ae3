import { followingMeeting } from '../model/meetingRules';
import { ensureRoom } from './capacity';
import { getDb, type MentoringDb } from './database';
import { repo } from './index';
import { carryIntoMeeting, inMeetingTransaction } from './meetings';

/** What finishing meeting mode writes. */
export interface FinishMeetingInput {
  journalId: string;
  meetingId: string;
  /** The summary of what changed, as shown on the last step. */
  summary: string;
  /** The next meeting's day and time agreed in the meeting, if one was chosen. */
  next?: { date: string; time?: string };
  /** Today's calendar date (for carrying forward). */
  today: string;
}

/** What finishing made. */
export interface FinishMeetingResult {
  /** The planned meeting after this one, moved or newly planned, if there is one. */
  nextMeetingId?: string;
  /** How many open items were carried into it. */
  carried: number;
}

/**
 * Finishes meeting mode, in one transaction: the meeting is marked held and its summary written;
 * the next meeting agreed is planned (the planned meeting after this one moves to that day, or a
 * new one is planned with this meeting's length, way and place); what this meeting left open is
 * carried into it, with derived ids. A tab closed or a write refused half-way leaves all of it
 * unwritten. Changes made step by step during the meeting (agenda ticked, milestones marked,
 * actions closed) were saved as they were made and are not repeated here.
 */
export async function finishMeeting(
  input: FinishMeetingInput,
  db: MentoringDb = getDb(),
): Promise<FinishMeetingResult> {
  const { journalId, meetingId, today } = input;
  // It may plan the next meeting and carry items into it: a full device takes no new records.
  if (input.next) await ensureRoom(db);
  return inMeetingTransaction(db, async () => {
    const meetings = repo('meeting', db);
    const meeting = await meetings.get(meetingId);
    if (!meeting || meeting.deleted || meeting.journalId !== journalId)
      throw new Error('This meeting no longer exists on this device.');
    const held = await meetings.update(meetingId, { summary: input.summary, status: 'held' });

    let next = followingMeeting(await meetings.list(journalId), held);
    if (input.next) {
      const when = { date: input.next.date, time: input.next.time || undefined };
      if (next) next = await meetings.update(next.id, when);
      else
        next = await meetings.create(journalId, {
          status: 'planned',
          ...when,
          durationMinutes: held.durationMinutes,
          mode: held.mode,
          place: held.place,
        });
    }
    // This meeting is held now, so what it left open carries into the next one.
    const carried = next ? await carryIntoMeeting(journalId, next.id, today, db) : 0;
    return { nextMeetingId: next?.id, carried };
  });
}
