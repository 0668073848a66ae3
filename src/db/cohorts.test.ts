import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import {
  COHORT_KEY_PREFIX,
  keepCohort,
  keptCohortSummaries,
  keptCohorts,
  liveKeptCohorts,
  removeKeptCohort,
} from './cohorts';
import { device } from './index';
import { createJournal } from './journals';

const fresh = useFreshDb();

const summaries = [
  { format: 'mentoring-journal-committee-summary', formatVersion: 2, journalId: 'a' },
  { format: 'mentoring-journal-committee-summary', version: 1, journal: { menteeName: 'Bea' } },
];

/** Every key of the device-only table. */
async function localKeys(): Promise<string[]> {
  return (await fresh.db.local.toCollection().primaryKeys()).sort();
}

describe('kept cohorts', () => {
  it('nothing is stored until a cohort is kept; then its listing and its summaries are, under cohort:', async () => {
    expect(await keptCohorts(fresh.db)).toEqual([]);
    fresh.db.wallClock = () => Date.parse('2026-03-02T10:00:00.000Z');
    const kept = await keepCohort({ name: 'Regional library mentoring', summaries }, fresh.db);
    expect(kept).toEqual({
      id: kept.id,
      name: 'Regional library mentoring',
      keptAt: '2026-03-02T10:00:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      pairCount: 2,
    });
    expect(await localKeys()).toEqual([`cohort:${kept.id}`, `cohort:${kept.id}:summaries`]);
    expect(await keptCohorts(fresh.db)).toEqual([kept]);
    expect(await keptCohortSummaries(kept.id, fresh.db)).toEqual(summaries);
  });

  it('keeping it again saves the new summaries and keeps the day it was first kept', async () => {
    fresh.db.wallClock = () => Date.parse('2026-03-02T10:00:00.000Z');
    const first = await keepCohort({ name: 'Cohort', summaries: summaries.slice(0, 1) }, fresh.db);
    fresh.db.wallClock = () => Date.parse('2026-04-01T08:00:00.000Z');
    const again = await keepCohort({ id: first.id, name: 'Cohort', summaries }, fresh.db);
    expect(again).toMatchObject({
      id: first.id,
      keptAt: first.keptAt,
      updatedAt: '2026-04-01T08:00:00.000Z',
    });
    expect(again.pairCount).toBe(2);
    expect(await keptCohortSummaries(first.id, fresh.db)).toEqual(summaries);
    expect(await keptCohorts(fresh.db)).toHaveLength(1);
  });

  it('lists several, the latest saved first', async () => {
    fresh.db.wallClock = () => Date.parse('2026-01-01T00:00:00.000Z');
    const older = await keepCohort({ name: 'Older', summaries }, fresh.db);
    fresh.db.wallClock = () => Date.parse('2026-02-01T00:00:00.000Z');
    const newer = await keepCohort({ name: 'Newer', summaries }, fresh.db);
    expect((await keptCohorts(fresh.db)).map((c) => c.id)).toEqual([newer.id, older.id]);
  });

  it('removing one deletes its listing and its summaries, and nothing of the journals or other cohorts', async () => {
    const journal = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, fresh.db);
    const stays = await keepCohort({ name: 'Stays', summaries }, fresh.db);
    const goes = await keepCohort({ name: 'Goes', summaries }, fresh.db);
    const before = (await localKeys()).filter((k) => !k.startsWith(COHORT_KEY_PREFIX));

    await removeKeptCohort(goes.id, fresh.db);

    expect(await keptCohortSummaries(goes.id, fresh.db)).toBeUndefined();
    expect((await keptCohorts(fresh.db)).map((c) => c.name)).toEqual(['Stays']);
    expect(await keptCohortSummaries(stays.id, fresh.db)).toEqual(summaries);
    expect((await localKeys()).filter((k) => !k.startsWith(COHORT_KEY_PREFIX))).toEqual(before);
    expect((await device(fresh.db).membership(journal.id))?.role).toBe('mentee');
    expect(await fresh.db.table('journals').count()).toBe(1);
  });

  it('the kept list follows keeping and removing, live', async () => {
    const seen: string[][] = [];
    const subscription = liveKeptCohorts(fresh.db).subscribe({
      next: (list) => seen.push(list.map((c) => c.name)),
    });
    try {
      await expect.poll(() => seen.at(-1)).toEqual([]);
      const kept = await keepCohort({ name: 'Live', summaries }, fresh.db);
      await expect.poll(() => seen.at(-1)).toEqual(['Live']);
      await removeKeptCohort(kept.id, fresh.db);
      await expect.poll(() => seen.at(-1)).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
