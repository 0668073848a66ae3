import type { Role } from './constants';
import { derivedId } from './ids';

/** What carry-forward needs of an agenda item: the fields it reads and copies. */
export interface CarryAgendaSource {
  id: string;
  text?: string;
  raisedBy?: Role;
  discussed?: boolean;
  order?: number;
  deleted?: boolean;
}

/** What carry-forward needs of an action item. */
export interface CarryActionSource {
  id: string;
  text?: string;
  owner?: Role;
  dueDate?: string;
  done?: boolean;
  order?: number;
  deleted?: boolean;
}

export interface CarriedAgendaItem {
  id: string;
  meetingId: string;
  text?: string;
  raisedBy?: Role;
  discussed: false;
  carriedFromId: string;
  order: number;
}

export interface CarriedActionItem {
  id: string;
  meetingId: string;
  text?: string;
  owner?: Role;
  dueDate?: string;
  done: false;
  carriedFromId: string;
  order: number;
}

export interface CarryPlan {
  agendaItems: CarriedAgendaItem[];
  actionItems: CarriedActionItem[];
}

/**
 * The id of an item carried into a meeting: derived from the item it carries and the meeting, so
 * two devices that both carry the same item into the same meeting make one record, not two.
 */
export function carriedId(sourceItemId: string, nextMeetingId: string): string {
  return derivedId('carry', sourceItemId, nextMeetingId);
}

function byOrder<T extends { order?: number; id: string }>(a: T, b: T): number {
  return (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id);
}

/**
 * What carries from one meeting into the next: every agenda item not yet discussed and every
 * action item not yet done (deleted ones never), each marked with the item it continues. Pure:
 * carrying the same meeting twice gives the same items with the same ids.
 */
export function carryForward(
  previous: { agendaItems: readonly CarryAgendaSource[]; actionItems: readonly CarryActionSource[] },
  nextMeetingId: string,
): CarryPlan {
  const agendaItems = previous.agendaItems
    .filter((item) => !item.deleted && !item.discussed)
    .sort(byOrder)
    .map(
      (item, index): CarriedAgendaItem => ({
        id: carriedId(item.id, nextMeetingId),
        meetingId: nextMeetingId,
        ...(item.text !== undefined && { text: item.text }),
        ...(item.raisedBy !== undefined && { raisedBy: item.raisedBy }),
        discussed: false,
        carriedFromId: item.id,
        order: index,
      }),
    );
  const actionItems = previous.actionItems
    .filter((item) => !item.deleted && !item.done)
    .sort(byOrder)
    .map(
      (item, index): CarriedActionItem => ({
        id: carriedId(item.id, nextMeetingId),
        meetingId: nextMeetingId,
        ...(item.text !== undefined && { text: item.text }),
        ...(item.owner !== undefined && { owner: item.owner }),
        ...(item.dueDate !== undefined && { dueDate: item.dueDate }),
        done: false,
        carriedFromId: item.id,
        order: index,
      }),
    );
  return { agendaItems, actionItems };
}

/**
 * The action items still open across a journal: not done, not deleted, and not carried on into a
 * later meeting (the carried copy stands for it). Use this wherever open action items are listed,
 * so one item carried through three meetings shows once.
 */
export function openActionItems<A extends CarryActionSource & { carriedFromId?: string }>(
  items: readonly A[],
): A[] {
  const carriedOn = new Set<string>();
  for (const item of items) if (!item.deleted && item.carriedFromId) carriedOn.add(item.carriedFromId);
  return items.filter((item) => !item.deleted && !item.done && !carriedOn.has(item.id));
}

/** The ids an item continues, itself first, following `carriedFromId` back to where it was first raised. */
export function carryChain<A extends { id: string; carriedFromId?: string }>(
  item: A,
  byId: ReadonlyMap<string, A>,
): string[] {
  const chain = [item.id];
  let from = item.carriedFromId;
  while (from && !chain.includes(from)) {
    chain.push(from);
    from = byId.get(from)?.carriedFromId;
  }
  return chain;
}
