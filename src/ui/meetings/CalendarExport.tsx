import { useState } from 'preact/hooks';
import { DEFAULT_REMINDER, REMINDER_LABELS, type Reminder } from '../../calendar/reminders';
import { repo } from '../../db';
import type { MeetingRow } from '../../db/lists';
import { CheckboxField, SelectField } from '../components/fields';
import { optionsOf, today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { useJournal } from '../journalContext';

/** The latest of two stamps ('' for none). */
const later = (a: string | undefined, b: string) => (a && a > b ? a : b);

/**
 * "Export to calendar (.ics)": loads the calendar code only when asked, then downloads the file —
 * the planned meetings with a reminder before each (a day by default), open milestones on their
 * due dates, and, if asked, a repeating reminder series.
 */
export function CalendarExport({ meetings: rows }: { meetings: MeetingRow[] }) {
  const { journalId, journal } = useJournal();
  const [series, setSeries] = useState(false);
  const [reminder, setReminder] = useState<Reminder>(DEFAULT_REMINDER);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function exportCalendar() {
    setBusy(true);
    setMessage(undefined);
    try {
      // The whole records, with their stamps: an event's SEQUENCE comes from its latest change.
      const [{ toIcs }, meetings, agendaItems, milestones] = await Promise.all([
        import('../../calendar/toIcs'),
        rows.length ? repo('meeting').list(journalId) : [],
        repo('agendaItem').list(journalId),
        repo('milestone').list(journalId),
      ]);
      const agenda = new Map<string, string[]>();
      const agendaChangedAt = new Map<string, string>();
      for (const item of [...agendaItems].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
        if (!item.meetingId) continue;
        // A removed or emptied agenda point changes the description too.
        for (const stamp of Object.values(item.stamps))
          agendaChangedAt.set(item.meetingId, later(agendaChangedAt.get(item.meetingId), stamp));
        if (item.deleted || !item.text?.trim()) continue;
        const list = agenda.get(item.meetingId) ?? [];
        list.push(item.text.trim());
        agenda.set(item.meetingId, list);
      }
      const result = toIcs({
        meetings,
        agenda,
        agendaChangedAt,
        milestones,
        reminder,
        journalStamps: journal.stamps,
        journalId,
        menteeName: journal.menteeName,
        mentorName: journal.mentorName,
        startDate: journal.startDate,
        lengthMonths: journal.lengthMonths,
        cadenceDays: journal.cadenceDays,
        series,
        today: today(),
      });
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      const blob = new Blob([result.text], { type: 'text/calendar;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'mentoring-meetings.ics';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const meetingEvents = result.events - result.milestones;
      const parts = [
        `${meetingEvents} ${meetingEvents === 1 ? 'event' : 'events'}`,
        result.milestones && `${result.milestones} ${result.milestones === 1 ? 'milestone' : 'milestones'}`,
      ].filter(Boolean);
      const text = `Calendar file made with ${parts.join(' and ')}.${
        result.seriesNote ? ` ${result.seriesNote}` : ''
      }`;
      setMessage(text);
      announce(text);
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="calendar-export" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar</h2>
      <p class="meta">
        Put the planned meetings and the open milestones’ due dates into your own calendar app. Export again
        after a change: the calendar updates the events it has.
      </p>
      <SelectField
        label="Reminder"
        value={reminder}
        options={optionsOf(REMINDER_LABELS)}
        onChange={setReminder}
        hint="Your calendar shows it before each meeting and milestone."
      />
      <CheckboxField
        label="Also add a repeating reminder series"
        hint="A reminder at your meeting cadence until the programme ends."
        checked={series}
        onChange={setSeries}
      />
      <div class="actions">
        <button type="button" onClick={exportCalendar} disabled={busy}>
          Export to calendar (.ics)
        </button>
      </div>
      {message && <p class="meta">{message}</p>}
    </section>
  );
}
