import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { carriedId } from '../model/carryForward';
import { repo } from './index';
import { carryIntoMeeting, createMeeting, setActionDone } from './meetings';

const J = 'journal-1';
useFreshDb({ journalId: J });

async function earlierMeeting(status: 'held' | 'planned', date = '2026-03-01') {
  const m = await repo('meeting').create(J, { date, time: '10:00', status });
  const open = await repo('agendaItem').create(J, {
    meetingId: m.id,
    text: 'Poster',
    discussed: false,
    order: 0,
  });
  await repo('agendaItem').create(J, { meetingId: m.id, text: 'Budget', discussed: true, order: 1 });
  const todo = await repo('actionItem').create(J, {
    meetingId: m.id,
    text: 'Send the CV',
    owner: 'mentee',
    done: false,
  });
  await repo('actionItem').create(J, { meetingId: m.id, text: 'Call HR', owner: 'mentor', done: true });
  return { m, open, todo };
}

const texts = async (kind: 'agendaItem' | 'actionItem', meetingId: string) =>
  (await repo(kind).list(J, { index: 'meetingId', equals: meetingId })).map((i) => i.text).sort();

describe('carrying into a new meeting', () => {
  it('a meeting planned after a held one starts with its unfinished agenda point and open action', async () => {
    const { open, todo } = await earlierMeeting('held');
    const next = await createMeeting(J, { date: '2026-06-01' }, '2026-05-01');
    expect(await texts('agendaItem', next.id)).toEqual(['Poster']);
    expect(await texts('actionItem', next.id)).toEqual(['Send the CV']);
    expect((await repo('agendaItem').get(carriedId(open.id, next.id)))?.carriedFromId).toBe(open.id);
    expect((await repo('actionItem').get(carriedId(todo.id, next.id)))?.carriedFromId).toBe(todo.id);
  });

  it('carrying again makes nothing twice, and a carried item deleted on purpose stays deleted', async () => {
    const { open } = await earlierMeeting('held');
    const next = await createMeeting(J, { date: '2026-06-01' }, '2026-05-01');
    await repo('agendaItem').remove(carriedId(open.id, next.id));
    expect(await carryIntoMeeting(J, next.id, '2026-05-01')).toBe(0);
    expect(await texts('agendaItem', next.id)).toEqual([]);
    expect(await texts('actionItem', next.id)).toEqual(['Send the CV']);
  });

  it('nothing carries from a meeting still ahead, nor into a meeting already held', async () => {
    await earlierMeeting('planned', '2026-05-10');
    const later = await createMeeting(J, { date: '2026-06-01' }, '2026-05-01');
    expect(await texts('actionItem', later.id)).toEqual([]);
    // Once the earlier day has passed, opening the later meeting brings the items in.
    expect(await carryIntoMeeting(J, later.id, '2026-05-11')).toBe(2);
    const held = await repo('meeting').create(J, { date: '2026-07-01', status: 'held' });
    expect(await carryIntoMeeting(J, held.id, '2026-07-02')).toBe(0);
  });

  it('a first meeting (no meeting before it, or an earlier one with no items) carries nothing', async () => {
    const first = await createMeeting(J, { date: '2026-06-01' }, '2026-05-01');
    expect(await texts('agendaItem', first.id)).toEqual([]);
    await repo('meeting').update(first.id, { status: 'held' });
    const second = await createMeeting(J, { date: '2026-09-01' }, '2026-08-01');
    expect(await texts('agendaItem', second.id)).toEqual([]);
  });

  it('marking a carried action done also closes the item it was carried from', async () => {
    const { todo } = await earlierMeeting('held');
    const next = await createMeeting(J, { date: '2026-06-01' }, '2026-05-01');
    const copy = (await repo('actionItem').get(carriedId(todo.id, next.id)))!;
    await setActionDone(J, copy, true, '2026-06-01');
    expect(await repo('actionItem').get(copy.id)).toMatchObject({ done: true, doneDate: '2026-06-01' });
    expect(await repo('actionItem').get(todo.id)).toMatchObject({ done: true, doneDate: '2026-06-01' });
    await setActionDone(J, { ...copy, done: true }, false, '2026-06-02');
    expect((await repo('actionItem').get(copy.id))?.done).toBe(false);
    expect((await repo('actionItem').get(copy.id))?.doneDate).toBeUndefined();
  });
});
