import { useState } from 'preact/hooks';
import { repo } from '../../db';
import type { MeetingRow } from '../../db/lists';
import { CheckboxField } from '../components/fields';
import { today } from '../components/labels';
import { announce, announceError } from '../components/status';
import { useJournal } from '../journalContext';

/** "Export to calendar (.ics)": loads the calendar code only when asked, then downloads the file. */
export function CalendarExport({ meetings }: { meetings: MeetingRow[] }) {
  const { journalId, journal } = useJournal();
  const [series, setSeries] = useState(false);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function exportCalendar() {
    setBusy(true);
    setMessage(undefined);
    try {
      const [{ toIcs }, agendaItems] = await Promise.all([
        import('../../calendar/toIcs'),
        repo('agendaItem').list(journalId),
      ]);
      const agenda = new Map<string, string[]>();
      for (const item of [...agendaItems].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))) {
        if (!item.meetingId || !item.text?.trim()) continue;
        const list = agenda.get(item.meetingId) ?? [];
        list.push(item.text.trim());
        agenda.set(item.meetingId, list);
      }
      const result = toIcs({
        meetings,
        agenda,
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
      const text = `Calendar file made with ${result.events} ${result.events === 1 ? 'event' : 'events'}.${
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
      <p class="meta">Put the planned meetings into your own calendar app.</p>
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
