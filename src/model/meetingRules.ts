/**
 * Pure rules about meetings, asked the same way by Home, the meetings screens, meeting mode,
 * carry-forward, the calendar file and the committee summary. Zod-free, so Home can use them
 * without loading the schemas; `today` is always an argument, never read from the clock.
 */

interface DatedMeeting {
  id?: string;
  date?: string;
  time?: string;
  status?: string;
}

/** Sort key of a meeting: date then time; meetings without a date (or time) sort after those with one. */
export function meetingKey(meeting: { date?: string; time?: string }): string {
  return `${meeting.date ?? '9999-99-99'}T${meeting.time ?? '99:99'}`;
}

/**
 * The one order of meetings: by date, then time, earliest first; undated meetings last; ties by id,
 * so every device lists the same meetings the same way. Reverse it (`compareMeetings(b, a)`) for
 * latest first.
 */
export function compareMeetings(a: DatedMeeting, b: DatedMeeting): number {
  const ka = meetingKey(a);
  const kb = meetingKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/**
 * Whether a meeting counts as held: only when the pair marked it held (meeting mode does so on
 * Finish). A planned meeting whose day has passed is not counted — the app asks the pair to mark
 * it held instead — and neither is a cancelled one. A meeting without a status is planned.
 * Home (next meeting due), the meetings list and the committee summary all count with this.
 */
export function isMeetingHeld(meeting: DatedMeeting): boolean {
  return meeting.status === 'held';
}

/**
 * Whether a meeting is behind us: marked held, or its day has passed (today is after it) and it
 * was not cancelled. Such a meeting hands on what it left open to the next one, marked held or not,
 * so nothing agreed is lost because nobody pressed "Mark as held". On its own day a planned meeting
 * is not over yet.
 */
export function isMeetingOver(meeting: DatedMeeting, today: string): boolean {
  if (isMeetingHeld(meeting)) return true;
  if (meeting.status === 'cancelled' || !meeting.date) return false;
  return meeting.date < today;
}

/** Whether a meeting's day has passed while it is still only planned: the app asks to mark it held. */
export function awaitsHeldMark(meeting: DatedMeeting, today: string): boolean {
  return isMeetingOver(meeting, today) && !isMeetingHeld(meeting);
}

/** Whether a meeting is still ahead: planned (or without a status), with a date from today on. */
export function isUpcomingMeeting(meeting: DatedMeeting, today: string): boolean {
  return (meeting.status ?? 'planned') === 'planned' && !!meeting.date && meeting.date >= today;
}

/**
 * The meeting a given one follows: the latest earlier meeting (in `compareMeetings` order) that was
 * not cancelled. Meetings without a date never count as "earlier", and an undated meeting has none.
 */
export function previousMeeting<M extends DatedMeeting & { id: string; deleted?: boolean }>(
  meetings: readonly M[],
  next: { id: string; date?: string; time?: string },
): M | undefined {
  if (!next.date) return undefined;
  const nextKey = meetingKey(next);
  let best: M | undefined;
  for (const m of meetings) {
    if (m.id === next.id || m.deleted || !m.date || m.status === 'cancelled') continue;
    if (meetingKey(m) >= nextKey) continue;
    if (!best || compareMeetings(m, best) > 0) best = m;
  }
  return best;
}

/** The first planned meeting after a given one (in `compareMeetings` order), if any. */
export function followingMeeting<M extends DatedMeeting & { id: string; deleted?: boolean }>(
  meetings: readonly M[],
  meeting: { id: string; date?: string; time?: string },
): M | undefined {
  const key = meetingKey(meeting);
  return meetings
    .filter(
      (m) =>
        m.id !== meeting.id &&
        !m.deleted &&
        (m.status ?? 'planned') === 'planned' &&
        !!m.date &&
        meetingKey(m) > key,
    )
    .sort(compareMeetings)[0];
}

/**
 * The meeting "Start today's meeting" opens: of today's meetings that were not cancelled, the first
 * still planned (in `compareMeetings` order), else the first held one; undefined when none is today.
 */
export function todaysMeeting<M extends DatedMeeting & { id: string; deleted?: boolean }>(
  meetings: readonly M[],
  today: string,
): M | undefined {
  const todays = meetings
    .filter((m) => !m.deleted && m.date === today && m.status !== 'cancelled')
    .sort(compareMeetings);
  return todays.find((m) => !isMeetingHeld(m)) ?? todays[0];
}
