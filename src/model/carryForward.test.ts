import { describe, expect, it } from 'vitest';
import {
  type CarryActionSource,
  type CarryAgendaSource,
  carriedId,
  carryChain,
  carryForward,
  openActionItems,
} from './carryForward';
import { derivedId } from './ids';

const agenda: CarryAgendaSource[] = [
  { id: 'ag-1', text: 'Budget for the book club', raisedBy: 'mentee', discussed: true, order: 0 },
  {
    id: 'ag-2',
    text: 'Applying to the leadership institute',
    raisedBy: 'mentor',
    discussed: false,
    order: 2,
  },
  { id: 'ag-3', text: 'Conference poster', raisedBy: 'mentee', order: 1 },
  { id: 'ag-4', text: 'Removed point', raisedBy: 'mentee', deleted: true },
];
const actions: CarryActionSource[] = [
  { id: 'ac-1', text: 'Send the CV draft', owner: 'mentee', dueDate: '2026-03-01', done: false, order: 0 },
  { id: 'ac-2', text: 'Introduce to the branch manager', owner: 'mentor', done: true, order: 1 },
  { id: 'ac-3', text: 'Read the strategy plan', owner: 'mentee', order: 2 },
];

describe('carry forward', () => {
  it('carries agenda items not discussed and action items not done, in their order, marked with where they came from', () => {
    const plan = carryForward({ agendaItems: agenda, actionItems: actions }, 'meeting-2');
    expect(plan.agendaItems).toEqual([
      {
        id: derivedId('carry', 'ag-3', 'meeting-2'),
        meetingId: 'meeting-2',
        text: 'Conference poster',
        raisedBy: 'mentee',
        discussed: false,
        carriedFromId: 'ag-3',
        order: 0,
      },
      {
        id: derivedId('carry', 'ag-2', 'meeting-2'),
        meetingId: 'meeting-2',
        text: 'Applying to the leadership institute',
        raisedBy: 'mentor',
        discussed: false,
        carriedFromId: 'ag-2',
        order: 1,
      },
    ]);
    expect(plan.actionItems).toEqual([
      {
        id: derivedId('carry', 'ac-1', 'meeting-2'),
        meetingId: 'meeting-2',
        text: 'Send the CV draft',
        owner: 'mentee',
        dueDate: '2026-03-01',
        done: false,
        carriedFromId: 'ac-1',
        order: 0,
      },
      {
        id: derivedId('carry', 'ac-3', 'meeting-2'),
        meetingId: 'meeting-2',
        text: 'Read the strategy plan',
        owner: 'mentee',
        done: false,
        carriedFromId: 'ac-3',
        order: 1,
      },
    ]);
  });

  it('carrying the same meeting twice (or on both devices) gives the same ids, so nothing is made twice', () => {
    const first = carryForward({ agendaItems: agenda, actionItems: actions }, 'meeting-2');
    const second = carryForward(
      { agendaItems: [...agenda].reverse(), actionItems: [...actions].reverse() },
      'meeting-2',
    );
    expect(second).toEqual(first);
    expect(first.agendaItems[0]!.id).toBe(carriedId('ag-3', 'meeting-2'));
  });

  it('the same item carried into a different meeting gets a different id', () => {
    expect(carriedId('ac-1', 'meeting-2')).not.toBe(carriedId('ac-1', 'meeting-3'));
  });

  it('a meeting with no agenda items and no action items carries nothing', () => {
    expect(carryForward({ agendaItems: [], actionItems: [] }, 'meeting-2')).toEqual({
      agendaItems: [],
      actionItems: [],
    });
  });

  it('a meeting whose agenda is all discussed carries only its open action items', () => {
    const plan = carryForward({ agendaItems: [agenda[0]!], actionItems: actions }, 'm');
    expect(plan.agendaItems).toEqual([]);
    expect(plan.actionItems.map((a) => a.carriedFromId)).toEqual(['ac-1', 'ac-3']);
  });
});

describe('open action items', () => {
  it('lists an item carried through several meetings once, as its latest copy', () => {
    const items = [
      { id: '1', text: 'Send the CV', done: false },
      { id: '2', text: 'Send the CV', done: false, carriedFromId: '1' },
      { id: '3', text: 'Send the CV', done: false, carriedFromId: '2' },
      { id: '4', text: 'Done thing', done: true },
      { id: '5', text: 'Removed', deleted: true },
      { id: '6', text: 'Other' },
    ];
    expect(openActionItems(items).map((i) => i.id)).toEqual(['3', '6']);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(carryChain(items[2]!, byId)).toEqual(['3', '2', '1']);
  });
});
