import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { device, repo } from '../../db';
import { finishMeeting } from '../../db/finishMeeting';
import { setActionDone } from '../../db/meetings';
import type { Role } from '../../model/constants';
import { parseStamp } from '../../model/hlc';
import { MILESTONE_STATUS_LABELS } from '../../model/labels';
import type { ActionItem, AgendaItem, Meeting } from '../../model/meeting';
import { followingMeeting, previousMeeting } from '../../model/meetingRules';
import type { Milestone } from '../../model/milestone';
import {
  compareMilestones,
  milestoneReschedulePatch,
  milestoneTogglePatch,
} from '../../model/milestoneRules';
import {
  addDays,
  DUE_SOON_DAYS,
  daysBetween,
  isCalendarDate,
  isMilestoneOverdue,
  isOpenMilestone,
} from '../../model/schedule';
import { DateField, TextArea, TextField } from '../components/fields';
import { formatDate, ROLE_LABELS, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announceError, announceOnArrival } from '../components/status';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useJournal } from '../journalContext';
import { Activities } from './MeetingDetailScreen';
import {
  ActionList,
  AddActionItem,
  AddItemForm,
  CarriedFrom,
  CarryNotice,
  PrivateNote,
  useActionItems,
  useAgenda,
} from './MeetingItems';
import { nextOrder } from './meetingActions';
import { formatWhen } from './meetingLabels';
import { summaryLines } from './meetingSummary';
import './meetings.css';

export const STEPS = [
  'Agenda',
  'Milestones',
  'Action items from last time',
  'Notes',
  'New action items',
  'Next meeting',
  'Summary',
] as const;

/** The next meeting's day and time as agreed in the meeting; planned when the meeting is finished. */
export interface NextChoice {
  date: string;
  time?: string;
}

/** Where meeting mode shows all its steps side by side instead of one at a time. */
export const WIDE_LAYOUT = '(min-width: 900px)';

/** Where meeting mode was left for one meeting: kept on this device so it resumes there. */
interface Progress {
  step: number;
  /** When this meeting-mode session started (ms): changes after it count as "changed in this meeting". */
  startedAt: number;
  /** The next meeting agreed on the "Next meeting" step, written only by Finish. */
  next?: NextChoice;
}

function validNext(next: unknown): NextChoice | undefined {
  if (!next || typeof next !== 'object') return undefined;
  const { date, time } = next as Record<string, unknown>;
  if (!isCalendarDate(date as string | undefined)) return undefined;
  return typeof time === 'string' && time ? { date: date as string, time } : { date: date as string };
}

const prefKey = (meetingId: string) => `meetingMode:${meetingId}`;

function stampMillis(stamp: string | undefined): number {
  if (!stamp) return 0;
  try {
    return parseStamp(stamp).millis;
  } catch {
    return 0;
  }
}

/** Local midnight of a calendar date, in ms. */
function dayStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

/**
 * Meeting mode: one large-type screen for two people at one device. On a phone it goes one step at
 * a time; at 900 px and wider (`WIDE_LAYOUT`) every step is on one screen side by side, made of the
 * same step components, so both layouts write the same records the same way. Changes
 * made on a step (an agenda point ticked, a milestone marked, an action closed, notes) are written
 * as they are made; the step and the next meeting agreed are kept on this device, so leaving
 * half-way and coming back resumes at the same step. Showing a step never writes: Finish writes
 * the rest — meeting held, summary, next meeting planned, open items carried — in one transaction.
 */
export function MeetingModeScreen() {
  const { params } = useRoute();
  const id = params.id!;
  const { journalId } = useJournal();
  const { route } = useLocation();
  const { record: meeting, loaded, set, flush } = useAutosave('meeting', id);
  const [progress, setProgress] = useState<Progress>();
  const summary = useRef<string | undefined>(undefined);
  const [finishing, setFinishing] = useState(false);
  const [finishSaid, sayAtFinish] = useSaid();
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // At 900 px and wider (a laptop or tablet between two people) every step shows at once.
  const wide = useMediaQuery(WIDE_LAYOUT);

  useEffect(() => {
    let live = true;
    device()
      .preference<Progress>(prefKey(id))
      .then(async (saved) => {
        const valid =
          saved && Number.isInteger(saved.step) && saved.step >= 0 && saved.step < STEPS.length
            ? { step: saved.step, startedAt: saved.startedAt, next: validNext(saved.next) }
            : { step: 0, startedAt: Date.now() };
        if (!saved) await device().setPreference(prefKey(id), valid);
        if (live) setProgress(valid);
      })
      .catch(announceError);
    return () => {
      live = false;
    };
  }, [journalId, id]);

  useEffect(() => {
    // Focus the step heading on every step change (and when resuming), so a screen reader says where we are.
    if (progress && heading.current) heading.current.focus();
  }, [progress?.step, loaded]);

  async function keep(changes: Partial<Progress>) {
    if (!progress) return;
    const next = { ...progress, ...changes };
    setProgress(next);
    try {
      await device().setPreference(prefKey(id), next);
    } catch (error) {
      announceError(error);
    }
  }

  async function go(step: number) {
    moved.current = true;
    await keep({ step });
  }

  async function finish() {
    if (finishing) return;
    if (summary.current === undefined) {
      sayAtFinish('The summary is still being put together. Press Finish again in a moment.');
      return;
    }
    setFinishing(true);
    try {
      // Notes typed a moment ago are saved first; then everything finishing writes, together.
      await flush();
      await finishMeeting({
        journalId,
        meetingId: id,
        summary: summary.current,
        next: progress?.next,
        today: today(),
      });
      await device().setPreference(prefKey(id), undefined);
      announceOnArrival('Meeting saved', `/meetings/${id}`);
      route(`/meetings/${id}`);
    } catch (error) {
      announceError(error);
      setFinishing(false);
    }
  }

  if (!loaded || !progress) return <p class="meta">Loading meeting mode…</p>;
  if (!meeting || meeting.deleted || meeting.journalId !== journalId) {
    return (
      <>
        <h1>Meeting not found</h1>
        <p>
          <a href="/meetings">Back to meetings</a>
        </p>
      </>
    );
  }
  const step = progress.step;
  const last = step === STEPS.length - 1;

  /** The content of one step: the same components, writing the same way, in either layout. */
  const stepContent = (index: number) => {
    switch (index) {
      case 0:
        return <AgendaStep journalId={journalId} meetingId={id} />;
      case 1:
        return <MilestonesStep journalId={journalId} meeting={meeting} startedAt={progress.startedAt} />;
      case 2:
        return <CarriedActionsStep journalId={journalId} meetingId={id} />;
      case 3:
        return (
          <>
            <TextArea
              label="Shared notes"
              hint="Both of you see these notes."
              value={meeting.sharedNotes}
              onInput={(v) => set('sharedNotes', v)}
              rows={6}
            />
            <PrivateNote journalId={journalId} meetingId={id} hidden />
            <Activities journalId={journalId} meeting={meeting} set={set} />
          </>
        );
      case 4:
        return <NewActionsStep journalId={journalId} meetingId={id} />;
      case 5:
        return (
          <NextMeetingStep
            journalId={journalId}
            meeting={meeting}
            set={set}
            chosen={progress.next}
            onChoose={(next) => keep({ next })}
          />
        );
      default:
        return (
          <SummaryStep
            journalId={journalId}
            meeting={meeting}
            startedAt={progress.startedAt}
            chosen={progress.next}
            onText={(text) => {
              summary.current = text;
            }}
          />
        );
    }
  };

  const head = (
    <>
      <div class="mode-head">
        <h1>Meeting mode</h1>
        {!wide && (
          <p class="step-progress">
            Step {step + 1} of {STEPS.length}
          </p>
        )}
      </div>
      <p class="meta mode-meeting">
        <span>{formatWhen(meeting)}</span>
        <a href={`/meetings/${id}`}>Leave meeting mode (everything is saved)</a>
      </p>
    </>
  );

  if (wide) {
    // A laptop or tablet on the table between two people: every step at once, side by side, in the
    // order the steps go (the page reads, and Tab moves, left to right and then down).
    return (
      <div class="meeting-mode meeting-wide">
        {head}
        <div class="mode-grid">
          {STEPS.map((name, index) => (
            <section
              key={name}
              class={index === STEPS.length - 1 ? 'mode-section is-summary' : 'mode-section'}
              aria-labelledby={`mode-section-${index}`}
            >
              <h2 id={`mode-section-${index}`}>{name}</h2>
              <div class="step-body">{stepContent(index)}</div>
              {index === STEPS.length - 1 && (
                <div class="actions mode-finish">
                  <button type="button" class="primary" onClick={finish} aria-disabled={finishing}>
                    Finish
                  </button>
                  <SaidHere said={finishSaid} />
                </div>
              )}
            </section>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div class="meeting-mode">
      {head}
      <ol class="step-dots" aria-hidden="true">
        {STEPS.map((name, i) => (
          <li key={name} class={i < step ? 'is-done' : i === step ? 'is-current' : undefined} />
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} id="step-heading">
        {STEPS[step]}
      </h2>
      <div class="step-body">{stepContent(step)}</div>
      <SaidHere said={finishSaid} />
      <nav class="step-footer" aria-label="Meeting steps">
        <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>
          Back
        </button>
        {last ? (
          <button type="button" class="primary" onClick={finish} aria-disabled={finishing}>
            Finish
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => go(step + 1)}>
            Next
          </button>
        )}
      </nav>
    </div>
  );
}

function roleAndCarry(item: { raisedBy?: Role; owner?: Role; dueDate?: string }) {
  const who = item.raisedBy ?? item.owner;
  return [who && ROLE_LABELS[who], item.dueDate && `due ${formatDate(item.dueDate)}`]
    .filter(Boolean)
    .join(' · ');
}

/** Step 1: the agenda, ticked off as it is discussed; points can be added on the spot. */
function AgendaStep({ journalId, meetingId }: { journalId: string; meetingId: string }) {
  const { role } = useJournal();
  const items = useAgenda(journalId, meetingId);
  if (!items) return <p class="meta">Loading…</p>;
  return (
    <>
      <CarryNotice journalId={journalId} meetingId={meetingId} />
      {items.length === 0 ? (
        <p class="empty">No agenda points yet. Add what you want to talk about.</p>
      ) : (
        <ul class="item-list">
          {items.map((item) => (
            <AgendaTick key={item.id} item={item} />
          ))}
        </ul>
      )}
      <AddItemForm
        kind="agendaItem"
        label="New agenda point"
        button="Add to agenda"
        emptyError="Write the agenda point first."
        roleLabel="Raised by"
        defaultRole={role}
        onAdd={(text, who) =>
          repo('agendaItem').create(journalId, {
            meetingId,
            text,
            raisedBy: who,
            discussed: false,
            order: nextOrder(items),
          })
        }
      />
    </>
  );
}

function AgendaTick({ item }: { item: AgendaItem }) {
  const meta = roleAndCarry(item);
  return (
    <li class="item-row">
      <div class="field field-check">
        <input
          id={`agenda-${item.id}`}
          type="checkbox"
          checked={item.discussed ?? false}
          onChange={(e) =>
            repo('agendaItem').update(item.id, { discussed: e.currentTarget.checked }).catch(announceError)
          }
        />
        <label for={`agenda-${item.id}`}>{item.text?.trim() || 'Untitled point'}</label>
      </div>
      <p class="meta">
        {meta && `Raised by ${meta}`}{' '}
        {item.carriedFromId && <CarriedFrom kind="agendaItem" fromId={item.carriedFromId} />}
      </p>
    </li>
  );
}

/** Which milestones the milestone step shows: open ones due before the next meeting is likely, and any changed since the last meeting. */
export function milestonesForReview(
  milestones: readonly Milestone[],
  meetingDate: string,
  since: number,
): Milestone[] {
  const horizon = addDays(meetingDate, DUE_SOON_DAYS);
  return milestones
    .filter((m) => {
      const due = isOpenMilestone(m) && isCalendarDate(m.dueDate) && daysBetween(horizon, m.dueDate) <= 0;
      const changed = Object.values(m.stamps).some((s) => stampMillis(s) >= since);
      return due || changed;
    })
    .sort(compareMilestones);
}

/** The start of "since the last meeting": the previous meeting's day, or this session's start. */
function usePreviousMeetingStart(journalId: string, meeting: Meeting, startedAt: number): number {
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  return useMemo(() => {
    const earlier = previousMeeting(meetings ?? [], meeting)?.date;
    return earlier ? Math.min(dayStart(earlier), startedAt) : startedAt;
  }, [meetings, meeting, startedAt]);
}

/** Step 2: milestones due or changed since the last meeting: done, missed, or a new due date. */
function MilestonesStep({
  journalId,
  meeting,
  startedAt,
}: {
  journalId: string;
  meeting: Meeting;
  startedAt: number;
}) {
  const milestones = useLive(() => repo('milestone').live(journalId), [journalId]);
  const since = usePreviousMeetingStart(journalId, meeting, startedAt);
  const shown = useMemo(
    () => (milestones ? milestonesForReview(milestones, meeting.date ?? today(), since) : undefined),
    [milestones, meeting.date, since],
  );
  const [limit, setLimit] = useState(MILESTONE_PAGE);
  if (!shown) return <p class="meta">Loading…</p>;
  if (shown.length === 0)
    return <p class="empty">No milestone is due soon or has changed since the last meeting.</p>;
  return (
    <>
      <p class="meta">
        {shown.length === 1 ? '1 milestone' : `${shown.length} milestones`} due by{' '}
        {formatDate(addDays(meeting.date ?? today(), DUE_SOON_DAYS))} or changed since the last meeting,
        earliest first.
      </p>
      <ul class="item-list">
        {shown.slice(0, limit).map((m) => (
          <MilestoneReview key={m.id} milestone={m} doneDate={meeting.date ?? today()} />
        ))}
      </ul>
      {shown.length > limit && (
        <div class="actions">
          <button type="button" onClick={() => setLimit((n) => n + MILESTONE_PAGE)}>
            Show {Math.min(MILESTONE_PAGE, shown.length - limit)} more milestones
          </button>
        </div>
      )}
    </>
  );
}

/** How many milestones the step shows at a time (a long-running journal can have hundreds overdue). */
const MILESTONE_PAGE = 20;

function MilestoneReview({ milestone, doneDate }: { milestone: Milestone; doneDate: string }) {
  const [due, setDue] = useState(milestone.dueDate);
  // What the last press did, said beside the buttons.
  const [said, say, sayError] = useSaid();
  const title = milestone.title?.trim() || 'Untitled milestone';
  const overdue = isMilestoneOverdue(milestone, today());
  async function mark(choice: 'done' | 'missed') {
    const { status, ...rest } = milestoneTogglePatch(choice, milestone, doneDate);
    try {
      await repo('milestone').update(milestone.id, { status, ...rest });
      say(status === 'planned' ? 'Back to planned' : `Marked ${status}`);
    } catch (error) {
      sayError(error);
    }
  }
  return (
    <li class="item-row">
      <fieldset class="review">
        <legend>
          <h3>{title}</h3>
        </legend>
        <p class="meta">
          {milestone.dueDate ? `Due ${formatDate(milestone.dueDate)}` : 'No due date'} · Status:{' '}
          {MILESTONE_STATUS_LABELS[milestone.status ?? 'planned']}{' '}
          {overdue && <span class="badge warn">Overdue</span>}
        </p>
        <div class="actions choice-buttons">
          <ChoiceButton
            label="Done"
            pressed={milestone.status === 'done'}
            name={`Mark “${title}” done`}
            onClick={() => mark('done')}
          />
          <ChoiceButton
            label="Missed"
            pressed={milestone.status === 'missed'}
            name={`Mark “${title}” missed`}
            onClick={() => mark('missed')}
          />
          <SaidHere said={said} />
        </div>
        <DateField
          label="New due date"
          value={due}
          onInput={(v) => {
            setDue(v);
            if (v && isCalendarDate(v) && v.startsWith('20')) {
              repo('milestone')
                .update(milestone.id, milestoneReschedulePatch(milestone, v))
                .catch(announceError);
            }
          }}
        />
      </fieldset>
    </li>
  );
}

/**
 * Done or Missed: the one chosen is filled, in bold, with a tick before its word, so it stands out
 * at a glance without colour; `aria-pressed` says the same to a screen reader.
 */
function ChoiceButton(props: { label: string; pressed: boolean; name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      class={props.pressed ? 'choice is-chosen' : 'choice'}
      aria-pressed={props.pressed}
      aria-label={props.name}
      onClick={props.onClick}
    >
      {props.pressed && (
        <span class="choice-mark" aria-hidden="true">
          ✓{' '}
        </span>
      )}
      {props.label}
    </button>
  );
}

/** Step 3: what was left open last time, now here as carried items: done, or carry on. */
function CarriedActionsStep({ journalId, meetingId }: { journalId: string; meetingId: string }) {
  const items = useActionItems(journalId, meetingId)?.filter((a) => a.carriedFromId);
  if (!items) return <p class="meta">Loading…</p>;
  return (
    <>
      <CarryNotice journalId={journalId} meetingId={meetingId} />
      {items.length === 0 ? (
        <p class="empty">No action items were carried from the last meeting.</p>
      ) : (
        <ul class="item-list">
          {items.map((item) => (
            <CarriedAction key={item.id} journalId={journalId} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function CarriedAction({ journalId, item }: { journalId: string; item: ActionItem }) {
  const title = item.text?.trim() || 'Untitled action';
  const meta = roleAndCarry(item);
  const choose = (done: boolean) => setActionDone(journalId, item, done, today()).catch(announceError);
  const overdue = !item.done && isCalendarDate(item.dueDate) && item.dueDate < today();
  return (
    <li class="item-row">
      <fieldset class="activities">
        <legend>{title}</legend>
        {(meta || overdue) && (
          <p class="meta">
            {meta} {overdue && <span class="badge warn">Overdue</span>}
          </p>
        )}
        <div class="choice-row">
          <label>
            <input
              type="radio"
              name={`carry-${item.id}`}
              checked={item.done === true}
              onChange={() => choose(true)}
            />
            Done
          </label>
          <label>
            <input
              type="radio"
              name={`carry-${item.id}`}
              checked={!item.done}
              onChange={() => choose(false)}
            />
            Carry to next meeting
          </label>
        </div>
      </fieldset>
    </li>
  );
}

/** Step 5: new action items agreed in this meeting. */
function NewActionsStep({ journalId, meetingId }: { journalId: string; meetingId: string }) {
  const { role } = useJournal();
  const items = useActionItems(journalId, meetingId);
  if (!items) return <p class="meta">Loading…</p>;
  const fresh = items.filter((a) => !a.carriedFromId);
  return (
    <>
      <AddActionItem journalId={journalId} meetingId={meetingId} role={role} existing={items} />
      <h3>Agreed in this meeting</h3>
      <ActionList
        journalId={journalId}
        items={fresh}
        emptyText="Nothing agreed yet. Write the first next step above: what, who does it, and by when."
      />
    </>
  );
}

/** The next planned meeting after this one, if any. */
function useNextMeeting(journalId: string, meeting: Meeting): Meeting | undefined | null {
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  return useMemo(() => {
    if (!meetings) return undefined;
    return followingMeeting(meetings, meeting) ?? null;
  }, [meetings, meeting]);
}

/** Step 6: the next meeting's day and time (kept until Finish plans or moves it) and the topics. */
function NextMeetingStep({
  journalId,
  meeting,
  set,
  chosen,
  onChoose,
}: {
  journalId: string;
  meeting: Meeting;
  set: (field: 'nextTopics', value: string) => void;
  chosen: NextChoice | undefined;
  onChoose: (next: NextChoice | undefined) => void;
}) {
  const { journal } = useJournal();
  const next = useNextMeeting(journalId, meeting);
  const [date, setDate] = useState<string>();
  const [time, setTime] = useState<string>();
  const [error, setError] = useState<string>();
  const shownDate = date ?? chosen?.date ?? next?.date ?? '';
  const shownTime = time ?? chosen?.time ?? next?.time ?? meeting.time ?? '';
  const suggestion =
    meeting.date && journal.cadenceDays ? addDays(meeting.date, journal.cadenceDays) : undefined;
  const planned = chosen ?? (next ? { date: next.date!, time: next.time } : undefined);

  function choose(nextDate: string, nextTime: string) {
    if (!isCalendarDate(nextDate) || (meeting.date && nextDate <= meeting.date)) {
      setError(nextDate ? 'Choose a day after this meeting.' : undefined);
      if (!nextDate) onChoose(undefined);
      return;
    }
    setError(undefined);
    onChoose(nextTime ? { date: nextDate, time: nextTime } : { date: nextDate });
  }

  return (
    <>
      {planned && (
        <p class="meta">
          The next meeting is planned for {formatWhen(planned)}
          {chosen ? ' once you press Finish' : ''}. Change it here if you agree another day.
        </p>
      )}
      <DateField
        label="Day of the next meeting"
        hint={suggestion ? `At your cadence, it would be due by ${formatDate(suggestion)}.` : undefined}
        value={shownDate}
        error={error}
        onInput={(v) => {
          setDate(v ?? '');
          choose(v ?? '', shownTime);
        }}
      />
      {suggestion && !shownDate && (
        <div class="actions">
          <button
            type="button"
            onClick={(event) => {
              // This button goes away once a day is chosen: keep focus on the day it filled in.
              const day = event.currentTarget
                .closest('.step-body')
                ?.querySelector<HTMLInputElement>('input[type="date"]');
              setDate(suggestion);
              choose(suggestion, shownTime);
              day?.focus();
            }}
          >
            Use {formatDate(suggestion)}
          </button>
        </div>
      )}
      <TextField
        label="Time of the next meeting"
        type="time"
        value={shownTime}
        onInput={(v) => {
          setTime(v);
          if (shownDate) choose(shownDate, v);
        }}
      />
      <TextArea
        label="Topics for the next two meetings"
        hint="What you want to take up next time and the time after."
        value={meeting.nextTopics}
        onInput={(v) => set('nextTopics', v)}
      />
    </>
  );
}

/** Step 7: what changed, shown as the summary that Finish writes into the meeting (and marks it held). */
function SummaryStep({
  journalId,
  meeting,
  startedAt,
  chosen,
  onText,
}: {
  journalId: string;
  meeting: Meeting;
  startedAt: number;
  chosen: NextChoice | undefined;
  onText: (text: string | undefined) => void;
}) {
  const agenda = useAgenda(journalId, meeting.id);
  const actions = useActionItems(journalId, meeting.id);
  const milestones = useLive(() => repo('milestone').live(journalId), [journalId]);
  const next = useNextMeeting(journalId, meeting);
  const lines = useMemo(() => {
    if (!agenda || !actions || !milestones || next === undefined) return undefined;
    const changedNow = (s: string | undefined) => stampMillis(s) >= startedAt;
    return summaryLines({
      agenda,
      milestones: milestones
        .filter((m) => changedNow(m.stamps.status) || changedNow(m.stamps.dueDate))
        .map((m) => ({
          title: m.title,
          status: m.status,
          dueDate: m.dueDate,
          statusChanged: changedNow(m.stamps.status),
          dueChanged: changedNow(m.stamps.dueDate),
        })),
      carried: actions.filter((a) => a.carriedFromId),
      newActions: actions.filter((a) => !a.carriedFromId),
      activities: meeting.activities ?? [],
      next: chosen ?? next ?? undefined,
      nextTopics: meeting.nextTopics,
    });
  }, [agenda, actions, milestones, next, chosen, meeting.activities, meeting.nextTopics, startedAt]);
  const text = lines?.join('\n');
  // Handed up as soon as it renders (not after paint), so Finish pressed at once saves what is shown.
  useLayoutEffect(() => onText(text), [text]);

  if (!lines) return <p class="meta">Loading…</p>;
  return (
    <>
      <ul class="summary-list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="meta">
        When you press Finish, this is saved as this meeting’s summary and the meeting is marked held.
      </p>
    </>
  );
}
