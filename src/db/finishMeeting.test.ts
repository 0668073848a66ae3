import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { carriedId } from '../model/carryForward';
import { finishMeeting } from './finishMeeting';
import { type MentoringDb, repo } from './index';

const J = 'journal-1';
const TODAY = '2026-05-01';
const fresh = useFreshDb({ journalId: J });
let db: MentoringDb;
beforeEach(() => {
  db = fresh.db;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A meeting held today in meeting mode, with one point not discussed and one action still open. */
async function meetingInProgress() {
  const meeting = await repo('meeting').create(J, {
    date: TODAY,
    time: '14:30',
    status: 'planned',
    mode: 'video',
    place: 'https://meet.example.org/pair',
    durationMinutes: 60,
  });
  const point = await repo('agendaItem').create(J, {
    meetingId: meeting.id,
    text: 'Poster',
    discussed: false,
    order: 0,
  });
  const action = await repo('actionItem').create(J, {
    meetingId: meeting.id,
    text: 'Draft the abstract',
    owner: 'mentee',
    done: false,
  });
  return { meeting, point, action };
}

/** Every table, the clock and device state included, as it stands. */
async function everything() {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

describe('finishing meeting mode', () => {
  it('marks the meeting held with its summary, plans the next meeting and carries what is open into it', async () => {
    const { meeting, point, action } = await meetingInProgress();
    const result = await finishMeeting({
      journalId: J,
      meetingId: meeting.id,
      summary: 'Agenda: 0 of 1 points discussed.',
      next: { date: '2026-06-01', time: '10:00' },
      today: TODAY,
    });
    expect(await repo('meeting').get(meeting.id)).toMatchObject({
      status: 'held',
      summary: 'Agenda: 0 of 1 points discussed.',
    });
    const next = await repo('meeting').get(result.nextMeetingId!);
    expect(next).toMatchObject({
      status: 'planned',
      date: '2026-06-01',
      time: '10:00',
      mode: 'video',
      place: 'https://meet.example.org/pair',
      durationMinutes: 60,
    });
    expect(result.carried).toBe(2);
    expect(await repo('agendaItem').get(carriedId(point.id, next!.id))).toMatchObject({
      meetingId: next!.id,
      text: 'Poster',
      carriedFromId: point.id,
    });
    expect(await repo('actionItem').get(carriedId(action.id, next!.id))).toMatchObject({
      meetingId: next!.id,
      text: 'Draft the abstract',
      carriedFromId: action.id,
    });
  });

  it('stamps the finish like any edit: one new stamp per changed field, the earlier one kept as its base', async () => {
    const { meeting } = await meetingInProgress();
    await finishMeeting({ journalId: J, meetingId: meeting.id, summary: 'Done.', today: TODAY });
    const held = (await repo('meeting').get(meeting.id))!;
    expect(held.stamps.status! > meeting.stamps.status!).toBe(true);
    expect(held.stamps.summary).toBe(held.stamps.status);
    expect(held.bases.status).toBe(meeting.stamps.status);
    expect(held.stamps.date).toBe(meeting.stamps.date);
  });

  it('moves the planned next meeting to the day agreed rather than planning a second one', async () => {
    const { meeting } = await meetingInProgress();
    const planned = await repo('meeting').create(J, { date: '2026-06-10', status: 'planned' });
    const result = await finishMeeting({
      journalId: J,
      meetingId: meeting.id,
      summary: 'Done.',
      next: { date: '2026-06-03' },
      today: TODAY,
    });
    expect(result.nextMeetingId).toBe(planned.id);
    expect((await repo('meeting').get(planned.id))?.date).toBe('2026-06-03');
    expect(await repo('meeting').list(J)).toHaveLength(2);
  });

  it('without a next meeting agreed, carries into the one already planned, and finishing twice makes nothing twice', async () => {
    const { meeting } = await meetingInProgress();
    const planned = await repo('meeting').create(J, { date: '2026-06-10', status: 'planned' });
    const input = { journalId: J, meetingId: meeting.id, summary: 'Done.', today: TODAY };
    expect((await finishMeeting(input)).carried).toBe(2);
    expect((await finishMeeting(input)).carried).toBe(0);
    expect(await repo('actionItem').list(J, { index: 'meetingId', equals: planned.id })).toHaveLength(1);
  });

  it('a next-meeting day the schema refuses leaves every table as it was, the meeting not marked held', async () => {
    const { meeting } = await meetingInProgress();
    const before = await everything();
    await expect(
      finishMeeting({
        journalId: J,
        meetingId: meeting.id,
        summary: 'Done.',
        next: { date: '2026-02-30' },
        today: TODAY,
      }),
    ).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });

  it('a failure of the very last write (carrying the open action) leaves every table as it was', async () => {
    const { meeting } = await meetingInProgress();
    const before = await everything();
    vi.spyOn(repo('actionItem'), 'create').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      finishMeeting({
        journalId: J,
        meetingId: meeting.id,
        summary: 'Done.',
        next: { date: '2026-06-01' },
        today: TODAY,
      }),
    ).rejects.toThrow('Nothing was changed');
    expect(await everything()).toEqual(before);
    expect((await repo('meeting').get(meeting.id))?.status).toBe('planned');
  });
});
