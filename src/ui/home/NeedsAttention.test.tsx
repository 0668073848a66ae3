import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { device, type MentoringDb, repo } from '../../db';
import { addDays, addMonths } from '../../model/schedule';
import { today } from '../components/labels';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { JournalContext } from '../journalContext';
import { HomeScreen } from './HomeScreen';
import { NeedsAttentionCard } from './NeedsAttentionCard';

let db: MentoringDb | undefined;

/** An instant at local noon `days` calendar days ago (no daylight-saving edge). */
const daysAgo = (days: number) => new Date(`${addDays(today(), -days)}T12:00:00`).toISOString();

/** This browser keeps the journal (storage is persistent), or may clear it. */
function storagePersisted(persisted: boolean) {
  Object.defineProperty(navigator, 'storage', {
    value: { persisted: async () => persisted },
    configurable: true,
  });
}

afterEach(async () => {
  Reflect.deleteProperty(navigator, 'storage');
  cleanup();
  db?.close();
  await db?.delete();
});

/** How long to wait for the card's lines: Home's live query, on a busy machine. */
const FIRST_LOAD = { timeout: 15_000 };

/** The card's lines as [text, link] pairs. */
async function lines() {
  const list = await screen.findByRole('list', { name: 'Needs attention' }, FIRST_LOAD);
  return within(list)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);
}

describe('Home’s Needs attention card', () => {
  it('lists each thing to act on as a link to where it is done', async () => {
    const now = today();
    const current = await freshJournal('mentee', {
      startDate: addDays(now, -300),
      lengthMonths: 18,
      cadenceDays: 30,
    });
    db = current.db;
    const j = current.journalId;
    await repo('meeting').create(j, { date: addDays(now, -31), status: 'held' });
    await repo('milestone').create(j, { title: 'Late', dueDate: addDays(now, -1), status: 'planned' });
    await repo('checkIn').create(j, { date: addMonths(now, -6) });
    await repo('goal').create(j, { title: 'Lead a project', status: 'active', targetDate: addDays(now, -1) });
    renderInJournal(<HomeScreen />, current);
    expect(await lines()).toEqual([
      ['No meeting for 31 days (agreed: at least every 30 days)Plan a meeting', '/meetings'],
      ['1 milestone overdueOpen the milestones', '/milestones'],
      ['No check-in in the last 6 monthsStart a check-in', '/check-ins'],
      ['A goal past its target date: “Lead a project”Review the goals', '/goals'],
      // Day 300 of 18 months is past two weeks before the mid-point (day 273).
      ['The mid-point review is dueStart the review', '/reviews/mid-point'],
      ['Never backed up: everything lives only on this deviceMake a backup', '/share'],
    ]);
    // The goal's own progress on Home says it in words too.
    const goals = await screen.findByRole('list', { name: 'Progress of the active goals' }, FIRST_LOAD);
    expect(within(goals).getByText('Past its target date')).toBeTruthy();
  });

  it('says nothing needs attention on the last day of each allowance', async () => {
    storagePersisted(true);
    const now = today();
    // 24 months: the mid-point review (from two weeks before month 12) is not due yet on day 300.
    const current = await freshJournal('mentor', {
      startDate: addDays(now, -300),
      lengthMonths: 24,
      cadenceDays: 30,
    });
    db = current.db;
    const j = current.journalId;
    await repo('meeting').create(j, { date: addDays(now, -30), status: 'held' });
    await repo('milestone').create(j, { title: 'Due today', dueDate: now, status: 'planned' });
    await repo('checkIn').create(j, { date: addDays(addMonths(now, -6), 1) });
    await repo('goal').create(j, { title: 'On target', status: 'active', targetDate: now });
    const backedUp = daysAgo(13);
    await device().setMembership(j, { lastBackupAt: backedUp });
    renderInJournal(<HomeScreen />, current);
    const card = await screen.findByRole('region', { name: 'Needs attention' });
    await waitFor(() => expect(card.textContent).not.toContain('Loading'), FIRST_LOAD);
    expect(card.textContent).toBe('Needs attentionNothing needs attention today.');
  });

  it('counts the backup from its day: 14 days ago is due; 7 when this browser may clear the journal', async () => {
    storagePersisted(true);
    const current = await freshJournal('mentor', { startDate: today(), cadenceDays: 30, lengthMonths: 18 });
    db = current.db;
    const old = daysAgo(14);
    await device().setMembership(current.journalId, { lastBackupAt: old });
    renderInJournal(<HomeScreen />, current);
    expect(await lines()).toEqual([['Last backup 14 days agoMake a backup', '/share']]);
    cleanup();
    storagePersisted(false);
    const recent = daysAgo(7);
    await device().setMembership(current.journalId, { lastBackupAt: recent });
    renderInJournal(<HomeScreen />, current);
    expect(await lines()).toEqual([['Last backup 7 days agoMake a backup', '/share']]);
  });

  it('shows a review that is due, when the reviews say one is', async () => {
    const current = await freshJournal('mentor', { startDate: today(), cadenceDays: 30, lengthMonths: 18 });
    db = current.db;
    await device().setMembership(current.journalId, { lastBackupAt: new Date().toISOString() });
    const facts = {
      membership: {
        journalId: current.journalId,
        role: 'mentor' as const,
        lastBackupAt: new Date().toISOString(),
      },
      overdue: { count: 0, first: [] },
      dueSoon: { count: 0, first: [] },
      openActions: { count: 0, first: [] },
      goalCounts: { active: 0, achieved: 0, paused: 0, dropped: 0 },
      goalProgress: { goals: [], more: 0 },
      attention: { latestCheckInOn: today(), goals: [] },
      reviews: { finished: [], midPoint: null, closing: null },
    };
    render(
      <LocationProvider>
        <JournalContext.Provider value={current}>
          <NeedsAttentionCard facts={facts} reviewDue="mid-point" />
        </JournalContext.Provider>
      </LocationProvider>,
    );
    expect(await lines()).toEqual([['The mid-point review is dueStart the review', '/reviews/mid-point']]);
  });
});
