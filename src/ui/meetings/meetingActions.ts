import { type Patch, repo } from '../../db';
import { carryChain, carryForward } from '../../model/carryForward';
import type { ActionItem, Meeting } from '../../model/meeting';
import { isMeetingOver, previousMeeting } from '../../model/meetingRules';

/**
 * Copies into a meeting what is still open from the meeting before it: unfinished agenda items and
 * open action items. Safe to run again and again (and on both devices): the copies' ids derive from
 * the item and the meeting, so an existing copy — even one deleted on purpose — is never made twice.
 * Only a planned meeting receives items, and only from a meeting that has taken place. Returns how
 * many items were carried.
 */
export async function carryIntoMeeting(journalId: string, meetingId: string, today: string): Promise<number> {
  const meeting = await repo('meeting').get(meetingId);
  if (!meeting || meeting.deleted || (meeting.status ?? 'planned') !== 'planned') return 0;
  const meetings = await repo('meeting').list(journalId);
  const previous = previousMeeting(meetings, meeting);
  // Only a meeting that is over hands on what it left open: a meeting still ahead may yet settle its items.
  if (!previous || !isMeetingOver(previous, today)) return 0;
  const [agendaItems, actionItems] = await Promise.all([
    repo('agendaItem').list(journalId, { index: 'meetingId', equals: previous.id }),
    repo('actionItem').list(journalId, { index: 'meetingId', equals: previous.id }),
  ]);
  const plan = carryForward({ agendaItems, actionItems }, meeting.id);
  let created = 0;
  for (const { id, ...content } of plan.agendaItems) {
    if (await repo('agendaItem').get(id)) continue;
    await repo('agendaItem').create(journalId, content, { id });
    created += 1;
  }
  for (const { id, ...content } of plan.actionItems) {
    if (await repo('actionItem').get(id)) continue;
    await repo('actionItem').create(journalId, content, { id });
    created += 1;
  }
  return created;
}

/** Creates a meeting and carries into it what the meeting before it left open. */
export async function createMeeting(
  journalId: string,
  content: Patch<'meeting'>,
  today: string,
): Promise<Meeting> {
  const meeting = await repo('meeting').create(journalId, { status: 'planned', ...content });
  await carryIntoMeeting(journalId, meeting.id, today);
  return meeting;
}

/**
 * Marks an action item done or open again. Done also closes the items it was carried from, so
 * the earlier meetings no longer show it as open.
 */
export async function setActionDone(journalId: string, item: ActionItem, done: boolean, today: string) {
  const all = await repo('actionItem').list(journalId);
  const byId = new Map(all.map((a) => [a.id, a]));
  const ids = done ? carryChain(item, byId) : [item.id];
  for (const id of ids) {
    const current = byId.get(id) ?? item;
    if (done && current.done) continue;
    await repo('actionItem').update(
      id,
      done ? { done: true, doneDate: today } : { done: false, doneDate: undefined },
    );
  }
}

/** The next free position at the end of a list ordered by `order`. */
export function nextOrder(items: readonly { order?: number }[]): number {
  return items.reduce((max, item) => Math.max(max, (item.order ?? 0) + 1), 0);
}

/** Orders agenda or action items by position, then by when they were made. */
export function byOrder<T extends { order?: number; createdAt: string; id: string }>(a: T, b: T): number {
  return (
    (a.order ?? 0) - (b.order ?? 0) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}
