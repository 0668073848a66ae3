import { afterEach, describe, expect, it } from 'vitest';
import { freshJournal } from '../../tests/helpers/journal';
import type { MentoringDb } from './database';
import {
  firstThenLive,
  liveHomeFacts,
  liveShellState,
  type Subscribable,
  startFirstReads,
} from './firstLoad';
import { repo } from './index';
import { deleteJournalFromDevice } from './journals';
import { dexieReader } from './liveReadModels';
import { openExisting, rawReader } from './readers';
import {
  HOME_ACTIONS_SHOWN,
  HOME_FACTS_SHAPE,
  HOME_READS,
  keptHomeKey,
  readHome,
  readKeptHome,
  readShell,
  SHELL_READS,
} from './readModels';

let db: MentoringDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});

const TODAY = '2026-06-15';

/** Reads a read model both ways: over plain IndexedDB (the first paint) and over Dexie (the live query). */
async function bothWays<T>(
  tables: Readonly<Record<string, readonly string[]>>,
  read: (reader: ReturnType<typeof rawReader>) => Promise<T>,
) {
  const raw = (await openExisting(db!.name))!;
  try {
    return { raw: await read(rawReader(raw, Object.keys(tables))), dexie: await read(dexieReader(db!)) };
  } finally {
    raw.close();
  }
}

/** The first `count` values a subscribable gives. */
function firstValues<T>(source: Subscribable<T>, count: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const values: T[] = [];
    const subscription = source.subscribe({
      next: (value) => {
        values.push(value);
        if (values.length === count) {
          queueMicrotask(() => subscription.unsubscribe());
          resolve(values);
        }
      },
      error: reject,
    });
  });
}

async function journalWithHistory() {
  const current = await freshJournal('mentee', { menteeName: 'Ana', mentorName: 'Ben' });
  db = current.db;
  const j = current.journalId;
  await repo('meeting').create(j, {
    date: '2026-05-01',
    status: 'held',
    sharedNotes: 'long notes '.repeat(200),
  });
  await repo('meeting').create(j, { date: '2026-06-01', status: 'held' });
  await repo('meeting').create(j, { date: '2026-06-10', status: 'planned' }); // past, never marked held
  await repo('meeting').create(j, { date: '2026-07-01', time: '15:00', status: 'planned' });
  await repo('meeting').create(j, { date: '2026-07-01', time: '09:30', status: 'planned' });
  await repo('meeting').create(j, { date: '2026-06-20', status: 'cancelled' });
  const gone = await repo('meeting').create(j, { date: '2026-06-16', status: 'planned' });
  await repo('meeting').remove(gone.id);
  await repo('milestone').create(j, { title: 'Late', dueDate: '2026-06-01', status: 'planned' });
  await repo('milestone').create(j, { title: 'Done early', dueDate: '2026-06-01', status: 'done' });
  await repo('milestone').create(j, { title: 'Soon', dueDate: '2026-06-30' });
  await repo('milestone').create(j, { title: 'Far', dueDate: '2026-12-30' });
  for (let i = 0; i < HOME_ACTIONS_SHOWN + 2; i++)
    await repo('actionItem').create(j, { text: `Action ${i}`, done: false, dueDate: `2026-07-${10 + i}` });
  await repo('actionItem').create(j, { text: 'Closed', done: true });
  await repo('goal').create(j, { title: 'A', status: 'active' });
  await repo('goal').create(j, { title: 'B', status: 'achieved' });
  await repo('goal').create(j, { title: 'C' });
  // Another journal on the device never counts.
  const other = await freshJournalOnSameDb(current.db);
  await repo('meeting', current.db).create(other, { date: '2026-06-14', status: 'held' });
  await repo('goal', current.db).create(other, { title: 'Elsewhere', status: 'dropped' });
  return current;
}

async function freshJournalOnSameDb(target: MentoringDb): Promise<string> {
  const { device } = await import('./index');
  const id = `journal-${crypto.randomUUID()}`;
  await device(target).setMembership(id, { role: 'mentor' });
  await repo('journal', target).create(id, { menteeName: 'Zed', mentorName: 'Yan' }, { id });
  await device(target).setCurrentJournalId(id);
  return id;
}

describe('the Home read model', () => {
  it('gives the latest held meeting, the next planned one (by time on its day), what is due, open actions and goal counts', async () => {
    const { journalId } = await journalWithHistory();
    const { raw, dexie } = await bothWays(HOME_READS, (reader) => readHome(reader, journalId, TODAY));
    expect(raw).toEqual(dexie);
    expect(raw.lastHeldDate).toBe('2026-06-01');
    expect(raw.planned).toMatchObject({ date: '2026-07-01', time: '09:30' });
    expect(raw.overdue).toEqual({ count: 1, first: [expect.objectContaining({ title: 'Late' })] });
    expect(raw.dueSoon).toEqual({ count: 1, first: [expect.objectContaining({ title: 'Soon' })] });
    expect(raw.openActions.count).toBe(HOME_ACTIONS_SHOWN + 2);
    expect(raw.openActions.first.map((a) => a.text)).toEqual(
      Array.from({ length: HOME_ACTIONS_SHOWN }, (_, i) => `Action ${i}`),
    );
    expect(raw.goalCounts).toEqual({ active: 2, achieved: 1, paused: 0, dropped: 0 });
    expect(raw.membership).toMatchObject({ journalId, role: 'mentee' });
    // No note text is carried to the screen.
    expect(JSON.stringify(raw)).not.toContain('long notes');
  });
});

describe('Home and the programme plan', () => {
  it('a plan step whose event the journal records is not overdue on Home', async () => {
    const { journalId } = await journalWithHistory();
    await repo('milestone', db).create(journalId, {
      title: 'Confirm the agreement together',
      dueDate: '2026-06-02',
      status: 'planned',
      planStep: 'agreement',
    });
    const overdue = async () =>
      (await readHome(dexieReader(db!), journalId, TODAY)).overdue.first.map((m) => m.title);
    expect(await overdue()).toEqual(['Late', 'Confirm the agreement together']);
    await repo('journal', db).update(journalId, {
      menteeConfirmedOn: '2026-06-03',
      mentorConfirmedOn: '2026-06-04',
    });
    expect(await overdue()).toEqual(['Late']);
  });
});

describe('Home kept for the next start', () => {
  /** Home's kept facts as the next cold start would find them, over plain IndexedDB. */
  async function keptOnStart(journalId: string, today = TODAY) {
    const raw = (await openExisting(db!.name))!;
    try {
      return await readKeptHome(rawReader(raw, ['local']), journalId, today);
    } finally {
      raw.close();
    }
  }

  /** Waits until Home's live query has kept what it showed. */
  async function visitHome(journalId: string) {
    const [shown] = await firstValues(liveHomeFacts(journalId, TODAY), 2);
    await expect.poll(() => db!.local.get(keptHomeKey(journalId))).toBeDefined();
    return shown!;
  }

  it('after a visit, the next start shows what Home showed, with no other read', async () => {
    const { journalId } = await journalWithHistory();
    expect(await keptOnStart(journalId)).toBeUndefined();
    const shown = await visitHome(journalId);
    const kept = await keptOnStart(journalId);
    expect(kept).toEqual(shown);
    expect(kept?.overdue.first.map((m) => m.title)).toEqual(['Late']);
  });

  it('stays in use after an edit Home does not show, and not after one it shows, nor on another day', async () => {
    const { journalId } = await journalWithHistory();
    const shown = await visitHome(journalId);
    expect(await keptOnStart(journalId, '2026-06-16')).toBeUndefined();
    // A story written on the bus changes nothing Home shows: the next start still uses what was kept.
    await repo('story', db).create(journalId, { title: 'On the bus' });
    await repo('note', db).create(journalId, { text: 'A thought' });
    expect(await keptOnStart(journalId)).toEqual(shown);
    // A milestone, a meeting, an action item or a goal is on Home: each makes it read afresh.
    for (const write of [
      () => repo('milestone', db).create(journalId, { title: 'New', dueDate: '2026-06-20' }),
      () => repo('meeting', db).create(journalId, { date: '2026-06-22', status: 'planned' }),
      () => repo('actionItem', db).create(journalId, { text: 'Call the archive', done: false }),
      () => repo('goal', db).create(journalId, { title: 'Speak at the regional meeting' }),
    ]) {
      await visitHome(journalId);
      expect(await keptOnStart(journalId)).toBeDefined();
      await write();
      expect(await keptOnStart(journalId)).toBeUndefined();
    }
  });

  it('a write to a Home table in a transaction of its own still makes it read afresh', async () => {
    const { journalId } = await journalWithHistory();
    await visitHome(journalId);
    const late = (await repo('milestone', db).list(journalId)).find((m) => m.title === 'Late')!;
    await db!.table('milestones').put({ ...late, status: 'done' });
    await expect.poll(() => keptOnStart(journalId)).toBeUndefined();
  });

  it('is not used after a backup is recorded (Home shows its date)', async () => {
    const { journalId } = await journalWithHistory();
    await visitHome(journalId);
    const { device } = await import('./index');
    await device(db).setMembership(journalId, { lastBackupAt: '2026-06-15T10:00:00.000Z' });
    expect(await keptOnStart(journalId)).toBeUndefined();
  });

  it('a cold start whose direct read is done shows Home’s facts on the first render', async () => {
    await journalWithHistory();
    const [shell] = await firstValues(liveShellState(), 1);
    const journalId = shell!.current!.journalId;
    const shown = await visitHome(journalId);
    startFirstReads(true, TODAY);
    const home = liveHomeFacts(journalId, TODAY);
    await expect.poll(() => home.hasValue()).toBe(true);
    expect(home.getValue()).toEqual(shown);
    // Taken by its subscriber, it is not held again for a later visit (which reads live data).
    await firstValues(home, 1);
    expect(liveHomeFacts(journalId, TODAY).hasValue()).toBe(false);
  });

  it('is not used once Home’s facts change shape (a newer version of the app)', async () => {
    const { journalId } = await journalWithHistory();
    const shown = await visitHome(journalId);
    // Every field path of HomeFacts. A change here must come with a new HOME_FACTS_SHAPE, so that
    // facts kept by the version before are read afresh instead of shown without the new fields.
    const paths = (value: unknown, at = ''): string[] =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, v]) => [`${at}${key}`, ...paths(v, `${at}${key}.`)])
        : Array.isArray(value) && value.length
          ? paths(value[0], `${at}[].`)
          : [];
    expect({ shape: HOME_FACTS_SHAPE, paths: paths(shown).sort() }).toMatchInlineSnapshot(`
      {
        "paths": [
          "attention",
          "attention.goals",
          "attention.goals.[].id",
          "attention.goals.[].status",
          "attention.goals.[].targetDate",
          "attention.goals.[].title",
          "attention.latestCheckInOn",
          "awaitingHeld",
          "awaitingHeld.date",
          "awaitingHeld.id",
          "awaitingHeld.time",
          "dueSoon",
          "dueSoon.count",
          "dueSoon.first",
          "dueSoon.first.[].dueDate",
          "dueSoon.first.[].id",
          "dueSoon.first.[].title",
          "goalCounts",
          "goalCounts.achieved",
          "goalCounts.active",
          "goalCounts.dropped",
          "goalCounts.paused",
          "goalProgress",
          "goalProgress.goals",
          "goalProgress.goals.[].id",
          "goalProgress.goals.[].latestPercent",
          "goalProgress.goals.[].latestProgressOn",
          "goalProgress.goals.[].milestonesDone",
          "goalProgress.goals.[].milestonesTotal",
          "goalProgress.goals.[].pastTarget",
          "goalProgress.goals.[].targetDate",
          "goalProgress.goals.[].title",
          "goalProgress.more",
          "lastHeldDate",
          "membership",
          "membership.journalId",
          "membership.role",
          "openActions",
          "openActions.count",
          "openActions.first",
          "openActions.first.[].dueDate",
          "openActions.first.[].id",
          "openActions.first.[].meetingId",
          "openActions.first.[].owner",
          "openActions.first.[].text",
          "overdue",
          "overdue.count",
          "overdue.first",
          "overdue.first.[].dueDate",
          "overdue.first.[].id",
          "overdue.first.[].title",
          "planned",
          "planned.date",
          "planned.id",
          "planned.time",
          "reviews",
          "reviews.closing",
          "reviews.finished",
          "reviews.midPoint",
        ],
        "shape": 3,
      }
    `);
    const row = await db!.local.get(keptHomeKey(journalId));
    await db!.local.put({ ...row!, value: { ...(row!.value as object), shape: HOME_FACTS_SHAPE - 1 } });
    expect(await keptOnStart(journalId)).toBeUndefined();
  });

  it('goes when the journal is removed from this device', async () => {
    const { journalId } = await journalWithHistory();
    await visitHome(journalId);
    await deleteJournalFromDevice(journalId, db);
    expect(await db!.local.get(keptHomeKey(journalId))).toBeUndefined();
  });
});

describe('the shell read model', () => {
  it('lists the journals on this device by name, with the current one', async () => {
    await journalWithHistory();
    const { raw, dexie } = await bothWays(SHELL_READS, readShell);
    expect(raw).toEqual(dexie);
    expect(raw.journals.map((j) => j.journal.menteeName)).toEqual(['Ana', 'Zed']);
    expect(raw.current?.journal.menteeName).toBe('Zed');
  });
});

describe('the first load', () => {
  it('on a first run, reading directly creates no database (Dexie makes it as usual)', async () => {
    const name = `never-made-${crypto.randomUUID()}`;
    expect(await openExisting(name)).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('shows the direct read first, then follows the live query: an edit reaches Home', async () => {
    const { journalId } = await journalWithHistory();
    startFirstReads(true, TODAY);
    const paused = await new Promise<number[]>((resolve, reject) => {
      const seen: number[] = [];
      const subscription = liveHomeFacts(journalId, TODAY).subscribe({
        next: (facts) => {
          seen.push(facts.goalCounts.paused);
          // The direct read, then the live query's first value: now a goal is added elsewhere.
          if (seen.length === 2)
            repo('goal').create(journalId, { title: 'D', status: 'paused' }).catch(reject);
          if (seen.length === 3) {
            queueMicrotask(() => subscription.unsubscribe());
            resolve(seen);
          }
        },
        error: reject,
      });
    });
    expect(paused).toEqual([0, 0, 1]);
  });

  it('the shell state comes the same way, and a failed direct read leaves the live query to answer', async () => {
    await journalWithHistory();
    const [state] = await firstValues(liveShellState(), 1);
    expect(state!.current?.journal.menteeName).toBe('Zed');
    const live = { subscribe: liveShellState().subscribe };
    const [fallback] = await firstValues(
      firstThenLive(
        () => Promise.reject(new Error('no IndexedDB here')),
        async () => live,
      ),
      1,
    );
    expect(fallback!.journals).toHaveLength(2);
  });
});
