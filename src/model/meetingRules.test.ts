import { describe, expect, it } from 'vitest';
import {
  awaitsHeldMark,
  compareMeetings,
  followingMeeting,
  isMeetingHeld,
  isMeetingOver,
  isUpcomingMeeting,
  previousMeeting,
  todaysMeeting,
} from './meetingRules';

const DAY = '2026-04-10';
const BEFORE = '2026-04-09';
const AFTER = '2026-04-11';

describe('a meeting held', () => {
  it('counts only when marked held, whatever its day', () => {
    expect(isMeetingHeld({ status: 'held', date: AFTER })).toBe(true);
    expect(isMeetingHeld({ status: 'planned', date: BEFORE })).toBe(false);
    expect(isMeetingHeld({ status: 'cancelled', date: BEFORE })).toBe(false);
    expect(isMeetingHeld({ date: BEFORE })).toBe(false);
  });
});

describe('a meeting over (hands on what it left open)', () => {
  it('a planned meeting is not over the day before nor on its day, and is the day after', () => {
    const m = { status: 'planned', date: DAY };
    expect(isMeetingOver(m, BEFORE)).toBe(false);
    expect(isMeetingOver(m, DAY)).toBe(false);
    expect(isMeetingOver(m, AFTER)).toBe(true);
  });

  it('a held meeting is over even on its day; a cancelled or undated one never', () => {
    expect(isMeetingOver({ status: 'held', date: DAY }, BEFORE)).toBe(true);
    expect(isMeetingOver({ status: 'cancelled', date: DAY }, AFTER)).toBe(false);
    expect(isMeetingOver({ status: 'planned' }, AFTER)).toBe(false);
    expect(isMeetingOver({ date: DAY }, AFTER)).toBe(true);
  });

  it('asks to be marked held from the day after its day, until it is marked held', () => {
    expect(awaitsHeldMark({ status: 'planned', date: DAY }, DAY)).toBe(false);
    expect(awaitsHeldMark({ status: 'planned', date: DAY }, AFTER)).toBe(true);
    expect(awaitsHeldMark({ status: 'held', date: DAY }, AFTER)).toBe(false);
    expect(awaitsHeldMark({ status: 'cancelled', date: DAY }, AFTER)).toBe(false);
  });
});

describe('an upcoming meeting', () => {
  it('is planned and dated today or later: upcoming the day before and on its day, not after', () => {
    const m = { status: 'planned', date: DAY };
    expect(isUpcomingMeeting(m, BEFORE)).toBe(true);
    expect(isUpcomingMeeting(m, DAY)).toBe(true);
    expect(isUpcomingMeeting(m, AFTER)).toBe(false);
    expect(isUpcomingMeeting({ date: DAY }, DAY)).toBe(true);
    expect(isUpcomingMeeting({ status: 'held', date: DAY }, BEFORE)).toBe(false);
    expect(isUpcomingMeeting({ status: 'planned' }, BEFORE)).toBe(false);
  });
});

describe('the order of meetings', () => {
  it('is by date, then time (a meeting without a time after those with one), undated last, then id', () => {
    const meetings = [
      { id: 'u' },
      { id: 'b', date: DAY },
      { id: 'a', date: DAY, time: '14:00' },
      { id: 'c', date: DAY, time: '09:00' },
      { id: 'z', date: BEFORE, time: '23:00' },
      { id: 'y', date: BEFORE, time: '23:00' },
    ];
    expect([...meetings].sort(compareMeetings).map((m) => m.id)).toEqual(['y', 'z', 'c', 'a', 'b', 'u']);
  });
});

describe('the following meeting', () => {
  it('is the first planned meeting after this one', () => {
    const meetings = [
      { id: 'this', date: DAY, time: '10:00', status: 'held' },
      { id: 'later', date: '2026-06-01', status: 'planned' },
      { id: 'sooner', date: '2026-05-01', status: 'planned' },
      { id: 'cancelled', date: AFTER, status: 'cancelled' },
      { id: 'same-day-earlier', date: DAY, time: '09:00', status: 'planned' },
    ];
    expect(followingMeeting(meetings, meetings[0]!)?.id).toBe('sooner');
    expect(followingMeeting(meetings, { id: 'x', date: '2026-07-01' })).toBeUndefined();
  });
});

describe('previous meeting', () => {
  const meetings = [
    { id: 'a', date: '2026-01-10', time: '10:00', status: 'held' },
    { id: 'b', date: '2026-04-10', time: '09:00', status: 'cancelled' },
    { id: 'c', date: '2026-04-10', time: '08:00', status: 'held' },
    { id: 'd', status: 'planned' },
    { id: 'e', date: '2026-07-01', status: 'planned' },
  ];

  it('is the latest earlier meeting that was not cancelled', () => {
    expect(previousMeeting(meetings, { id: 'e', date: '2026-07-01' })?.id).toBe('c');
    expect(previousMeeting(meetings, { id: 'x', date: '2026-04-10', time: '08:30' })?.id).toBe('c');
    expect(previousMeeting(meetings, { id: 'c', date: '2026-04-10', time: '08:00' })?.id).toBe('a');
  });

  it('a first meeting, or one without a date, has none', () => {
    expect(previousMeeting(meetings, { id: 'a', date: '2026-01-10', time: '10:00' })).toBeUndefined();
    expect(previousMeeting(meetings, { id: 'd' })).toBeUndefined();
  });
});

describe("today's meeting (the app shortcut)", () => {
  it('is the first of today’s meetings still planned, else the first held; never a cancelled or another day’s', () => {
    const today = '2026-12-02';
    expect(
      todaysMeeting(
        [
          { id: 'yesterday', date: '2026-12-01', status: 'planned' },
          { id: 'held', date: today, time: '09:00', status: 'held' },
          { id: 'cancelled', date: today, time: '10:00', status: 'cancelled' },
          { id: 'later', date: today, time: '16:00', status: 'planned' },
          { id: 'sooner', date: today, time: '11:00' },
        ],
        today,
      )?.id,
    ).toBe('sooner');
    expect(todaysMeeting([{ id: 'held', date: today, status: 'held' }], today)?.id).toBe('held');
    expect(todaysMeeting([{ id: 'gone', date: today, deleted: true }], today)).toBeUndefined();
    expect(todaysMeeting([{ id: 'tomorrow', date: '2026-12-03' }], today)).toBeUndefined();
  });
});
