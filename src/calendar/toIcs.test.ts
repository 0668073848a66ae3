import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type IcsInput, toIcs } from './toIcs';

const base: IcsInput = {
  journalId: 'j1',
  menteeName: 'Ana',
  mentorName: 'Ben',
  startDate: '2026-01-15',
  lengthMonths: 18,
  cadenceDays: 91,
  today: '2026-02-01',
  series: false,
  meetings: [
    { id: 'm1', date: '2026-01-20', time: '10:00', durationMinutes: 60, status: 'held' },
    {
      id: 'm2',
      date: '2026-04-21',
      time: '14:30',
      durationMinutes: 90,
      place: 'Branch library, room 2',
      status: 'planned',
    },
    { id: 'm3', date: '2026-07-20', status: 'planned' },
    { id: 'm4', date: '2026-05-01', time: '09:00', status: 'cancelled' },
    { id: 'm5', status: 'planned' },
  ],
  agenda: new Map([['m2', ['Conference poster', 'Leadership institute']]]),
};

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendar export', () => {
  it('makes one event per planned meeting with a date, at its local time, length, place and agenda', () => {
    const result = toIcs(base);
    if (!result.ok) throw new Error(result.error);
    const events = parse(result.text);
    expect(events.map((e) => e.uid)).toEqual(['m2@mentoring-journal', 'm3@mentoring-journal']);
    const [timed, allDay] = events;
    expect(timed!.summary).toBe('Mentoring meeting: Ana & Ben');
    expect(timed!.startDate.toString()).toBe('2026-04-21T14:30:00');
    expect(timed!.startDate.zone?.tzid).toBe('floating');
    expect(timed!.duration.toSeconds()).toBe(90 * 60);
    expect(timed!.location).toBe('Branch library, room 2');
    expect(timed!.description).toBe('Agenda:\n- Conference poster\n- Leadership institute');
    expect(allDay!.startDate.isDate).toBe(true);
    expect(allDay!.startDate.toString()).toBe('2026-07-20');
    expect(allDay!.isRecurring()).toBe(false);
  });

  it('adds a repeating reminder at the cadence from the last meeting until the programme ends when asked', () => {
    const result = toIcs({ ...base, series: true });
    if (!result.ok) throw new Error(result.error);
    expect(result.seriesAdded).toBe(true);
    const events = parse(result.text);
    expect(events).toHaveLength(3);
    const series = events[2]!;
    expect(series.summary).toBe('Mentoring meeting due: Ana & Ben');
    expect(series.isRecurring()).toBe(true);
    // Starts one cadence after the last planned meeting (20 Jul 2026 + 91 days), all day like it.
    expect(series.startDate.toString()).toBe('2026-10-19');
    const rule = series.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('DAILY');
    expect(rule.interval).toBe(91);
    expect(rule.until?.toString()).toBe('2027-07-15');
    const iterator = series.iterator();
    const dates: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) dates.push(next.toString());
    expect(dates).toEqual(['2026-10-19', '2027-01-18', '2027-04-19']);
  });

  it('a timed series repeats at the time of the last planned meeting', () => {
    const result = toIcs({ ...base, series: true, meetings: base.meetings.slice(0, 2) });
    if (!result.ok) throw new Error(result.error);
    const series = parse(result.text)[1]!;
    expect(series.startDate.toString()).toBe('2026-07-21T14:30:00');
    expect(series.duration.toSeconds()).toBe(90 * 60);
    expect((series.component.getFirstPropertyValue('rrule') as ICAL.Recur).until?.toString()).toBe(
      '2027-07-15T23:59:59',
    );
  });

  it('explains when there is nothing to export', () => {
    expect(toIcs({ ...base, meetings: [] })).toEqual({
      ok: false,
      error: 'There is no planned meeting with a date to export.',
    });
    const noProgramme = toIcs({ ...base, series: true, startDate: undefined });
    expect(noProgramme.ok && noProgramme.seriesNote).toMatch(/programme start date/);
  });

  it('keeps the meeting at its local time on a daylight-saving night, whatever the device time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const result = toIcs({
        ...base,
        meetings: [{ id: 'dst', date: '2026-03-08', time: '02:30', durationMinutes: 60, status: 'planned' }],
      });
      if (!result.ok) throw new Error(result.error);
      const [event] = parse(result.text);
      expect(event!.startDate.toString()).toBe('2026-03-08T02:30:00');
      expect(result.text).toContain('DTSTART:20260308T023000\r\n');
    } finally {
      process.env.TZ = saved;
    }
  });
});
