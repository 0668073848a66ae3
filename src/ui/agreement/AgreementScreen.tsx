import { useMemo, useState } from 'preact/hooks';
import { type Patch, repo } from '../../db';
import type { AgreementChange } from '../../model/agreementChange';
import { MAX_SHORT_TEXT } from '../../model/common';
import type { Role } from '../../model/constants';
import type { Duty } from '../../model/duty';
import type { Journal } from '../../model/journal';
import { isCalendarDate } from '../../model/schedule';
import { CheckboxField, DateField, TextArea, TextField } from '../components/fields';
import { formatDate, ROLE_LABELS, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announce, announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import '../goals/goals.css';
import './agreement.css';

/** The agreement's fields, in the order the form shows them, with the words used for them. */
export const AGREEMENT_FIELDS = {
  menteeName: 'Mentee’s name',
  mentorName: 'Mentor’s name',
  purpose: 'Purpose of working together',
  communication: 'How we keep in touch',
  programme: 'Programme',
  startDate: 'Start date',
  lengthMonths: 'Length in months',
  cadenceDays: 'Meet at least every … days',
} as const;
export type AgreementField = keyof typeof AGREEMENT_FIELDS;
const FIELDS = Object.keys(AGREEMENT_FIELDS) as AgreementField[];
const NUMBER_FIELDS = new Set<AgreementField>(['lengthMonths', 'cadenceDays']);

type Draft = Partial<Record<AgreementField, string>>;

function shown(journal: Journal, field: AgreementField): string {
  const value = journal[field];
  return value === undefined ? '' : String(value);
}

/** Messages for fields whose draft value cannot be saved. */
export function agreementErrors(draft: Draft): Partial<Record<AgreementField, string>> {
  const errors: Partial<Record<AgreementField, string>> = {};
  const whole = (text: string, min: number, max: number) => {
    const n = Number(text);
    return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  };
  if (draft.lengthMonths !== undefined && !whole(draft.lengthMonths, 1, 120))
    errors.lengthMonths = 'Enter a whole number of months from 1 to 120.';
  if (draft.cadenceDays !== undefined && !whole(draft.cadenceDays, 1, 366))
    errors.cadenceDays = 'Enter a whole number of days from 1 to 366.';
  if (draft.startDate !== undefined && draft.startDate !== '' && !isCalendarDate(draft.startDate))
    errors.startDate = 'Enter a date as year-month-day.';
  for (const f of ['menteeName', 'mentorName', 'programme'] as const)
    if ((draft[f]?.length ?? 0) > MAX_SHORT_TEXT) errors[f] = `Keep it under ${MAX_SHORT_TEXT} characters.`;
  return errors;
}

/** How a stored value reads in the history. */
function historyValue(field: string, value: string | undefined): string {
  if (!value) return '(empty)';
  if (field === 'startDate') return formatDate(value);
  return value;
}

type ConfirmationField = 'menteeConfirmedOn' | 'mentorConfirmedOn';

/**
 * The date of the latest change to the terms made after a person's confirmation, or undefined when
 * the confirmation is up to date (or missing). Changes and confirmations are ordered by their clock
 * stamps, so a change made later on the day of the confirmation counts; without stamps, by date.
 */
export function changedSinceConfirmation(
  journal: Pick<Journal, ConfirmationField | 'stamps'>,
  field: ConfirmationField,
  changes: readonly Pick<AgreementChange, 'changedOn' | 'stamps'>[],
): string | undefined {
  const confirmedOn = journal[field];
  if (!confirmedOn) return undefined;
  const confirmStamp = journal.stamps?.[field];
  let latest: string | undefined;
  for (const c of changes) {
    const changeStamp = c.stamps?.changedOn;
    const after =
      changeStamp && confirmStamp ? changeStamp > confirmStamp : (c.changedOn ?? '') > confirmedOn;
    if (after && c.changedOn && c.changedOn > (latest ?? '')) latest = c.changedOn;
  }
  return latest;
}

/** The partnership agreement: its terms (with a dated history of changes), duties and both confirmations. */
export function AgreementScreen() {
  const { journalId, journal, role } = useJournal();
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Partial<Record<AgreementField, string>>>({});
  const [said, say, sayError] = useSaid();
  const changes = useLive(() => repo('agreementChange').live(journalId), [journalId]);

  const value = (f: AgreementField) => draft[f] ?? shown(journal, f);
  const edit = (f: AgreementField) => (v: string | undefined) => setDraft((d) => ({ ...d, [f]: v ?? '' }));

  const changed = FIELDS.filter((f) => draft[f] !== undefined && draft[f].trim() !== shown(journal, f));

  const save = async (event: Event) => {
    event.preventDefault();
    const found = agreementErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (changed.length === 0) {
      setDraft({});
      return;
    }
    const patch: Record<string, string | number | undefined> = {};
    for (const f of changed) {
      const text = draft[f]!.trim();
      patch[f] = text === '' ? undefined : NUMBER_FIELDS.has(f) ? Number(text) : text;
    }
    try {
      await repo('journal').update(journalId, patch as Patch<'journal'>);
      const on = today();
      for (const f of changed) {
        await repo('agreementChange').create(journalId, {
          changedOn: on,
          field: f,
          from: shown(journal, f) || undefined,
          to: draft[f]!.trim() || undefined,
        });
      }
      setDraft({});
      say(changed.length === 1 ? 'Agreement updated' : `Agreement updated (${changed.length} changes)`);
    } catch (error) {
      sayError(error);
    }
  };

  const history = useMemo(
    () =>
      [...(changes ?? [])].sort(
        (a, b) =>
          (b.changedOn ?? '').localeCompare(a.changedOn ?? '') || b.createdAt.localeCompare(a.createdAt),
      ),
    [changes],
  );

  return (
    <>
      <h1>Partnership agreement</h1>
      <p>What you both agreed at the start. You can change it later; every change is kept with its date.</p>

      <form class="form-section" onSubmit={save} noValidate aria-labelledby="agreement-terms">
        <h2 id="agreement-terms">Terms</h2>
        <div class="inline-fields">
          <TextField
            label={AGREEMENT_FIELDS.menteeName}
            value={value('menteeName')}
            onInput={edit('menteeName')}
            error={errors.menteeName}
          />
          <TextField
            label={AGREEMENT_FIELDS.mentorName}
            value={value('mentorName')}
            onInput={edit('mentorName')}
            error={errors.mentorName}
          />
        </div>
        <TextArea
          label={AGREEMENT_FIELDS.purpose}
          value={value('purpose')}
          onInput={edit('purpose')}
          hint="What do you both hope to get from these 18 months?"
          rows={3}
        />
        <TextArea
          label={AGREEMENT_FIELDS.communication}
          value={value('communication')}
          onInput={edit('communication')}
          hint="Email, phone, video? How quickly do you answer? What if a meeting has to move?"
          rows={3}
        />
        <TextField
          label={AGREEMENT_FIELDS.programme}
          value={value('programme')}
          onInput={edit('programme')}
          error={errors.programme}
        />
        <div class="inline-fields">
          <DateField
            label={AGREEMENT_FIELDS.startDate}
            value={value('startDate') || undefined}
            onInput={edit('startDate')}
            error={errors.startDate}
          />
          <TextField
            label={AGREEMENT_FIELDS.lengthMonths}
            type="number"
            value={value('lengthMonths')}
            onInput={edit('lengthMonths')}
            error={errors.lengthMonths}
            hint="Usually 18; extend it if you both want to carry on."
          />
          <TextField
            label={AGREEMENT_FIELDS.cadenceDays}
            type="number"
            value={value('cadenceDays')}
            onInput={edit('cadenceDays')}
            error={errors.cadenceDays}
            hint="91 days is at least once a quarter."
          />
        </div>
        <div class="row-actions">
          <button type="submit" class="primary" disabled={changed.length === 0}>
            Save changes
          </button>
          {Object.keys(draft).length > 0 && (
            <button
              type="button"
              onClick={() => {
                setDraft({});
                setErrors({});
              }}
            >
              Discard changes
            </button>
          )}
          {changed.length > 0 ? (
            <span class="meta">
              {changed.length} unsaved change{changed.length === 1 ? '' : 's'}
            </span>
          ) : (
            <span class="meta">Nothing changed yet: edit a term above, then save it with today’s date.</span>
          )}
          <SaidHere said={said} />
        </div>
      </form>

      <Duties journalId={journalId} role={role} />

      <section class="form-section" aria-labelledby="agreement-confirm">
        <h2 id="agreement-confirm">Confirmation</h2>
        <ul class="plain-list confirmations">
          {(['mentee', 'mentor'] as const).map((r) => {
            const name = r === 'mentee' ? journal.menteeName : journal.mentorName;
            const on = journal[CONFIRMATION_FIELD[r]];
            const changedOn = changedSinceConfirmation(journal, CONFIRMATION_FIELD[r], changes ?? []);
            return (
              <li key={r}>
                <strong>{ROLE_LABELS[r]}</strong>
                {name ? `: ${name}` : ''} —{' '}
                {!on ? (
                  <span class="badge">not confirmed yet</span>
                ) : changedOn ? (
                  <>
                    confirmed on {formatDate(on)}, before the latest change on {formatDate(changedOn)} —{' '}
                    <span class="badge warn">confirm again</span>
                  </>
                ) : (
                  `confirmed on ${formatDate(on)}`
                )}
              </li>
            );
          })}
        </ul>
        <ConfirmButton
          journal={journal}
          journalId={journalId}
          role={role}
          changedOn={changedSinceConfirmation(journal, CONFIRMATION_FIELD[role], changes ?? [])}
        />
      </section>

      <section class="form-section" aria-labelledby="agreement-plan">
        <h2 id="agreement-plan">Programme plan</h2>
        <p>
          Milestones from the start date: the first meeting, the agreement, goals, a mid-point and a closing
          review. <a href="/plan">Plan the programme</a>
        </p>
      </section>

      <section aria-labelledby="agreement-history">
        <h2 id="agreement-history">History of changes</h2>
        {changes === undefined ? (
          <p>Loading…</p>
        ) : history.length === 0 ? (
          <p class="empty">No changes since the agreement was made.</p>
        ) : (
          <ul class="cards" aria-label="Changes to the agreement">
            {history.map((c) => (
              <li key={c.id} class="card">
                <p class="meta">
                  {formatDate(c.changedOn)} · by {ROLE_LABELS[c.author]}
                </p>
                <p class="history-line">
                  <strong>{AGREEMENT_FIELDS[c.field as AgreementField] ?? c.field}</strong>:{' '}
                  {historyValue(c.field ?? '', c.from)} → {historyValue(c.field ?? '', c.to)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const CONFIRMATION_FIELD: Record<Role, ConfirmationField> = {
  mentee: 'menteeConfirmedOn',
  mentor: 'mentorConfirmedOn',
};

function ConfirmButton({
  journal,
  journalId,
  role,
  changedOn,
}: {
  journal: Journal;
  journalId: string;
  role: Role;
  /** The latest change to the terms after my confirmation, if any. */
  changedOn: string | undefined;
}) {
  const field = CONFIRMATION_FIELD[role];
  const confirmedOn = journal[field];
  const confirm = async () => {
    try {
      const on = today();
      // Confirming again on the day of my last confirmation: clear it first, so the confirmation
      // gets a new stamp and counts as coming after today's changes (on this and the other device).
      if (journal[field] === on) await repo('journal').update(journalId, { [field]: undefined });
      await repo('journal').update(journalId, { [field]: on });
      announce('You confirmed the agreement');
    } catch (error) {
      announceError(error);
    }
  };
  return confirmedOn ? (
    <p>
      You confirmed this agreement on {formatDate(confirmedOn)}
      {changedOn ? `, before the latest change on ${formatDate(changedOn)}` : ''}.{' '}
      <button type="button" class={changedOn ? 'primary' : undefined} onClick={confirm}>
        Confirm again today
      </button>
    </p>
  ) : (
    <button type="button" class="primary" onClick={confirm}>
      I confirm this agreement (as {ROLE_LABELS[role].toLowerCase()})
    </button>
  );
}

/** Each person's duties as a checklist both can tick, and a way to add one. */
function Duties({ journalId, role }: { journalId: string; role: Role }) {
  const duties = useLive(() => repo('duty').live(journalId), [journalId]);
  const byRole = useMemo(() => {
    const groups: Record<Role, Duty[]> = { mentor: [], mentee: [] };
    for (const d of duties ?? []) if (d.role) groups[d.role].push(d);
    for (const list of Object.values(groups))
      list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.createdAt.localeCompare(b.createdAt));
    return groups;
  }, [duties]);

  const tick = async (duty: Duty, done: boolean) => {
    try {
      await repo('duty').update(
        duty.id,
        done
          ? { done: true, checkedBy: role, checkedOn: today() }
          : { done: false, checkedBy: undefined, checkedOn: undefined },
      );
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <section class="form-section" aria-labelledby="agreement-duties">
      <h2 id="agreement-duties">Duties</h2>
      <p class="meta">Tick a duty once you both agree to it. Either of you can add one.</p>
      {duties === undefined ? (
        <p>Loading…</p>
      ) : (
        (['mentor', 'mentee'] as const).map((r) => (
          <div key={r} class="duty-group">
            <h3>The {r}’s duties</h3>
            {byRole[r].length === 0 ? (
              <p class="empty">No duties listed.</p>
            ) : (
              <ul class="duty-list" aria-label={`The ${r}’s duties`}>
                {byRole[r].map((d) => (
                  <li key={d.id}>
                    <CheckboxField
                      label={d.text?.trim() || 'Untitled duty'}
                      checked={d.done}
                      onChange={(checked) => tick(d, checked)}
                      hint={
                        d.done && d.checkedOn
                          ? `Ticked${d.checkedBy ? ` by the ${d.checkedBy}` : ''} on ${formatDate(d.checkedOn)}`
                          : undefined
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
            <NewDuty journalId={journalId} forRole={r} nextOrder={(byRole[r].at(-1)?.order ?? -1) + 1} />
          </div>
        ))
      )}
    </section>
  );
}

function NewDuty({ journalId, forRole, nextOrder }: { journalId: string; forRole: Role; nextOrder: number }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [dutySaid, sayDuty, sayDutyError] = useSaid();
  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the duty first.');
      return;
    }
    if (text.length > MAX_SHORT_TEXT) {
      setError(`Keep it under ${MAX_SHORT_TEXT} characters.`);
      return;
    }
    setError(undefined);
    try {
      await repo('duty').create(journalId, {
        role: forRole,
        text: text.trim(),
        order: nextOrder,
        done: false,
      });
      setText('');
      sayDuty('Duty added');
    } catch (err) {
      sayDutyError(err);
    }
  };
  return (
    <form class="quick-add" onSubmit={add} noValidate>
      <TextField
        label={`Add a duty for the ${forRole}`}
        value={text}
        onInput={setText}
        error={error}
        autoComplete="off"
      />
      <button type="submit">Add {forRole} duty</button>
      <SaidHere said={dutySaid} />
    </form>
  );
}
