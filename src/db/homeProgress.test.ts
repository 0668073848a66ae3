import { afterEach, describe, expect, it } from 'vitest';
import { freshJournal } from '../../tests/helpers/journal';
import type { MentoringDb } from './database';
import { liveHomeFacts } from './firstLoad';
import { HOME_GOALS_SHOWN, readAttentionExtras, readHomeGoalProgress } from './homeProgress';
import { repo } from './index';
import { dexieReader } from './liveReadModels';
import { openExisting, rawReader } from './readers';

let db: MentoringDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});

const TODAY = '2026-06-15';
const TABLES = ['goals', 'progressEntries', 'milestones', 'checkIns'];

async function journal() {
  const current = await freshJournal('mentee');
  db = current.db;
  return current.journalId;
}

/** A read model read both ways: over plain IndexedDB and over Dexie (they must agree). */
async function bothWays<T>(read: (reader: ReturnType<typeof rawReader>) => Promise<T>) {
  const raw = (await openExisting(db!.name))!;
  try {
    return { raw: await read(rawReader(raw, TABLES)), dexie: await read(dexieReader(db!)) };
  } finally {
    raw.close();
  }
}

describe('Home’s goal progress', () => {
  it('shows the active goals, earliest target first, each with its latest % and milestones done / total', async () => {
    const j = await journal();
    const late = await repo('goal').create(j, { title: 'Late', status: 'active', targetDate: '2026-06-14' });
    const soon = await repo('goal').create(j, { title: 'Soon', status: 'active', targetDate: '2026-07-01' });
    await repo('goal').create(j, { title: 'Reached', status: 'achieved', targetDate: '2026-01-01' });
    await repo('goal').create(j, { title: 'Paused', status: 'paused' });
    const gone = await repo('goal').create(j, { title: 'Gone', status: 'active' });
    await repo('goal').remove(gone.id);
    await repo('milestone').create(j, { goalId: late.id, status: 'done', evidence: 'Long evidence' });
    await repo('milestone').create(j, { goalId: late.id, status: 'planned' });
    await repo('progressEntry').create(j, { goalId: late.id, date: '2026-06-01', percent: 30, note: 'Note' });
    await repo('progressEntry').create(j, { goalId: soon.id, date: '2026-05-01', percent: 80 });
    const { raw, dexie } = await bothWays((r) => readHomeGoalProgress(r, j, TODAY));
    expect(raw).toEqual(dexie);
    expect(dexie).toEqual({
      goals: [
        {
          id: late.id,
          title: 'Late',
          targetDate: '2026-06-14',
          latestPercent: 30,
          latestProgressOn: '2026-06-01',
          milestonesDone: 1,
          milestonesTotal: 2,
          pastTarget: true,
        },
        {
          id: soon.id,
          title: 'Soon',
          targetDate: '2026-07-01',
          latestPercent: 80,
          latestProgressOn: '2026-05-01',
          milestonesDone: 0,
          milestonesTotal: 0,
          pastTarget: false,
        },
      ],
      more: 0,
    });
    expect(JSON.stringify(dexie)).not.toMatch(/Long evidence|Note/);
  });

  it(`shows the first ${HOME_GOALS_SHOWN} and says how many more`, async () => {
    const j = await journal();
    for (let i = 0; i < HOME_GOALS_SHOWN + 2; i++)
      await repo('goal').create(j, { title: `G${i}`, status: 'active', targetDate: `2027-01-0${i + 1}` });
    const read = await readHomeGoalProgress(dexieReader(db!), j, TODAY);
    expect(read.goals.map((g) => g.title)).toEqual(['G0', 'G1', 'G2', 'G3', 'G4']);
    expect(read.more).toBe(2);
  });
});

describe('what Needs attention reads besides Home’s facts', () => {
  it('the latest check-in up to today by either person, and the live goals’ target dates', async () => {
    const j = await journal();
    await repo('checkIn').create(j, { date: '2026-01-10' }, { author: 'mentee' });
    await repo('checkIn').create(j, { date: '2026-03-01' }, { author: 'mentor' });
    await repo('checkIn').create(j, { date: '2026-07-01' }, { author: 'mentee' }); // dated ahead
    const deleted = await repo('checkIn').create(j, { date: '2026-05-01' });
    await repo('checkIn').remove(deleted.id);
    const goal = await repo('goal').create(j, { title: 'Lead', status: 'active', targetDate: '2026-06-01' });
    const { raw, dexie } = await bothWays((r) => readAttentionExtras(r, j, TODAY));
    expect(raw).toEqual(dexie);
    expect(dexie).toEqual({
      latestCheckInOn: '2026-03-01',
      goals: [{ id: goal.id, title: 'Lead', status: 'active', targetDate: '2026-06-01' }],
    });
  });

  it('stays live with Home: a new check-in shows at once', async () => {
    const j = await journal();
    const values: (string | undefined)[] = [];
    const done = new Promise<void>((resolve) => {
      const sub = liveHomeFacts(j, TODAY).subscribe({
        next: (facts) => {
          values.push(facts.attention.latestCheckInOn);
          if (values.length === 1) void repo('checkIn').create(j, { date: '2026-06-10' });
          if (facts.attention.latestCheckInOn === '2026-06-10') {
            sub.unsubscribe();
            resolve();
          }
        },
      });
    });
    await done;
    expect(values[0]).toBeUndefined();
    expect(values.at(-1)).toBe('2026-06-10');
  });
});
