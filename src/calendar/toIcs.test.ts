import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLines, type IcsInput, MAX_LINE_OCTETS, sequenceOf, toIcs } from './toIcs';

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
      error: 'There is no planned meeting or open milestone with a date to export.',
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

  it('folds every line at 75 octets, never inside a character, and unfolds to the same text (Polish, Greek, emoji)', () => {
    const place =
      'Biblioteka Publiczna w Łodzi, ul. Żeromskiego — sala konferencyjna na piętrze, obok czytelni';
    const agenda = [
      'Ζωή Παπαδοπούλου: παρουσίαση για την ψηφιακή βιβλιοθήκη και τα εργαστήρια ανάγνωσης 📚',
      'Zażółć gęślą jaźń — przegląd postępów Grzegorza Brzęczyszczykiewicza w projekcie 🎉',
    ];
    const result = toIcs({
      ...base,
      menteeName: 'Zofia Łukasiewicz',
      mentorName: 'Ελένη Παπαδοπούλου',
      meetings: [{ id: 'pl', date: '2026-04-21', time: '14:30', place, status: 'planned' }],
      agenda: new Map([['pl', agenda]]),
    });
    if (!result.ok) throw new Error(result.error);
    const lines = result.text.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      // A fold between the octets of one character would leave a lone surrogate or U+FFFD here.
      expect(line).toBe(Buffer.from(line, 'utf8').toString('utf8'));
      expect(line.isWellFormed()).toBe(true);
    }
    // Read back by an independent parser (ical.js), the texts are whole.
    const [event] = parse(result.text);
    expect(event!.summary).toBe('Mentoring meeting: Zofia Łukasiewicz & Ελένη Παπαδοπούλου');
    expect(event!.location).toBe(place);
    expect(event!.description).toBe(`Agenda:\n${agenda.map((a) => `- ${a}`).join('\n')}`);
  });

  it('folding cuts at the last whole character within 75 octets, each continuation starting with one space', () => {
    // 37 two-octet letters make 74 octets: the 38th would make 76, so it starts the next line.
    const folded = foldLines(`X:${'ż'.repeat(40)}`);
    const [first, second] = folded.split('\r\n');
    expect(Buffer.byteLength(first!)).toBe(2 + 36 * 2);
    expect(second).toBe(` ${'ż'.repeat(4)}`);
    // Four-octet emoji: never split.
    for (const line of foldLines(`DESCRIPTION:${'🎉'.repeat(50)}`).split('\r\n'))
      expect(line.replace(/^ /, '')).toMatch(/^(DESCRIPTION:)?(🎉)*$/u);
    expect(foldLines('SHORT:ok\r\n')).toBe('SHORT:ok\r\n');
  });

  it('planned meetings get a display alarm a day before by default, or the reminder chosen, or none', () => {
    const alarmsOf = (reminder?: IcsInput['reminder']) => {
      const result = toIcs({ ...base, reminder });
      if (!result.ok) throw new Error(result.error);
      return parse(result.text).map((e) =>
        e.component.getAllSubcomponents('valarm').map((a) => ({
          action: a.getFirstPropertyValue('action'),
          trigger: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
          description: a.getFirstPropertyValue('description'),
        })),
      );
    };
    expect(alarmsOf()).toEqual([
      [{ action: 'DISPLAY', trigger: -86_400, description: 'Mentoring meeting: Ana & Ben' }],
      [{ action: 'DISPLAY', trigger: -86_400, description: 'Mentoring meeting: Ana & Ben' }],
    ]);
    expect(
      alarmsOf('1h')
        .flat()
        .map((a) => a.trigger),
    ).toEqual([-3600, -3600]);
    expect(
      alarmsOf('2d')
        .flat()
        .map((a) => a.trigger),
    ).toEqual([-172_800, -172_800]);
    expect(alarmsOf('none')).toEqual([[], []]);
  });

  it('open milestones due from today on are all-day events with the reminder; done, missed, dropped and past ones are left out', () => {
    const result = toIcs({
      ...base,
      meetings: [],
      milestones: [
        { id: 'ms-open', title: 'Book the room', dueDate: '2026-03-10', status: 'planned' },
        { id: 'ms-going', title: 'Draft the poster', dueDate: '2026-02-20', status: 'in-progress' },
        { id: 'ms-done', title: 'Done already', dueDate: '2026-03-01', status: 'done' },
        { id: 'ms-missed', title: 'Missed', dueDate: '2026-03-02', status: 'missed' },
        { id: 'ms-dropped', title: 'Dropped', dueDate: '2026-03-03', status: 'dropped' },
        { id: 'ms-past', title: 'Past due', dueDate: '2026-01-10', status: 'planned' },
        { id: 'ms-undated', title: 'No date', status: 'planned' },
        { id: 'ms-deleted', title: 'Deleted', dueDate: '2026-03-04', status: 'planned', deleted: true },
      ],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.milestones).toBe(2);
    const events = parse(result.text);
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['ms-going@mentoring-journal', 'Milestone due: Draft the poster', '2026-02-20', true],
      ['ms-open@mentoring-journal', 'Milestone due: Book the room', '2026-03-10', true],
    ]);
    expect(events.every((e) => e.component.getAllSubcomponents('valarm').length === 1)).toBe(true);
  });

  it('UIDs stay the same across exports, and SEQUENCE grows when a meeting or its agenda changes', () => {
    const stamped = (stamps: Record<string, string>, agendaAt?: string) => {
      const result = toIcs({
        ...base,
        meetings: [{ ...base.meetings[1]!, stamps }],
        agendaChangedAt: agendaAt ? new Map([['m2', agendaAt]]) : undefined,
      });
      if (!result.ok) throw new Error(result.error);
      const [event] = parse(result.text);
      return { uid: event!.uid, sequence: event!.sequence };
    };
    const first = stamped({ date: '2026-01-02T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa' });
    expect(stamped({ date: '2026-01-02T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa' })).toEqual(first);
    const moved = stamped({
      date: '2026-01-02T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
      time: '2026-01-05T08:00:00.000Z-0000-bbbbbbbbbbbbbbbb',
    });
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    const agendaEdited = stamped(
      { date: '2026-01-02T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa' },
      '2026-01-09T08:00:00.000Z-0000-cccccccccccccccc',
    );
    expect(agendaEdited.sequence).toBeGreaterThan(moved.sequence);
    expect(first.sequence).toBe(sequenceOf({ date: '2026-01-02T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa' }));
    // A 32-bit integer for decades: seconds since 2020.
    expect(sequenceOf({ x: '2087-12-31T23:59:59.000Z-0000-aaaaaaaaaaaaaaaa' })).toBeLessThan(2 ** 31);
    expect(sequenceOf({})).toBe(0);
  });
});
