import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { liveMeetingRows } from '../../db/lists';
import { createMeeting } from '../../db/meetings';
import { todaysMeeting } from '../../model/meetingRules';
import { formatDate, today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';

/**
 * The "Start today's meeting" app shortcut (/meetings/today): opens meeting mode for today's
 * meeting; when none is planned for today, offers to start one now (nothing is made unasked).
 */
export function TodaysMeetingScreen() {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const meetings = useLive(() => liveMeetingRows(journalId), [journalId]);
  const [busy, setBusy] = useState(false);
  const day = today();
  const found = meetings ? todaysMeeting(meetings, day) : undefined;

  useEffect(() => {
    if (found) route(`/meetings/${found.id}/run`, true);
  }, [found?.id]);

  const start = async () => {
    setBusy(true);
    try {
      const meeting = await createMeeting(journalId, { date: day }, day);
      announce('Meeting started');
      route(`/meetings/${meeting.id}/run`, true);
    } catch (error) {
      announceError(error);
      setBusy(false);
    }
  };

  if (!meetings || found) return <p class="meta">Opening today’s meeting…</p>;
  return (
    <>
      <h1>No meeting planned for today</h1>
      <p>Nothing is planned for {formatDate(day)}. Meeting now? Start one: it is dated today.</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={start}>
          Start a meeting now
        </button>
        <a class="button" href="/meetings">
          See all meetings
        </a>
      </div>
    </>
  );
}
