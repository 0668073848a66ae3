import { useState } from 'preact/hooks';
import { createJournal } from '../db/journals';
import type { Role } from '../model/constants';
import { DEFAULT_CADENCE_DAYS, DEFAULT_LENGTH_MONTHS } from '../model/constants';
import { DateField, SelectField, TextField } from '../ui/components/fields';
import { optionsOf, ROLE_LABELS, today } from '../ui/components/labels';
import { announceError } from '../ui/components/status';

/** Creates a journal: names, my role, programme, start date, length and cadence. */
export function FirstRun({ onCancel }: { onCancel?: () => void }) {
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [menteeName, setMenteeName] = useState('');
  const [mentorName, setMentorName] = useState('');
  const [programme, setProgramme] = useState('');
  const [startDate, setStartDate] = useState<string | undefined>(today());
  const [lengthMonths, setLengthMonths] = useState(String(DEFAULT_LENGTH_MONTHS));
  const [cadenceDays, setCadenceDays] = useState(String(DEFAULT_CADENCE_DAYS));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!role) found.role = 'Choose whether you are the mentee or the mentor.';
    if (!menteeName.trim()) found.menteeName = 'Enter the mentee’s name.';
    if (!mentorName.trim()) found.mentorName = 'Enter the mentor’s name.';
    const months = Number(lengthMonths);
    if (!Number.isInteger(months) || months < 1 || months > 120)
      found.lengthMonths = 'Enter a length from 1 to 120 months.';
    const days = Number(cadenceDays);
    if (!Number.isInteger(days) || days < 1 || days > 366)
      found.cadenceDays = 'Enter a number of days from 1 to 366.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !role) return;
    try {
      await createJournal({
        role,
        menteeName: menteeName.trim(),
        mentorName: mentorName.trim(),
        programme: programme.trim() || undefined,
        startDate,
        lengthMonths: months,
        cadenceDays: days,
      });
      onCancel?.();
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <main id="main" class="first-run">
      <h1>Start a new journal</h1>
      <p>
        One journal holds one mentoring partnership: your goals, milestones, meetings and stories. It stays on
        this device; you share it with your partner by sending a file.
      </p>
      <form onSubmit={submit} noValidate>
        <SelectField
          label="I am the"
          value={role}
          placeholder="Choose…"
          options={optionsOf(ROLE_LABELS)}
          onChange={(v) => setRole(v || undefined)}
          error={errors.role}
        />
        <TextField
          label="Mentee’s name"
          value={menteeName}
          onInput={setMenteeName}
          error={errors.menteeName}
          autoComplete="off"
        />
        <TextField
          label="Mentor’s name"
          value={mentorName}
          onInput={setMentorName}
          error={errors.mentorName}
          autoComplete="off"
        />
        <TextField
          label="Programme (optional)"
          value={programme}
          onInput={setProgramme}
          hint="For example, the name of your association’s leadership programme."
        />
        <DateField label="Start date" value={startDate} onInput={setStartDate} />
        <TextField
          label="Length in months"
          type="number"
          value={lengthMonths}
          onInput={setLengthMonths}
          error={errors.lengthMonths}
        />
        <TextField
          label="Meet at least every … days"
          type="number"
          value={cadenceDays}
          onInput={setCadenceDays}
          error={errors.cadenceDays}
          hint="91 days is at least once a quarter."
        />
        <div class="actions">
          <button type="submit" class="primary">
            Create journal
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
