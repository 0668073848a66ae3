import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { compareMeetings, isUpcomingMeeting } from '../model/meetingRules';
import { addDays, addMonths, CLOSED_MILESTONE_STATUSES, isCalendarDate, parseDate } from '../model/schedule';
import { DEFAULT_REMINDER, REMINDER_BEFORE, type Reminder } from './reminders';

/** What the calendar export needs of a meeting. */
export interface IcsMeeting {
  id: string;
  date?: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  status?: string;
  deleted?: boolean;
  /** The record's stamps (field → HLC stamp): the latest gives the event's SEQUENCE. */
  stamps?: Readonly<Record<string, string>>;
}

/** What the calendar export needs of a milestone. */
export interface IcsMilestone {
  id: string;
  title?: string;
  dueDate?: string;
  status?: string;
  deleted?: boolean;
  stamps?: Readonly<Record<string, string>>;
}

export interface IcsInput {
  meetings: readonly IcsMeeting[];
  /** Agenda texts per meeting id, in order: they become the event's description. */
  agenda: ReadonlyMap<string, readonly string[]>;
  /** The latest stamp of each meeting's agenda items (the description changes with them). */
  agendaChangedAt?: ReadonlyMap<string, string>;
  /** Milestones: each open one due from today on becomes an all-day event on its due date. */
  milestones?: readonly IcsMilestone[];
  /** The journal's stamps: the series follows its start, length and cadence. */
  journalStamps?: Readonly<Record<string, string>>;
  /** The reminder before each meeting and milestone (default: a day before). */
  reminder?: Reminder;
  journalId: string;
  menteeName?: string;
  mentorName?: string;
  /** The programme, for the repeating reminder series. */
  startDate?: string;
  lengthMonths?: number;
  cadenceDays?: number;
  /** Also add a repeating reminder at the cadence until the programme ends. */
  series: boolean;
  /** Today's calendar date, for where the series starts when no meeting is planned. */
  today: string;
}

export type IcsResult =
  | {
      ok: true;
      text: string;
      events: number;
      /** How many of the events are milestones. */
      milestones: number;
      seriesAdded: boolean;
      seriesNote?: string;
    }
  | { ok: false; error: string };

const DEFAULT_MINUTES = 60;

/** The longest a line may be, in octets (RFC 5545 §3.1), its line break not counted. */
export const MAX_LINE_OCTETS = 75;

/** Octets of a code point in UTF-8. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds iCalendar text at 75 octets, as RFC 5545 §3.1 asks (not 75 characters): every line is
 * first unfolded, then cut between whole characters, so a fold never splits a UTF-8 sequence;
 * each continuation line starts with one space, which counts in its 75.
 */
export function foldLines(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      let folded = '';
      let octets = 0;
      for (const char of line) {
        const length = utf8Length(char.codePointAt(0)!);
        if (octets + length > MAX_LINE_OCTETS) {
          folded += '\r\n ';
          octets = 1;
        }
        folded += char;
        octets += length;
      }
      return folded;
    })
    .join('\r\n');
}

/** Seconds from 2020-01-01 UTC: SEQUENCE stays well inside a 32-bit integer until 2088. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/**
 * An event's SEQUENCE, from the latest stamp of what it is made of: any edit gives a newer stamp
 * (last writer wins per field keeps the newest), so the number grows whenever the event changes
 * and is the same at every export of an unchanged one — a calendar updates the event it has.
 */
export function sequenceOf(...stampSets: (Readonly<Record<string, string>> | string | undefined)[]): number {
  let latest = '';
  for (const set of stampSets) {
    if (typeof set === 'string') latest = set > latest ? set : latest;
    else for (const stamp of Object.values(set ?? {})) if (stamp > latest) latest = stamp;
  }
  const ms = Date.parse(latest.slice(0, 24));
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 1000));
}

/**
 * A meeting's start for the `ics` library: a date alone as [y, m, d] (an all-day event), a date
 * and time as the floating local form "YYYYMMDDTHHMMSS". The library passes a string through as
 * given; an array with a time would go through a JavaScript Date in this device's time zone, which
 * moves a time inside a daylight-saving gap (02:30 on the night clocks go forward) by an hour.
 */
function startOf(date: string, time: string | undefined): DateArray | string {
  const p = parseDate(date)!;
  if (!time) return [p.y, p.m, p.d];
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

function duration(minutes: number | undefined, allDay: boolean) {
  if (allDay) return { days: 1 };
  const total = minutes && minutes > 0 ? minutes : DEFAULT_MINUTES;
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The pair's names for event titles: "Ana & Ben", or the roles when a name is missing. */
function pairNames(input: IcsInput): string {
  return `${input.menteeName?.trim() || 'mentee'} & ${input.mentorName?.trim() || 'mentor'}`;
}

/** The day after the programme ends, as an RRULE UNTIL in the same floating form as the start. */
function untilOf(endDate: string, allDay: boolean): string {
  const compact = endDate.replaceAll('-', '');
  return allDay ? compact : `${compact}T235959`;
}

/**
 * The planned meetings from today on as an iCalendar file (built by the `ics` library, never by hand): one event
 * per planned meeting at its local date and time ("floating", so it stays at 14:30 wherever the
 * calendar is), lasting its length, at its place, with its agenda as the description. With
 * `series`, also one repeating reminder every `cadenceDays` days, from a cadence after the last
 * meeting until the programme ends.
 */
export function toIcs(input: IcsInput): IcsResult {
  const title = `Mentoring meeting: ${pairNames(input)}`;
  const before = REMINDER_BEFORE[input.reminder ?? DEFAULT_REMINDER];
  const alarms = (description: string) =>
    before
      ? { alarms: [{ action: 'display' as const, description, trigger: { ...before, before: true } }] }
      : {};
  const planned = input.meetings
    .filter((m) => !m.deleted && isUpcomingMeeting(m, input.today) && isCalendarDate(m.date))
    .sort(compareMeetings);

  const events: EventAttributes[] = planned.map((m) => {
    const agenda = input.agenda.get(m.id) ?? [];
    const allDay = !m.time;
    return {
      uid: `${m.id}@mentoring-journal`,
      title,
      start: startOf(m.date!, m.time),
      startInputType: 'local',
      startOutputType: 'local',
      duration: duration(m.durationMinutes, allDay),
      ...(m.place?.trim() && { location: m.place.trim() }),
      ...(agenda.length > 0 && { description: `Agenda:\n${agenda.map((text) => `- ${text}`).join('\n')}` }),
      status: 'CONFIRMED',
      sequence: sequenceOf(m.stamps, input.agendaChangedAt?.get(m.id)),
      ...alarms(title),
      productId: 'mentoring-journal',
    };
  });

  // Open milestones due from today on, as all-day events (a done, missed or dropped one is left out).
  const closed = new Set<string>(CLOSED_MILESTONE_STATUSES);
  const milestones = (input.milestones ?? [])
    .filter(
      (m) =>
        !m.deleted && !closed.has(m.status ?? '') && isCalendarDate(m.dueDate) && m.dueDate >= input.today,
    )
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.id < b.id ? -1 : 1));
  for (const m of milestones) {
    const name = `Milestone due: ${m.title?.trim() || 'untitled milestone'}`;
    events.push({
      uid: `${m.id}@mentoring-journal`,
      title: name,
      start: startOf(m.dueDate!, undefined),
      startInputType: 'local',
      startOutputType: 'local',
      duration: { days: 1 },
      description: `A milestone of the mentoring journal of ${pairNames(input)}.`,
      transp: 'TRANSPARENT',
      sequence: sequenceOf(m.stamps),
      ...alarms(name),
      productId: 'mentoring-journal',
    });
  }

  let seriesAdded = false;
  let seriesNote: string | undefined;
  if (input.series) {
    const cadence = input.cadenceDays;
    if (!isCalendarDate(input.startDate) || !input.lengthMonths || !cadence) {
      seriesNote =
        'The repeating reminder needs the programme start date, length and meeting cadence (see Agreement).';
    } else {
      const end = addMonths(input.startDate, input.lengthMonths);
      const dated = input.meetings.filter(
        (m) => !m.deleted && m.status !== 'cancelled' && isCalendarDate(m.date),
      );
      const last = dated
        .map((m) => m.date!)
        .sort()
        .at(-1);
      const anchor = planned.at(-1) ?? dated.find((m) => m.date === last);
      let first = addDays(last ?? input.startDate, cadence);
      while (first < input.today) first = addDays(first, cadence);
      if (first > end) {
        seriesNote =
          'The programme ends before another meeting would be due, so no repeating reminder was added.';
      } else {
        const allDay = !anchor?.time;
        events.push({
          uid: `series-${input.journalId}@mentoring-journal`,
          title: `Mentoring meeting due: ${pairNames(input)}`,
          start: startOf(first, anchor?.time),
          startInputType: 'local',
          startOutputType: 'local',
          duration: duration(anchor?.durationMinutes, allDay),
          description: `A reminder to meet: every ${cadence} days until the programme ends.`,
          recurrenceRule: `FREQ=DAILY;INTERVAL=${cadence};UNTIL=${untilOf(end, allDay)}`,
          sequence: sequenceOf(input.journalStamps, ...input.meetings.map((m) => m.stamps)),
          productId: 'mentoring-journal',
        });
        seriesAdded = true;
      }
    }
  }

  if (events.length === 0) {
    return {
      ok: false,
      error: seriesNote ?? 'There is no planned meeting or open milestone with a date to export.',
    };
  }
  const { error, value } = createEvents(events, {
    productId: 'mentoring-journal',
    calName: 'Mentoring meetings',
  });
  if (error || !value)
    return { ok: false, error: `The calendar file could not be made: ${error?.message ?? 'unknown error'}` };
  return {
    ok: true,
    text: foldLines(value),
    events: events.length,
    milestones: milestones.length,
    seriesAdded,
    ...(seriesNote && { seriesNote }),
  };
}
