/**
 * What Home's "Needs attention" card lists: the committee's attention reasons (attention.ts — the
 * very rule the cohort view flags a pair with), then a review that is due and a backup that is.
 * Zod-free; the day is always an argument.
 */
import { type AttentionFacts, type AttentionReason, attentionReasons } from './attention';
import { backupReminder } from './backupRules';

/** A programme review a pair is asked to do (the reviews record kind decides when one is due). */
export type ReviewStage = 'mid-point' | 'closing';

/** What the nudges read about a journal on one day, on this device. */
export interface NudgeFacts extends AttentionFacts {
  /** The calendar day of this device's last backup of the journal, if any. */
  lastBackupOn?: string;
  /** This browser may clear the journal (its storage is not persistent): back up sooner. */
  backupAtRisk: boolean;
  /** A review that is due, as the reviews' own rule says (given by the caller; none when absent). */
  reviewDue?: ReviewStage;
}

/** One thing that needs attention on Home. */
export type Nudge =
  | AttentionReason
  | { kind: 'review-due'; stage: ReviewStage }
  | { kind: 'no-backup'; daysSince?: number; reminderDays: number };

/**
 * Everything that needs attention on `facts.on`, in the order Home lists it: the attention reasons
 * (`attentionReasons`: no meeting for longer than the cadence, overdue milestones, no check-in in
 * six calendar months, goals past their target date), a review due, then the backup
 * (`backupReminder`: never, or 14 days ago or more).
 */
export function nudges(facts: NudgeFacts): Nudge[] {
  const list: Nudge[] = attentionReasons(facts);
  if (facts.reviewDue) list.push({ kind: 'review-due', stage: facts.reviewDue });
  const backup = backupReminder(facts.lastBackupOn, facts.on, facts.backupAtRisk);
  if (backup.due)
    list.push({ kind: 'no-backup', daysSince: backup.daysSince, reminderDays: backup.reminderDays });
  return list;
}
