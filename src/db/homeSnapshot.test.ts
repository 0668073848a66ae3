import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshJournal } from '../../tests/helpers/journal';
import type { MentoringDb } from './database';
import { HOME_SNAPSHOT_KEY, homeSnapshotDrops } from './homeSnapshot';
import { device, repo } from './index';
import { deleteJournalFromDevice } from './journals';

let db: MentoringDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});
beforeEach(() => localStorage.clear());

/** Home as a cold start would find it kept (what index.html's script reads). */
const kept = () => localStorage.getItem(HOME_SNAPSHOT_KEY);
const keepHome = () =>
  localStorage.setItem(
    HOME_SNAPSHOT_KEY,
    JSON.stringify({
      build: 'b',
      journalId: 'j',
      today: '2026-06-15',
      html: '<main id="main"><h1>Home</h1></main>',
    }),
  );

describe('the Home kept for the next cold start', () => {
  it('stays after a story or a note, which Home does not show', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    keepHome();
    await repo('story').create(current.journalId, { title: 'On the bus' });
    await repo('note').create(current.journalId, { text: 'A thought' });
    await repo('reflection').create(current.journalId, { promptId: 'where', answer: 'A big city library' });
    expect(kept()).not.toBeNull();
  });

  it('goes with any write Home shows: a milestone, a meeting, an action, a goal, the journal, a backup, another journal chosen', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    const j = current.journalId;
    const milestone = await repo('milestone').create(j, { title: 'Draft', dueDate: '2026-06-20' });
    for (const write of [
      () => repo('milestone').update(milestone.id, { status: 'done' }),
      () => repo('meeting').create(j, { date: '2026-06-22', status: 'planned' }),
      () => repo('actionItem').create(j, { text: 'Call the archive', done: false }),
      () => repo('goal').create(j, { title: 'Speak at the regional meeting' }),
      () => repo('checkIn').create(j, { date: '2026-06-15' }),
      () => repo('journal').update(j, { programme: 'Leadership Institute' }),
      () => device().setMembership(j, { lastBackupAt: '2026-06-15T10:00:00.000Z' }),
      () => device().setCurrentJournalId(undefined),
      // A bare write to one table, outside the app's repositories.
      () => db!.table('milestones').put({ ...milestone, status: 'missed' }),
    ]) {
      keepHome();
      await write();
      expect(kept(), String(write)).toBeNull();
    }
  });

  it('goes when the journal is removed from this device', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    keepHome();
    await deleteJournalFromDevice(current.journalId, db);
    expect(kept()).toBeNull();
  });

  it('counts every drop, this tab’s and another’s, so a Home drawn from facts read before one is not kept', async () => {
    const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
    db = current.db;
    const before = homeSnapshotDrops();
    await repo('goal').create(current.journalId, { title: 'Lead a small project' });
    expect(homeSnapshotDrops()).toBeGreaterThan(before);
    const mine = homeSnapshotDrops();
    // Another tab removed it: this tab hears a storage event.
    window.dispatchEvent(new StorageEvent('storage', { key: HOME_SNAPSHOT_KEY, newValue: null }));
    expect(homeSnapshotDrops()).toBe(mine + 1);
  });
});
