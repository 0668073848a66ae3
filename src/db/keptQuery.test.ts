import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { type Observable, repo } from './index';
import { keptLiveQuery, MAX_IDLE } from './keptQuery';

const J = 'journal-1';
const fresh = useFreshDb({ journalId: J });

/** A kept query of the journal's goal titles that counts how often it really reads. */
function goalTitlesQuery(key = 'titles') {
  const counter = { reads: 0 };
  const query = keptLiveQuery(fresh.db, ['goals'], key, async () => {
    counter.reads += 1;
    return (await repo('goal').list(J)).map((g) => g.title).sort();
  });
  return { query, counter };
}

/** Subscribes, waits for the first result, and returns what it saw and how to stop. */
async function watch<T>(query: Observable<T>) {
  const seen: T[] = [];
  const subscription = query.subscribe((value) => seen.push(value));
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  return { seen, stop: () => subscription.unsubscribe() };
}

describe('kept live queries', () => {
  it('a screen opened again gets the result it had, without reading again', async () => {
    await repo('goal').create(J, { title: 'Lead a project' });
    const { query, counter } = goalTitlesQuery();
    const first = await watch(query);
    first.stop();
    const again = await watch(query);
    expect(again.seen).toEqual([['Lead a project']]);
    expect(counter.reads).toBe(1);
    again.stop();
  });

  it('a write to its table while nobody watches drops it: the next screen reads the change', async () => {
    const goal = await repo('goal').create(J, { title: 'Lead a project' });
    const { query, counter } = goalTitlesQuery();
    (await watch(query)).stop();
    await repo('goal').update(goal.id, { title: 'Lead a big project' });
    const again = await watch(query);
    expect(again.seen).toEqual([['Lead a big project']]);
    expect(counter.reads).toBe(2);
    again.stop();
  });

  it('a write to another table keeps it', async () => {
    await repo('goal').create(J, { title: 'Lead a project' });
    const { query, counter } = goalTitlesQuery();
    (await watch(query)).stop();
    await repo('story').create(J, { title: 'Teen club' });
    (await watch(query)).stop();
    expect(counter.reads).toBe(1);
  });

  it('while watched it is live: a write hands on the new result', async () => {
    const { query } = goalTitlesQuery();
    const { seen, stop } = await watch(query);
    await repo('goal').create(J, { title: 'Write a grant' });
    await expect.poll(() => seen.at(-1)).toEqual(['Write a grant']);
    stop();
  });

  it('a write that lands while it reads is read again, so the change is never missed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((done) => {
      release = done;
    });
    let reads = 0;
    const query = keptLiveQuery(fresh.db, ['goals'], 'slow', async () => {
      reads += 1;
      const titles = (await repo('goal').list(J)).map((g) => g.title);
      if (reads === 1) await gate;
      return titles;
    });
    const seen: unknown[] = [];
    const subscription = query.subscribe((value) => seen.push(value));
    await expect.poll(() => reads).toBe(1);
    await repo('goal').create(J, { title: 'Written during the read' });
    release();
    await expect.poll(() => seen.at(-1)).toEqual(['Written during the read']);
    subscription.unsubscribe();
    // And the result kept is the one read after the write.
    const again: unknown[] = [];
    query.subscribe((value) => again.push(value)).unsubscribe();
    expect(again).toEqual([['Written during the read']]);
  });

  it(`keeps only the ${MAX_IDLE} results used last that nobody watches`, async () => {
    const queries = Array.from({ length: MAX_IDLE + 1 }, (_, i) => goalTitlesQuery(`titles-${i}`));
    for (const { query } of queries) (await watch(query)).stop();
    const oldest = queries[0]!;
    const newest = queries[MAX_IDLE]!;
    (await watch(newest.query)).stop();
    (await watch(oldest.query)).stop();
    expect(newest.counter.reads).toBe(1);
    expect(oldest.counter.reads).toBe(2);
  });
});
