import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { liveHomeFacts, type MeetingLine } from '../../db/firstLoad';
import { homeSnapshotDrops } from '../../db/homeSnapshot';
import { BACKUP_REMINDER_DAYS_AT_RISK, backupReminder } from '../../model/backupRules';
import { GOAL_STATUS_LABELS, GOAL_STATUS_ORDER } from '../../model/labels';
import { daysBetween, nextMeetingDue, programmeProgress } from '../../model/schedule';
import { formatDate, localDate, ROLE_LABELS, today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { STORAGE_ADVICE_TEXT, useStorageAdvice } from '../components/storageAdvice';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { WaitingChoices } from './WaitingChoices';
import '../goals/goals.css';
import './home.css';
import { reviewDays } from '../../model/reviewPlan';
import { reviewDue } from '../../model/reviewRules';
import { HomeGoalProgressList } from './HomeGoalProgressList';
import { keepHomeSnapshot, revealLiveApp } from './homeSnapshot';
import { NeedsAttentionCard } from './NeedsAttentionCard';
import { ProgrammeArcCard } from './ProgrammeArcCard';

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Today", "Tomorrow" or the date, as people say it. */
export function dayInWords(date: string, now: string): string {
  const days = daysBetween(now, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  return formatDate(date);
}

/**
 * A planned meeting whose day has passed: was it held? Marking it held counts the next meeting from
 * it; otherwise the pair opens it to give it a new date. (Dexie loads for the write only.)
 */
function WasItHeld({ meeting }: { meeting: MeetingLine }) {
  const [busy, setBusy] = useState(false);
  const day = meeting.date ? formatDate(meeting.date) : 'its day';
  async function markHeld() {
    setBusy(true);
    try {
      const { repo } = await import('../../db');
      await repo('meeting').update(meeting.id, { status: 'held' });
      announce('Marked as held');
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="warning was-it-held">
      <p>
        Was the meeting on {day}
        {meeting.time && ` at ${meeting.time}`} held?
      </p>
      <p class="actions">
        <button type="button" onClick={markHeld} disabled={busy}>
          Mark as held
        </button>
        <a class="button" href={`/meetings/${meeting.id}`}>
          Reschedule
        </a>
      </p>
    </div>
  );
}

/** How long Home stays unchanged before it is kept for the next cold start (its late parts drawn). */
const HOME_SETTLED_MS = 800;

/**
 * Where the partnership stands today: programme, next meeting, what is due, open actions, goals,
 * backup. It reads one read model (db/readModels.ts `readHome`): counts and the first few items,
 * through indexes, with no note text — shown straight from IndexedDB on a cold start.
 */
export function HomeScreen() {
  return <Home />;
}

/** Home drawn off screen, to be kept for the next cold start (app/keepHomeWhenHidden.tsx). */
export function OffScreenHome({ onSettled }: { onSettled: () => void }) {
  return <Home onSettled={onSettled} />;
}

function Home({ onSettled }: { onSettled?: () => void }) {
  const { journalId, journal } = useJournal();
  const now = today();
  const facts = useLive(() => liveHomeFacts(journalId, now), [journalId, now]);
  const membership = facts?.membership;
  // The review due now (model/reviewRules), for the Needs attention card.
  const reviewDueNow =
    facts &&
    reviewDue(
      reviewDays(journal, facts.reviews.midPoint, facts.reviews.closing),
      facts.reviews.finished,
      now,
    );

  const progress = programmeProgress(journal.startDate, journal.lengthMonths, now);
  const next = nextMeetingDue([facts?.lastHeldDate], journal.startDate, journal.cadenceDays, now);
  const planned = facts?.planned;
  const overdue = facts?.overdue;
  const dueSoon = facts?.dueSoon;
  const open = facts?.openActions;
  const goalCounts = facts?.goalCounts;
  const goalTotal = goalCounts ? Object.values(goalCounts).reduce((a, b) => a + b, 0) : undefined;

  const backupDate = localDate(membership?.lastBackupAt);
  const exportDate = localDate(membership?.lastExportAt);
  const storage = useStorageAdvice();
  const backup = backupReminder(backupDate, now, storage !== undefined && storage !== 'kept');
  const daysSinceBackup = backup.daysSince;
  const suggestBackup = facts !== undefined && backup.due;

  // Drawn with its facts: this Home takes over from the one kept for the cold start, in this frame…
  useLayoutEffect(() => {
    if (facts && !onSettled) revealLiveApp();
  }, [facts !== undefined]);
  // …and, once it has settled, is kept for the next one — unless a write has dropped the kept Home
  // since these facts were read (the facts that include it are on their way).
  const dropsWhenRead = useMemo(() => homeSnapshotDrops(), [facts]);
  useEffect(() => {
    if (!facts) return;
    const keep = () => {
      if (homeSnapshotDrops() !== dropsWhenRead) return;
      if (onSettled) onSettled();
      else keepHomeSnapshot(journalId, now);
    };
    const timer = setTimeout(keep, HOME_SETTLED_MS);
    return () => clearTimeout(timer);
  }, [facts, storage, journalId, now]);

  return (
    <>
      <h1>Home</h1>
      <WaitingChoices journalId={journalId} />
      <div class="home-grid">
        <NeedsAttentionCard facts={facts} reviewDue={reviewDueNow?.stage} />
        <ProgrammeArcCard facts={facts?.reviews} />
        <section class="card" aria-labelledby="home-programme">
          <h2 id="home-programme">Programme</h2>
          {progress ? (
            <>
              <p class="big">
                Month {progress.monthsElapsed} of {progress.lengthMonths}
              </p>
              <progress
                class="programme-bar"
                max={progress.lengthMonths}
                value={progress.monthsElapsed}
                aria-label={`${progress.monthsElapsed} of ${progress.lengthMonths} months elapsed`}
              />
              <p class="meta">
                {progress.phase === 'not-started'
                  ? `Starts ${formatDate(journal.startDate)}`
                  : progress.phase === 'ended'
                    ? `Ended ${formatDate(progress.endDate)}`
                    : `Started ${formatDate(journal.startDate)} · ends ${formatDate(progress.endDate)}`}
              </p>
            </>
          ) : (
            <p class="empty">No start date yet.</p>
          )}
          <p>
            <a href="/agreement">Our agreement</a>
          </p>
        </section>

        <section class="card" aria-labelledby="home-meeting">
          <h2 id="home-meeting">Next meeting</h2>
          {facts === undefined ? (
            <p>Loading…</p>
          ) : (
            <>
              {planned && (
                <>
                  <p class="big">
                    <a href={`/meetings/${planned.id}`}>
                      {dayInWords(planned.date!, now)}
                      {planned.time && `, ${planned.time}`}
                    </a>
                  </p>
                  {planned.date === now && (
                    <p>
                      <a class="button primary" href={`/meetings/${planned.id}/run`}>
                        Start meeting mode
                      </a>
                    </p>
                  )}
                </>
              )}
              {next ? (
                next.overdue ? (
                  <p class="warning">
                    <strong>Overdue:</strong> a meeting was due by {formatDate(next.dueDate)} (
                    {plural(-next.daysLeft, 'day')} ago).
                  </p>
                ) : planned ? (
                  <p class="meta">
                    {planned.date! <= next.dueDate
                      ? `In good time: one is due by ${formatDate(next.dueDate)}.`
                      : `Later than planned: one is due by ${formatDate(next.dueDate)}.`}
                  </p>
                ) : (
                  <p class="big">
                    Due by {formatDate(next.dueDate)}{' '}
                    <span class="meta">
                      ({next.daysLeft === 0 ? 'today' : `in ${plural(next.daysLeft, 'day')}`})
                    </span>
                  </p>
                )
              ) : (
                <p class="empty">Set a start date and how often you meet in the agreement.</p>
              )}
              {facts.awaitingHeld && <WasItHeld meeting={facts.awaitingHeld} />}
              {!planned && !facts.awaitingHeld && (
                <p class="meta">
                  No meeting planned yet. <a href="/meetings">Plan one</a> and add what you want to talk
                  about.
                </p>
              )}
              {next && (
                <p class="meta">
                  {next.fromDate
                    ? `Last met ${formatDate(next.fromDate)}`
                    : 'Counted from the programme start'}
                  , every {plural(journal.cadenceDays ?? 0, 'day')}.
                </p>
              )}
            </>
          )}
          <p>
            <a href="/meetings">All meetings</a>
          </p>
        </section>

        <section class="card wide" aria-labelledby="home-milestones">
          <h2 id="home-milestones">Milestones due</h2>
          {!overdue || !dueSoon ? (
            <p>Loading…</p>
          ) : overdue.count === 0 && dueSoon.count === 0 ? (
            <p class="empty">Nothing overdue and nothing due in the next 30 days.</p>
          ) : (
            <>
              {overdue.count > 0 && (
                <>
                  <h3>Overdue ({overdue.count})</h3>
                  <ul class="plain-list" aria-label="Overdue milestones">
                    {overdue.first.map((m) => (
                      <li key={m.id}>
                        <span class="badge warn">Overdue</span> {m.title?.trim() || 'Untitled milestone'}{' '}
                        <span class="meta">was due {formatDate(m.dueDate)}</span>
                      </li>
                    ))}
                  </ul>
                  {overdue.count > overdue.first.length && (
                    <p class="meta">and {overdue.count - overdue.first.length} more.</p>
                  )}
                </>
              )}
              {dueSoon.count > 0 && (
                <>
                  <h3>Due in the next 30 days ({dueSoon.count})</h3>
                  <ul class="plain-list" aria-label="Milestones due in the next 30 days">
                    {dueSoon.first.map((m) => (
                      <li key={m.id}>
                        {m.title?.trim() || 'Untitled milestone'}{' '}
                        <span class="meta">due {formatDate(m.dueDate)}</span>
                      </li>
                    ))}
                  </ul>
                  {dueSoon.count > dueSoon.first.length && (
                    <p class="meta">and {dueSoon.count - dueSoon.first.length} more.</p>
                  )}
                </>
              )}
            </>
          )}
          <p>
            <a href="/milestones">All milestones</a>
          </p>
        </section>

        <section class="card wide" aria-labelledby="home-actions">
          <h2 id="home-actions">Open action items</h2>
          {!open ? (
            <p>Loading…</p>
          ) : open.count === 0 ? (
            <p class="empty">No open action items. Next steps you agree in a meeting show up here.</p>
          ) : (
            <ul class="plain-list action-list" aria-label="Open action items">
              {open.first.map((a) => (
                <li key={a.id}>
                  <a href={a.meetingId ? `/meetings/${a.meetingId}` : '/meetings'}>
                    {a.text?.trim() || 'Untitled action'}
                  </a>{' '}
                  <span class="meta">
                    {a.owner ? ROLE_LABELS[a.owner] : 'No one chosen yet'}
                    {a.dueDate && ` · due ${formatDate(a.dueDate)}`}
                  </span>
                  {a.dueDate && a.dueDate < now && (
                    <>
                      {' '}
                      <span class="badge warn">Overdue</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {open && open.count > open.first.length && (
            <p class="meta">and {open.count - open.first.length} more.</p>
          )}
        </section>

        <section class="card" aria-labelledby="home-goals">
          <h2 id="home-goals">Goals</h2>
          {goalTotal === 0 ? (
            <p class="empty">
              No goals yet. <a href="/goals">Write down the first one</a>: something you want to be able to do
              by the end of the programme.
            </p>
          ) : (
            <ul class="plain-list goal-counts">
              {GOAL_STATUS_ORDER.map((s) => (
                <li key={s}>
                  <a href={`/goals?status=${s}`}>
                    {GOAL_STATUS_LABELS[s]}: {goalCounts ? goalCounts[s] : '…'}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <HomeGoalProgressList progress={facts?.goalProgress} />
          <p>
            <a href="/goals">All goals</a>
          </p>
        </section>

        <section class="card" aria-labelledby="home-backup">
          <h2 id="home-backup">Backup</h2>
          {storage && storage !== 'kept' && (
            <div class="warning storage-advice">
              <p>
                <strong>This browser may not keep the journal.</strong> {STORAGE_ADVICE_TEXT[storage]}
              </p>
              <p>
                Until then, back up often: Home reminds you after{' '}
                {plural(BACKUP_REMINDER_DAYS_AT_RISK, 'day')}.
              </p>
            </div>
          )}
          {facts === undefined ? (
            <p>Loading…</p>
          ) : (
            <>
              <p>
                Last backup: <strong>{backupDate ? formatDate(backupDate) : 'never'}</strong>
                <br />
                Last sent to partner: <strong>{exportDate ? formatDate(exportDate) : 'never'}</strong>
              </p>
              {suggestBackup ? (
                <p class="warning">
                  {daysSinceBackup === undefined
                    ? 'This journal has never been backed up. Everything lives only on this device.'
                    : `No backup for ${plural(daysSinceBackup, 'day')}.`}{' '}
                  <a href="/share">Make a backup</a>
                </p>
              ) : (
                <p>
                  <a href="/share">Share and back up</a>
                </p>
              )}
            </>
          )}
        </section>
      </div>
      <p class="home-more">
        <a href="/check-ins">Check-ins</a> · <a href="/agreement">Agreement</a> ·{' '}
        <a href="/milestones">Milestones</a>
      </p>
    </>
  );
}
