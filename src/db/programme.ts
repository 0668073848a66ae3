/**
 * Writes of the programme's arc: accepting the plan (its milestones, with derived ids), answering
 * and finishing a review, closing and reopening the journal.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Role } from '../model/constants';
import { planMilestoneId, reviewAnswerId } from '../model/ids';
import type { Milestone } from '../model/milestone';
import { PLAN_STEPS, type PlanStep } from '../model/programmePlan';
import type { Review } from '../model/review';
import type { ReviewQuestion, ReviewStage } from '../model/reviewQuestions';
import { KIND_INFO } from '../model/tables';
import { ensureRoom } from './capacity';
import { getDb, type MentoringDb } from './database';
import { toStorageError } from './errors';
import { repo } from './index';
import { loadValidator } from './repository';

/** A plan step the pair chose to add, with the title and day they left it at. */
export interface AcceptedStep {
  step: PlanStep;
  title: string;
  dueDate: string;
}

/**
 * Adds the chosen plan steps as milestones, in one transaction. Each has the id its step derives,
 * so the same plan accepted on both devices makes one milestone a step after a sync; a step that
 * already has its milestone here (kept, moved or dropped, or deleted) is left as it is.
 */
export async function acceptPlan(
  journalId: string,
  steps: readonly AcceptedStep[],
  db: MentoringDb = getDb(),
): Promise<Milestone[]> {
  await loadValidator();
  await ensureRoom(db);
  const tables = [db.table(KIND_INFO.milestone.table), db.table(KIND_INFO.journal.table), db.local];
  try {
    return await db.transaction('rw', tables, async () => {
      const made: Milestone[] = [];
      for (const { step, title, dueDate } of steps) {
        made.push(
          await repo('milestone', db).create(
            journalId,
            { title, dueDate, status: 'planned', planStep: step },
            { id: planMilestoneId(journalId, step) },
          ),
        );
      }
      return made;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The plan steps that already have a milestone in the journal (deleted ones included: the pair removed them). */
export async function plannedSteps(journalId: string, db: MentoringDb = getDb()): Promise<Set<string>> {
  const rows = await db
    .table<Milestone, string>(KIND_INFO.milestone.table)
    .where('journalId')
    .equals(journalId)
    .filter((m) => !!m.planStep || m.deleted)
    .toArray();
  const steps = new Set<string>();
  for (const m of rows) {
    if (m.planStep) steps.add(m.planStep);
    // A deleted milestone's fields are cleared: tell its step from its derived id.
    else for (const step of PLAN_STEPS) if (planMilestoneId(journalId, step) === m.id) steps.add(step);
  }
  return steps;
}

/** `plannedSteps` as a live query. */
export function livePlannedSteps(journalId: string, db: MentoringDb = getDb()): Observable<Set<string>> {
  return liveQuery(() => plannedSteps(journalId, db));
}

/** Which answer of a review: the question, and the goal for a goal question. */
export interface ReviewAnswerKey {
  stage: ReviewStage;
  question: ReviewQuestion;
  goalId?: string;
}

/**
 * Saves my answer to one review question: the record with the id derived from me and the
 * question is made on the first answer and edited after, so each person has one answer a question.
 */
export async function saveReviewAnswer(
  journalId: string,
  role: Role,
  key: ReviewAnswerKey,
  patch: { answer?: string; visibility?: Review['visibility'] },
  today: string,
  db: MentoringDb = getDb(),
): Promise<Review> {
  const id = reviewAnswerId(journalId, key.stage, role, key.question, key.goalId);
  const reviews = repo('review', db);
  const existing = await reviews.get(id);
  const content = { ...('answer' in patch ? { answer: patch.answer, answeredOn: today } : {}) };
  if (!existing) {
    return reviews.create(
      journalId,
      { stage: key.stage, question: key.question, goalId: key.goalId, ...content },
      { id, visibility: patch.visibility },
    );
  }
  return reviews.update(id, { ...content, ...(patch.visibility ? { visibility: patch.visibility } : {}) });
}

/** Marks my part of a review finished on `day` (or not finished, with `undefined`). Always shared with the partner. */
export async function setReviewFinished(
  journalId: string,
  role: Role,
  stage: ReviewStage,
  day: string | undefined,
  db: MentoringDb = getDb(),
): Promise<Review> {
  const id = reviewAnswerId(journalId, stage, role, 'finished');
  const reviews = repo('review', db);
  if (!(await reviews.get(id))) {
    return reviews.create(
      journalId,
      { stage, question: 'finished', finishedOn: day },
      { id, visibility: 'pair' },
    );
  }
  return reviews.update(id, { finishedOn: day });
}

/** Closes the partnership on `day`: the journal becomes read-only on every device the close reaches. */
export async function closeJournal(journalId: string, day: string, db: MentoringDb = getDb()) {
  return repo('journal', db).update(journalId, { closedDate: day });
}

/** Reopens a closed journal: it can be edited again. */
export async function reopenJournal(journalId: string, db: MentoringDb = getDb()) {
  return repo('journal', db).update(journalId, { closedDate: undefined });
}
