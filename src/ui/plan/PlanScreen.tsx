import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { acceptPlan, livePlannedSteps } from '../../db/programme';
import { PLAN_STEP_REVIEW, PLAN_STEP_WHEN, type PlannedStep, programmePlan } from '../../model/programmePlan';
import { CheckboxField, DateField, TextField } from '../components/fields';
import { formatDate } from '../components/labels';
import { announceError, announceOnArrival } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './plan.css';

/** One step as the pair is editing it before adding it. */
interface StepDraft extends PlannedStep {
  chosen: boolean;
}

/**
 * The programme plan offered as milestones from the start date and the length: the pair leaves
 * out any step, changes its title or date, and adds the rest. Nothing is forced; a step already in
 * the journal (added on either device, moved or dropped since) is not offered again.
 */
export function PlanScreen() {
  const { journalId, journal } = useJournal();
  const { route } = useLocation();
  const planned = useLive(() => livePlannedSteps(journalId), [journalId]);
  const offered = useMemo(
    () => programmePlan(journal.startDate ?? '', journal.lengthMonths ?? 0),
    [journal.startDate, journal.lengthMonths],
  );
  const [drafts, setDrafts] = useState<Record<string, StepDraft>>({});
  const [busy, setBusy] = useState(false);

  const open = offered.filter((s) => planned !== undefined && !planned.has(s.step));
  const steps = open.map((s) => drafts[s.step] ?? { ...s, chosen: true });
  const chosen = steps.filter((s) => s.chosen && s.title.trim() && s.dueDate);
  const edit = (step: StepDraft, patch: Partial<StepDraft>) =>
    setDrafts((d) => ({ ...d, [step.step]: { ...step, ...patch } }));

  async function add() {
    setBusy(true);
    try {
      await acceptPlan(
        journalId,
        chosen.map(({ step, title, dueDate }) => ({ step, title: title.trim(), dueDate })),
      );
      announceOnArrival(
        `Added ${chosen.length} ${chosen.length === 1 ? 'milestone' : 'milestones'} to the plan`,
        '/milestones',
      );
      route('/milestones');
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Plan the programme</h1>
      {journal.closedDate ? (
        <p class="empty">This partnership is completed: there is nothing left to plan.</p>
      ) : offered.length === 0 ? (
        <p class="empty">
          Give the partnership a start date and a length on <a href="/agreement">the agreement</a> first.
        </p>
      ) : planned === undefined ? (
        <p class="empty">Loading the plan…</p>
      ) : (
        <>
          <p>
            From your start on {formatDate(journal.startDate)} and {journal.lengthMonths} months together,
            here are the milestones most pairs find useful. Leave out any you do not want, or change a title
            or a date. You can move or drop each of them later on the Milestones screen.
          </p>
          {steps.length === 0 ? (
            <p class="empty">
              Every step of the plan is already in your <a href="/milestones">milestones</a>.
            </p>
          ) : (
            <>
              <ol class="plan-steps">
                {steps.map((s) => (
                  <li key={s.step} class="card plan-step">
                    <CheckboxField
                      label={`Add: ${s.title}`}
                      checked={s.chosen}
                      onChange={(c) => edit(s, { chosen: c })}
                    />
                    {s.chosen && (
                      <div class="plan-step-fields">
                        <TextField label="Title" value={s.title} onInput={(title) => edit(s, { title })} />
                        <DateField
                          label="Due"
                          hint={`Suggested: ${PLAN_STEP_WHEN[s.step]}`}
                          value={s.dueDate}
                          onInput={(dueDate) => edit(s, { dueDate: dueDate ?? '' })}
                        />
                      </div>
                    )}
                    {PLAN_STEP_REVIEW[s.step] && (
                      <p class="meta">
                        <a href={`/reviews/${PLAN_STEP_REVIEW[s.step]}`}>What the review asks</a>
                      </p>
                    )}
                  </li>
                ))}
              </ol>
              <div class="actions">
                <button type="button" class="primary" disabled={busy || chosen.length === 0} onClick={add}>
                  {chosen.length === 0
                    ? 'Choose a step to add'
                    : `Add ${chosen.length} ${chosen.length === 1 ? 'milestone' : 'milestones'}`}
                </button>
                <a href="/">Not now</a>
              </div>
            </>
          )}
          <p class="meta">
            The reviews: <a href="/reviews/mid-point">mid-point review</a> ·{' '}
            <a href="/reviews/closing">closing review</a>
          </p>
        </>
      )}
    </>
  );
}
