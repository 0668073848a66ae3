import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { compareMeetings, isUpcomingMeeting } from '../model/meetingRules';
import { addDays, addMonths, isCalendarDate, parseDate } from '../model/schedule';

/** What the calendar export needs of a meeting. */
export interface IcsMeeting {
  id: string;
  date?: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  status?: string;
  deleted?: boolean;
}

export interface IcsInput {
  meetings: readonly IcsMeeting[];
  /** Agenda texts per meeting id, in order: they become the event's description. */
  agenda: ReadonlyMap<string, readonly string[]>;
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
  | { ok: true; text: string; events: number; seriesAdded: boolean; seriesNote?: string }
  | { ok: false; error: string };

const DEFAULT_MINUTES = 60;

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
      productId: 'mentoring-journal',
    };
  });

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
          productId: 'mentoring-journal',
        });
        seriesAdded = true;
      }
    }
  }

  if (events.length === 0) {
    return { ok: false, error: seriesNote ?? 'There is no planned meeting with a date to export.' };
  }
  const { error, value } = createEvents(events, {
    productId: 'mentoring-journal',
    calName: 'Mentoring meetings',
  });
  if (error || !value)
    return { ok: false, error: `The calendar file could not be made: ${error?.message ?? 'unknown error'}` };
  return { ok: true, text: value, events: events.length, seriesAdded, ...(seriesNote && { seriesNote }) };
}
