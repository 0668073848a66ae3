import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { type Patch, repo } from '../../db';
import { ACTIVITY_LABELS, MEETING_STATUS_LABELS, MODE_LABELS } from '../../model/labels';
import {
  ACTIVITIES,
  type Activity,
  MEETING_MODES,
  MEETING_STATUSES,
  type Meeting,
  type MeetingMode,
  type MeetingStatus,
} from '../../model/meeting';
import { awaitsHeldMark, previousMeeting } from '../../model/meetingRules';
import { CheckboxField, DateField, SelectField, TextArea, TextField } from '../components/fields';
import { today } from '../components/labels';
import { announceError, announceOnArrival } from '../components/status';
import { useConfirmFocus } from '../components/useConfirmFocus';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import {
  ActionList,
  AddActionItem,
  AgendaEditor,
  CarryNotice,
  PrivateNote,
  useActionItems,
} from './MeetingItems';
import { parseLength, validateMeetingForm } from './meetingForm';
import { formatWhen, isWebLink } from './meetingLabels';
import './meetings.css';
import { WaitingChoiceNotice } from '../share/WaitingChoiceNotice';

const MODE_OPTIONS = MEETING_MODES.map((value) => ({ value, label: MODE_LABELS[value] }));
const STATUS_OPTIONS = MEETING_STATUSES.map((value) => ({ value, label: MEETING_STATUS_LABELS[value] }));

/** One meeting: when and where, agenda, activities, notes (shared and private), action items, next topics. */
export function MeetingDetailScreen() {
  const { params } = useRoute();
  const id = params.id!;
  const { journalId, role } = useJournal();
  const { record: meeting, loaded, set } = useAutosave('meeting', id);

  if (!loaded) return <p class="meta">Loading the meeting…</p>;
  if (!meeting || meeting.deleted || meeting.journalId !== journalId) {
    return (
      <>
        <h1>Meeting not found</h1>
        <p>
          This meeting is not in this journal. <a href="/meetings">Back to meetings</a>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <a href="/meetings">← All meetings</a>
      </p>
      <h1>Meeting: {formatWhen(meeting)}</h1>
      {id && <WaitingChoiceNotice recordId={id} />}
      <p class="meta">
        <span class={meeting.status === 'cancelled' ? 'badge warn' : 'badge'}>
          {MEETING_STATUS_LABELS[meeting.status ?? 'planned']}
        </span>
      </p>
      {awaitsHeldMark(meeting, today()) && (
        <div class="warning">
          <p>This meeting’s day has passed. If you met, mark it held so the next one is counted from it.</p>
          <button type="button" onClick={() => set('status', 'held')}>
            Mark as held
          </button>
        </div>
      )}
      <div class="actions">
        <a class="button primary" href={`/meetings/${id}/run`}>
          Start meeting mode
        </a>
      </div>
      <WhenAndWhere meeting={meeting} set={set} />

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        <CarryNotice journalId={journalId} meetingId={id} />
        <PreviousTopics journalId={journalId} meeting={meeting} />
        <AgendaEditor journalId={journalId} meetingId={id} role={role} />
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">What you did</h2>
        <Activities journalId={journalId} meeting={meeting} set={set} />
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <TextArea
          label="Shared notes"
          hint="Both of you see these notes."
          value={meeting.sharedNotes}
          onInput={(v) => set('sharedNotes', v)}
          rows={6}
        />
        <PrivateNote journalId={journalId} meetingId={id} />
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Action items</h2>
        <MeetingActions journalId={journalId} meetingId={id} />
      </section>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">Topics for the next two meetings</h2>
        <TextArea
          label="Topics to plan"
          hint="What you want to take up next time and the time after."
          value={meeting.nextTopics}
          onInput={(v) => set('nextTopics', v)}
        />
      </section>

      {meeting.summary && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <p class="summary-text">{meeting.summary}</p>
        </section>
      )}

      <DeleteMeeting id={id} />
    </>
  );
}

type SetMeeting = <F extends keyof Patch<'meeting'>>(field: F, value: Patch<'meeting'>[F]) => void;

/** Date, time, length, way of meeting, place and status, each checked before it is saved. */
function WhenAndWhere({ meeting, set }: { meeting: Meeting; set: SetMeeting }) {
  const [date, setDate] = useState(meeting.date ?? '');
  const [time, setTime] = useState(meeting.time ?? '');
  const [length, setLength] = useState(meeting.durationMinutes ? String(meeting.durationMinutes) : '');
  const errors = validateMeetingForm({
    date,
    time,
    length,
    mode: meeting.mode ?? '',
    place: meeting.place ?? '',
  });

  return (
    <section aria-labelledby="when-heading">
      <h2 id="when-heading">When and where</h2>
      <div class="item-grid">
        <DateField
          label="Day"
          value={date}
          error={errors.date}
          onInput={(v) => {
            setDate(v ?? '');
            if (v && !validateMeetingForm({ date: v, time: '', length: '', mode: '', place: '' }).date)
              set('date', v);
          }}
        />
        <TextField
          label="Time"
          type="time"
          value={time}
          error={errors.time}
          onInput={(v) => {
            setTime(v);
            if (!v) set('time', undefined);
            else if (
              !validateMeetingForm({ date: '2000-01-01', time: v, length: '', mode: '', place: '' }).time
            )
              set('time', v);
          }}
        />
        <TextField
          label="Length in minutes"
          value={length}
          error={errors.length}
          onInput={(v) => {
            setLength(v);
            if (!v.trim()) set('durationMinutes', undefined);
            else if (
              !validateMeetingForm({ date: '2000-01-01', time: '', length: v, mode: '', place: '' }).length
            )
              set('durationMinutes', parseLength(v));
          }}
        />
        <SelectField
          label="How you meet"
          value={meeting.mode}
          options={MODE_OPTIONS}
          placeholder="Not said"
          onChange={(v) => set('mode', (v || undefined) as MeetingMode | undefined)}
        />
        <SelectField
          label="Status"
          value={meeting.status ?? 'planned'}
          options={STATUS_OPTIONS}
          onChange={(v) => set('status', v as MeetingStatus)}
        />
      </div>
      <TextField
        label="Place or link"
        value={meeting.place}
        hint="A room, an address, or the video call link."
        error={errors.place}
        onInput={(v) => set('place', v)}
      />
      {isWebLink(meeting.place) && (
        <p class="place-link">
          <a href={meeting.place.trim()} target="_blank" rel="noopener noreferrer">
            Open the meeting link
          </a>
        </p>
      )}
    </section>
  );
}

/** The topics the meeting before planned for this one, so the agenda can start from them. */
function PreviousTopics({ journalId, meeting }: { journalId: string; meeting: Meeting }) {
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  const previous = meetings && previousMeeting(meetings, meeting);
  if (!previous?.nextTopics?.trim()) return null;
  return (
    <div class="card">
      <p class="meta">Topics planned at the meeting before ({formatWhen(previous)}):</p>
      <p class="pre-line">{previous.nextTopics}</p>
    </div>
  );
}

/** The activities done in the meeting; a reading discussion may point at a reading opportunity. */
export function Activities({
  journalId,
  meeting,
  set,
}: {
  journalId: string;
  meeting: Meeting;
  set: SetMeeting;
}) {
  const chosen = new Set(meeting.activities ?? []);
  const readings = useLive(() => repo('opportunity').live(journalId), [journalId])?.filter(
    (o) => o.type === 'reading',
  );
  const toggle = (activity: Activity, on: boolean) => {
    const next = ACTIVITIES.filter((a) => (a === activity ? on : chosen.has(a)));
    set('activities', next);
    if (activity === 'reading-discussion' && !on) set('opportunityId', undefined);
  };
  return (
    <fieldset class="activities">
      <legend>Activities done in this meeting</legend>
      {ACTIVITIES.map((activity) => (
        <CheckboxField
          key={activity}
          label={ACTIVITY_LABELS[activity]}
          checked={chosen.has(activity)}
          onChange={(on) => toggle(activity, on)}
        />
      ))}
      {chosen.has('reading-discussion') && readings && readings.length > 0 && (
        <SelectField
          label="Which reading"
          value={meeting.opportunityId}
          placeholder="None of these"
          options={readings.map((r) => ({ value: r.id, label: r.title?.trim() || 'Untitled reading' }))}
          onChange={(v) => set('opportunityId', v || undefined)}
        />
      )}
    </fieldset>
  );
}

function MeetingActions({ journalId, meetingId }: { journalId: string; meetingId: string }) {
  const { role } = useJournal();
  const items = useActionItems(journalId, meetingId);
  if (!items) return <p class="meta">Loading action items…</p>;
  return (
    <>
      <ActionList journalId={journalId} items={items} />
      <AddActionItem journalId={journalId} meetingId={meetingId} role={role} existing={items} />
    </>
  );
}

/** Deletes the meeting after an inline confirmation. */
function DeleteMeeting({ id }: { id: string }) {
  const [asking, setAsking] = useState(false);
  const { askRef, keepRef } = useConfirmFocus(asking);
  const { route } = useLocation();
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      {asking ? (
        <div class="warning">
          <p id="meeting-delete-question">
            Delete this meeting? Its agenda and action items stay in the journal's history but are no longer
            shown with it.
          </p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              onClick={async () => {
                try {
                  await repo('meeting').remove(id);
                  announceOnArrival('Meeting deleted', '/meetings');
                  route('/meetings');
                } catch (error) {
                  announceError(error);
                }
              }}
            >
              Yes, delete the meeting
            </button>
            <button
              type="button"
              ref={keepRef}
              aria-describedby="meeting-delete-question"
              onClick={() => setAsking(false)}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="danger" ref={askRef} onClick={() => setAsking(true)}>
          Delete meeting
        </button>
      )}
    </section>
  );
}
