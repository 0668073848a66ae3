import { describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import type { MentoringDb } from '../db/database';
import { finishMeeting } from '../db/finishMeeting';
import { listConflicts, resolveConflict } from '../db/importTransaction';
import { ClosedJournalError, repo } from '../db/index';
import { createJournal } from '../db/journals';
import { milestoneRows } from '../db/lists';
import { createMeeting } from '../db/meetings';
import {
  acceptPlan,
  closeJournal,
  plannedSteps,
  reopenJournal,
  saveReviewAnswer,
  setReviewFinished,
} from '../db/programme';
import { programmePlan, withPlanRule } from '../model/programmePlan';
import { reviewFinishedOn } from '../model/reviewRules';
import { exportPairFile } from './exportFile';
import { applyImportFile, previewImport } from './importFile';

let wall = Date.UTC(2026, 10, 22, 9, 0, 0);
const newDevice = useDevices(() => wall);

async function send(from: MentoringDb, to: MentoringDb, journalId: string, role?: 'mentee' | 'mentor') {
  wall += 60_000;
  const { bytes } = await exportPairFile(journalId, { db: from, appVersion: 'test' });
  const preview = await previewImport(bytes, { db: to });
  return applyImportFile(preview, { db: to, role });
}

async function startPair() {
  const mentor = newDevice();
  const mentee = newDevice();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid', startDate: '2026-05-17' },
    mentor,
  );
  await send(mentor, mentee, journal.id, 'mentee');
  return { mentor, mentee, journalId: journal.id };
}

describe('the programme plan across two devices', () => {
  it('a plan accepted on both devices is one milestone a step after the pair files cross', async () => {
    const { mentor, mentee, journalId } = await startPair();
    const plan = programmePlan('2026-05-17', 18);
    await acceptPlan(journalId, plan, mentor);
    wall += 1000;
    // The mentee moves the mid-point review a week and leaves the first meeting out.
    await acceptPlan(
      journalId,
      plan
        .filter((s) => s.step !== 'first-meeting')
        .map((s) => (s.step === 'mid-point-review' ? { ...s, dueDate: '2027-02-22' } : s)),
      mentee,
    );
    await send(mentor, mentee, journalId);
    await send(mentee, mentor, journalId);
    for (const db of [mentor, mentee]) {
      const milestones = await repo('milestone', db).list(journalId);
      expect(milestones.map((m) => m.planStep).sort()).toEqual(
        ['agreement', 'closing-review', 'first-meeting', 'goals', 'mid-point-review'].sort(),
      );
      expect(milestones.find((m) => m.planStep === 'mid-point-review')?.dueDate).toBe('2027-02-22');
    }
  });

  it('accepting again leaves a moved or deleted step as the pair left it', async () => {
    const { mentor, journalId } = await startPair();
    const plan = programmePlan('2026-05-17', 18);
    const [first, agreement] = await acceptPlan(journalId, plan, mentor);
    await repo('milestone', mentor).update(agreement!.id, { dueDate: '2026-07-01' });
    await repo('milestone', mentor).remove(first!.id);
    expect([...(await plannedSteps(journalId, mentor))].sort()).toEqual(plan.map((s) => s.step).sort());
    await acceptPlan(journalId, plan, mentor);
    const milestones = await repo('milestone', mentor).list(journalId);
    expect(milestones).toHaveLength(4);
    expect(milestones.find((m) => m.planStep === 'agreement')?.dueDate).toBe('2026-07-01');
  });
});

describe('a review done by both through pair files', () => {
  it('each person answers on their own device, and the review is done once both parts arrive', async () => {
    const { mentor, mentee, journalId } = await startPair();
    const goal = await repo('goal', mentee).create(journalId, { title: 'Lead the reading club' });
    await send(mentee, mentor, journalId);
    const key = { stage: 'mid-point', question: 'achieved', goalId: goal.id } as const;
    await saveReviewAnswer(journalId, 'mentee', key, { answer: 'Ran four sessions' }, '2027-02-10', mentee);
    await saveReviewAnswer(journalId, 'mentee', key, { answer: 'Ran five sessions' }, '2027-02-11', mentee);
    await saveReviewAnswer(
      journalId,
      'mentee',
      { stage: 'mid-point', question: 'did-not-work' },
      { answer: 'Only for me', visibility: 'private' },
      '2027-02-11',
      mentee,
    );
    await setReviewFinished(journalId, 'mentee', 'mid-point', '2027-02-11', mentee);
    await saveReviewAnswer(journalId, 'mentor', key, { answer: 'Confident chairing' }, '2027-02-12', mentor);
    await setReviewFinished(journalId, 'mentor', 'mid-point', '2027-02-12', mentor);
    expect(reviewFinishedOn(await repo('review', mentor).list(journalId), 'mid-point')).toBeUndefined();
    await send(mentee, mentor, journalId);
    await send(mentor, mentee, journalId);
    for (const db of [mentor, mentee]) {
      const reviews = await repo('review', db).list(journalId);
      expect(reviewFinishedOn(reviews, 'mid-point')).toBe('2027-02-12');
      const achieved = reviews.filter((r) => r.question === 'achieved').map((r) => [r.author, r.answer]);
      expect(achieved.sort()).toEqual([
        ['mentee', 'Ran five sessions'],
        ['mentor', 'Confident chairing'],
      ]);
    }
    // A private answer stays on its author's device.
    expect((await repo('review', mentor).list(journalId)).some((r) => r.answer === 'Only for me')).toBe(
      false,
    );
    // The plan's mid-point step is done by the rule on both devices.
    await acceptPlan(journalId, programmePlan('2026-05-17', 18), mentee);
    const reviews = await repo('review', mentee).list(journalId);
    const step = (await repo('milestone', mentee).list(journalId)).find(
      (m) => m.planStep === 'mid-point-review',
    )!;
    expect(withPlanRule(step, { goals: [], reviews })).toMatchObject({
      status: 'done',
      doneDate: '2027-02-12',
    });
    // The milestones screen's rows show it done, and the steps not yet done still open.
    const rows = await milestoneRows(journalId, '2027-03-01', mentee);
    expect(rows.find((r) => r.planStep === 'mid-point-review')).toMatchObject({
      status: 'done',
      open: false,
    });
    expect(rows.find((r) => r.planStep === 'agreement')).toMatchObject({ status: 'planned', overdue: true });
    await repo('goal', mentee).update(goal.id, { successCriteria: 'Runs without me' });
    const after = await milestoneRows(journalId, '2027-03-01', mentee);
    expect(after.find((r) => r.planStep === 'goals')).toMatchObject({ status: 'done', open: false });
  });
});

describe('a closed journal', () => {
  it('refuses every edit in the repository, on both devices once the close arrives, until it is reopened', async () => {
    const { mentor, mentee, journalId } = await startPair();
    const goal = await repo('goal', mentee).create(journalId, { title: 'Lead the reading club' });
    await send(mentee, mentor, journalId);
    await closeJournal(journalId, '2027-11-10', mentor);
    await expect(repo('goal', mentor).update(goal.id, { title: 'x' })).rejects.toBeInstanceOf(
      ClosedJournalError,
    );
    await send(mentor, mentee, journalId);
    expect((await repo('journal', mentee).get(journalId))?.closedDate).toBe('2027-11-10');
    await expect(repo('goal', mentee).update(goal.id, { title: 'x' })).rejects.toBeInstanceOf(
      ClosedJournalError,
    );
    await expect(repo('goal', mentee).remove(goal.id)).rejects.toBeInstanceOf(ClosedJournalError);
    await expect(repo('note', mentee).create(journalId, { text: 'late' })).rejects.toBeInstanceOf(
      ClosedJournalError,
    );
    await expect(repo('journal', mentee).update(journalId, { purpose: 'new' })).rejects.toBeInstanceOf(
      ClosedJournalError,
    );
    await expect(
      createMeeting(journalId, { date: '2027-11-20' }, '2027-11-11', mentee),
    ).rejects.toBeInstanceOf(ClosedJournalError);
    await expect(
      setReviewFinished(journalId, 'mentee', 'closing', '2027-11-11', mentee),
    ).rejects.toBeInstanceOf(ClosedJournalError);
    expect((await repo('goal', mentee).get(goal.id))?.title).toBe('Lead the reading club');

    await reopenJournal(journalId, mentee);
    await repo('goal', mentee).update(goal.id, { title: 'Lead the reading club, again' });
    await send(mentee, mentor, journalId);
    expect((await repo('journal', mentor).get(journalId))?.closedDate).toBeUndefined();
    expect((await repo('goal', mentor).get(goal.id))?.title).toBe('Lead the reading club, again');
  });

  it('still takes the partner’s pair file, and a conflict in it can be resolved', async () => {
    const { mentor, mentee, journalId } = await startPair();
    const meeting = await createMeeting(
      journalId,
      { date: '2027-10-01', status: 'planned' },
      '2027-09-01',
      mentor,
    );
    await send(mentor, mentee, journalId);
    wall += 60_000;
    await repo('meeting', mentee).update(meeting.id, { sharedNotes: 'Mentee: we talked about posters' });
    wall += 1000;
    await repo('meeting', mentor).update(meeting.id, { sharedNotes: 'Mentor: talked about conferences' });
    await finishMeeting({ journalId, meetingId: meeting.id, summary: 'Done', today: '2027-10-01' }, mentor);
    await closeJournal(journalId, '2027-11-10', mentee);
    await send(mentor, mentee, journalId);
    expect((await repo('meeting', mentee).get(meeting.id))?.status).toBe('held');
    const [conflict] = await listConflicts(mentee, journalId);
    expect(conflict).toBeDefined();
    await resolveConflict(mentee, conflict!.id, 'local');
    expect((await repo('meeting', mentee).get(meeting.id))?.sharedNotes).toBe(
      'Mentee: we talked about posters',
    );
    expect((await repo('journal', mentee).get(journalId))?.closedDate).toBe('2027-11-10');
  });
});
