import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { liveMeetingRows, type MeetingRow } from '../../db/lists';
import { createMeeting } from '../../db/meetings';
import { MEETING_STATUS_LABELS, MODE_LABELS } from '../../model/labels';
import { awaitsHeldMark, compareMeetings, isUpcomingMeeting } from '../../model/meetingRules';
import { today } from '../components/labels';
import { ShowMore, usePaging } from '../components/ShowMore';
import { announceError, announceOnArrival } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { CalendarExport } from './CalendarExport';
import { MeetingForm } from './MeetingForm';
import { formatLength, formatWhen } from './meetingLabels';
import './meetings.css';

/** Splits meetings into upcoming (planned, today or later, soonest first) and past (latest first). */
export function splitMeetings<M extends MeetingRow>(
  meetings: readonly M[],
  day: string,
): { upcoming: M[]; past: M[] } {
  const upcoming: M[] = [];
  const past: M[] = [];
  for (const m of meetings) {
    // A planned meeting without a day yet is still ahead.
    const undatedPlan = !m.date && (m.status ?? 'planned') === 'planned';
    if (isUpcomingMeeting(m, day) || undatedPlan) upcoming.push(m);
    else past.push(m);
  }
  return { upcoming: upcoming.sort(compareMeetings), past: past.sort((a, b) => compareMeetings(b, a)) };
}

/**
 * The pair's meetings: upcoming and past, plan a new one, export to a calendar. It reads the
 * meetings' list rows (no notes) and shows each group a page at a time; the counts cover them all.
 */
export function MeetingsScreen() {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const meetings = useLive(() => liveMeetingRows(journalId), [journalId]);
  const [planning, setPlanning] = useState(false);
  const day = today();
  const groups = useMemo(() => (meetings ? splitMeetings(meetings, day) : undefined), [meetings, day]);

  return (
    <>
      <h1>Meetings</h1>
      {planning ? (
        <section aria-labelledby="plan-heading">
          <h2 id="plan-heading">Plan a meeting</h2>
          <MeetingForm
            submitLabel="Save meeting"
            onCancel={() => setPlanning(false)}
            onSubmit={async (result) => {
              try {
                const meeting = await createMeeting(journalId, result, today());
                announceOnArrival('Meeting planned', `/meetings/${meeting.id}`);
                route(`/meetings/${meeting.id}`);
              } catch (error) {
                announceError(error);
              }
            }}
          />
        </section>
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setPlanning(true)}>
            Plan a meeting
          </button>
        </div>
      )}
      {!groups ? (
        <p class="meta">Loading meetings…</p>
      ) : (
        <>
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Upcoming ({groups.upcoming.length})</h2>
            {groups.upcoming.length === 0 ? (
              <p class="empty">No meeting planned yet. Choose a day with “Plan a meeting”.</p>
            ) : (
              <MeetingList meetings={groups.upcoming} noun={['upcoming meeting', 'upcoming meetings']} />
            )}
          </section>
          <section aria-labelledby="past-heading">
            <h2 id="past-heading">Past ({groups.past.length})</h2>
            {groups.past.length === 0 ? (
              <p class="empty">Meetings that have taken place will be listed here.</p>
            ) : (
              <MeetingList meetings={groups.past} noun={['past meeting', 'past meetings']} />
            )}
          </section>
          <CalendarExport meetings={meetings ?? []} />
        </>
      )}
    </>
  );
}

/** One group of meetings, a page at a time. */
function MeetingList({ meetings, noun }: { meetings: MeetingRow[]; noun: readonly [string, string] }) {
  const day = today();
  const paging = usePaging<HTMLUListElement>();
  return (
    <>
      <ul class="cards meeting-list" ref={paging.listRef}>
        {meetings.slice(0, paging.limit).map((m) => {
          const now = m.date === day && (m.status ?? 'planned') === 'planned';
          return (
            <li key={m.id} class="card">
              <a class="meeting-link" href={`/meetings/${m.id}`}>
                {formatWhen(m)}
              </a>
              <p class="meta">
                {now && (
                  <>
                    <span class="badge today">Today</span>{' '}
                  </>
                )}
                <StatusBadge meeting={m} />{' '}
                {[m.mode && MODE_LABELS[m.mode], formatLength(m.durationMinutes), m.place]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {now && (
                <p>
                  <a class="button primary" href={`/meetings/${m.id}/run`}>
                    Start meeting mode
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <ShowMore
        shown={Math.min(paging.limit, meetings.length)}
        total={meetings.length}
        noun={noun}
        onMore={paging.showMore}
      />
    </>
  );
}

/** A meeting's status; a planned meeting whose day has passed says it was not marked held. */
function StatusBadge({ meeting }: { meeting: MeetingRow }) {
  const status = meeting.status ?? 'planned';
  if (awaitsHeldMark(meeting, today())) return <span class="badge warn">Planned, not marked held</span>;
  return <span class={status === 'cancelled' ? 'badge warn' : 'badge'}>{MEETING_STATUS_LABELS[status]}</span>;
}
