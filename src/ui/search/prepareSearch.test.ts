import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../../tests/helpers/journal';
import { device, repo } from '../../db';
import { countRecords } from '../../db/searchSource';
import { SEARCH_KINDS } from '../../model/searchFields';
import { prepareSearch } from './prepareSearch';
import { journalIndex } from './searchIndex';

const JOURNAL = 'journal-prepared';
const fresh = useFreshDb({ journalId: JOURNAL });

afterEach(() => {
  journalIndex(JOURNAL, fresh.db).dispose();
  vi.unstubAllGlobals();
});

describe('the search index built ahead', () => {
  it('counts the journal’s records of every kind search covers, not another journal’s', async () => {
    await repo('goal').create(JOURNAL, { title: 'Run a story hour' });
    await repo('story').create(JOURNAL, { title: 'The bookmobile route' });
    await device(fresh.db).setMembership('journal-other', { role: 'mentor' });
    await repo('goal').create('journal-other', { title: 'Not this journal' });
    expect(await countRecords(JOURNAL, SEARCH_KINDS, fresh.db)).toBe(2);
  });

  it('is the index Search uses, with every record in it before the first key', async () => {
    const story = await repo('story').create(JOURNAL, { title: 'The bookmobile route' });
    expect(await prepareSearch(JOURNAL, fresh.db)).toBe(true);
    const index = journalIndex(JOURNAL, fresh.db);
    await vi.waitFor(() => expect(index.ready).toBe(true));
    expect(
      index
        .search('bookm')
        .groups.get('story')
        ?.map((hit) => hit.id),
    ).toEqual([story.id]);
  });

  it('is not built for a journal over the limit: Search builds it when opened', async () => {
    await repo('goal').create(JOURNAL, { title: 'One' });
    await repo('goal').create(JOURNAL, { title: 'Two' });
    await repo('goal').create(JOURNAL, { title: 'Three' });
    expect(await prepareSearch(JOURNAL, fresh.db, 2)).toBe(false);
    expect(await prepareSearch(JOURNAL, fresh.db, 3)).toBe(true);
  });

  it('works only while the page is idle, until Search is opened: then at full pace', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => {
      idle[handle - 1] = () => {};
    });
    await repo('story').create(JOURNAL, { title: 'The bookmobile route' });
    await prepareSearch(JOURNAL, fresh.db);
    const index = journalIndex(JOURNAL, fresh.db);
    // Its first part is read, and waits for idle time that never comes.
    await vi.waitFor(() => expect(idle.length).toBe(1));
    await new Promise((done) => setTimeout(done, 50));
    expect(index.ready).toBe(false);
    // Search says how far the first read has come: nothing in yet, of the journal's one record.
    await vi.waitFor(() => expect(index.progress).toEqual({ taken: 0, of: 1 }));
    index.foreground();
    await vi.waitFor(() => expect(index.ready).toBe(true));
    expect(index.search('bookmobile').total).toBe(1);
    expect(index.progress).toBeUndefined();
  });
});
