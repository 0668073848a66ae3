import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createJournal } from '../db/journals';
import type { Role } from '../model/constants';
import { DEFAULT_CADENCE_DAYS, DEFAULT_LENGTH_MONTHS } from '../model/constants';
import { DateField, RadioGroup, TextField } from '../ui/components/fields';
import { today } from '../ui/components/labels';
import { announceError } from '../ui/components/status';
import { COHORT_PATH } from './routes';

const ROLE_CHOICES = [
  { value: 'mentee', label: 'The mentee — I am being mentored' },
  { value: 'mentor', label: 'The mentor — I am mentoring someone' },
] as const satisfies readonly { value: Role; label: string }[];

/** What the form holds while it is being filled in. */
interface Draft {
  role: Role | undefined;
  menteeName: string;
  mentorName: string;
  programme: string;
  startDate: string | undefined;
  lengthMonths: string;
  cadenceDays: string;
  /** For a partnership that started before today: the day the pair last met, if they have. */
  lastMetOn: string | undefined;
}

type Errors = Partial<Record<keyof Draft, string>>;

/** Whether the partnership started before `now`: then the form asks when the pair last met. */
export function startedBefore(draft: Pick<Draft, 'startDate'>, now: string): boolean {
  return (
    draft.startDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) && draft.startDate < now
  );
}

/** Checks the form; each message sits at its field and says how to fix it. */
export function validateNewJournal(draft: Draft, now: string = today()): Errors {
  const errors: Errors = {};
  if (!draft.role) errors.role = 'Choose whether you are the mentee or the mentor in this partnership.';
  if (!draft.menteeName.trim()) errors.menteeName = 'Enter the mentee’s name (a first name is enough).';
  if (!draft.mentorName.trim()) errors.mentorName = 'Enter the mentor’s name (a first name is enough).';
  if (!draft.startDate || !/^\d{4}-\d{2}-\d{2}$/.test(draft.startDate))
    errors.startDate = 'Enter the date the partnership starts (or started).';
  const months = Number(draft.lengthMonths);
  if (draft.lengthMonths.trim() === '' || !Number.isInteger(months) || months < 1 || months > 120)
    errors.lengthMonths = 'Enter a whole number of months from 1 to 120.';
  const days = Number(draft.cadenceDays);
  if (draft.cadenceDays.trim() === '' || !Number.isInteger(days) || days < 1 || days > 366)
    errors.cadenceDays = 'Enter a whole number of days from 1 to 366.';
  if (startedBefore(draft, now) && draft.lastMetOn !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.lastMetOn)) errors.lastMetOn = 'Enter the date you last met.';
    else if (draft.lastMetOn > now)
      errors.lastMetOn = 'Enter a day that has passed: the last time you met, not the next.';
  }
  return errors;
}

/**
 * Starts a journal: who is in the partnership and my role in it, then the programme's shape
 * (start, length, how often to meet). The journal becomes the current one.
 */
export function FirstRun({ onCancel }: { onCancel?: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    role: undefined,
    menteeName: '',
    mentorName: '',
    programme: '',
    startDate: today(),
    lengthMonths: String(DEFAULT_LENGTH_MONTHS),
    cadenceDays: String(DEFAULT_CADENCE_DAYS),
    lastMetOn: undefined,
  });
  const now = today();
  const askLastMeeting = startedBefore(draft, now);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // "Join with my partner's file" loads the import flow (and its schemas) only when asked for.
  const [Join, setJoin] = useState<ComponentType<{ onDone?: () => void }> | undefined>(undefined);
  const [Restore, setRestore] = useState<ComponentType | undefined>(undefined);
  const { route } = useLocation();
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const set =
    <F extends keyof Draft>(field: F) =>
    (value: Draft[F]) => {
      setDraft((d) => ({ ...d, [field]: value }));
      // A message goes away as soon as the field is corrected.
      if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
    };

  useEffect(() => {
    // Opened from the switcher: say where we are.
    if (onCancel) heading.current?.focus();
  }, []);

  // After a refused submit, take the person to the first field that needs fixing.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target =
      invalid.getAttribute('role') === 'radiogroup' ? invalid.querySelector<HTMLElement>('input') : invalid;
    target?.focus();
  }, [attempt]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateNewJournal(draft, now);
    setErrors(found);
    if (Object.values(found).some(Boolean) || !draft.role) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await createJournal({
        role: draft.role,
        menteeName: draft.menteeName.trim(),
        mentorName: draft.mentorName.trim(),
        programme: draft.programme.trim() || undefined,
        startDate: draft.startDate,
        lengthMonths: Number(draft.lengthMonths),
        cadenceDays: Number(draft.cadenceDays),
        lastMetOn: askLastMeeting ? draft.lastMetOn : undefined,
      });
      // The next step: the programme plan offered from the start date (PlanScreen).
      route('/plan');
      onCancel?.();
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="first-run">
      <h1 ref={heading} tabIndex={-1}>
        Start a new journal
      </h1>
      <p>
        A journal holds one mentoring partnership: its goals, milestones, meetings and stories. It lives on
        this device only. You and your partner each keep a copy and bring them together by exchanging a file.
      </p>
      {!onCancel && (
        <section class="committee-entry" aria-label="For the programme committee">
          <p>Reading the summaries that pairs send their programme? You need no journal of your own.</p>
          <div class="actions">
            <a class="button" href={COHORT_PATH}>
              I’m on the programme committee
            </a>
          </div>
        </section>
      )}
      <form ref={form} onSubmit={submit} noValidate aria-label="New journal">
        <fieldset>
          <legend>The partnership</legend>
          <RadioGroup
            label="In this partnership I am"
            value={draft.role}
            options={ROLE_CHOICES}
            onChange={set('role')}
            error={errors.role}
            name="role"
          />
          <TextField
            label="Mentee’s name"
            value={draft.menteeName}
            onInput={set('menteeName')}
            error={errors.menteeName}
            autoComplete="off"
            name="menteeName"
          />
          <TextField
            label="Mentor’s name"
            value={draft.mentorName}
            onInput={set('mentorName')}
            error={errors.mentorName}
            autoComplete="off"
            name="mentorName"
          />
        </fieldset>
        <fieldset>
          <legend>The programme</legend>
          <TextField
            label="Programme (optional)"
            value={draft.programme}
            onInput={set('programme')}
            hint="The name of the mentoring or leadership programme, if there is one."
            name="programme"
          />
          <DateField
            label="Start date"
            value={draft.startDate}
            onInput={set('startDate')}
            error={errors.startDate}
            name="startDate"
          />
          <TextField
            label="Length in months"
            type="number"
            value={draft.lengthMonths}
            onInput={set('lengthMonths')}
            error={errors.lengthMonths}
            hint="Formal programmes often run for 18 months."
            name="lengthMonths"
          />
          <TextField
            label="Meet at least every … days"
            type="number"
            value={draft.cadenceDays}
            onInput={set('cadenceDays')}
            error={errors.cadenceDays}
            hint="91 days means at least once a quarter. The journal reminds you when a meeting is due."
            name="cadenceDays"
          />
        </fieldset>
        {askLastMeeting && (
          <fieldset>
            <legend>Your meetings so far</legend>
            <DateField
              label="When did you last meet?"
              value={draft.lastMetOn}
              onInput={set('lastMetOn')}
              error={errors.lastMetOn}
              hint="The partnership started before today. The journal keeps this as a meeting you held, and counts the next one from it. Leave it empty if you have not met yet."
              name="lastMetOn"
            />
          </fieldset>
        )}
        <p class="meta">You can change these later under Agreement.</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            Create journal
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <section class="join-entry" aria-label="Join with my partner’s file">
        {Join ? (
          <Join onDone={onCancel} />
        ) : (
          <>
            <p>
              Does your partner already keep the journal? Open the file they sent you instead. Made a backup
              on another device? Restore it here.
            </p>
            <div class="actions">
              <button
                type="button"
                onClick={() =>
                  import('../ui/share/JoinJournal').then(
                    (m) => setJoin(() => m.JoinJournal),
                    (error) => announceError(error),
                  )
                }
              >
                Join with my partner’s file
              </button>
            </div>
          </>
        )}
      </section>
      {!onCancel && (
        <section class="restore-entry" aria-label="Restore a backup">
          {Restore ? (
            <Restore />
          ) : (
            <div class="actions">
              <button
                type="button"
                onClick={() =>
                  import('../ui/share/RestoreBackup').then(
                    (m) => setRestore(() => m.RestoreBackup),
                    (error) => announceError(error),
                  )
                }
              >
                Restore a backup
              </button>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
