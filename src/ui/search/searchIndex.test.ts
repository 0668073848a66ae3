import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../../tests/helpers/journal';
import { device, type Patch, repo } from '../../db';
import { READ_PART } from '../../db/searchSource';

import { KINDS } from '../../model/kinds';
import { SEARCH_KINDS, type SearchKind, searchSpec } from '../../model/searchFields';
import { fold, JournalIndex, queryWords, type SearchResults, snippetOf, wordsOf } from './searchIndex';

const JOURNAL = 'journal-a';
const OTHER = 'journal-b';
const fresh = useFreshDb({ journalId: JOURNAL });

let index: JournalIndex | undefined;
afterEach(() => index?.dispose());

async function readyIndex(journalId = JOURNAL) {
  index = new JournalIndex(journalId, fresh.db);
  await vi.waitFor(() => expect(index!.ready).toBe(true));
  return index;
}

/** The hits of a search as `kind:id`, in the order shown. */
function found(results: SearchResults): string[] {
  return [...results.groups].flatMap(([kind, hits]) => hits.map((hit) => `${kind}:${hit.id}`));
}

/** Waits until the index, following the database, gives `expected` for `query`. */
async function expectFound(query: string, expected: string[]) {
  await vi.waitFor(() => expect(found(index!.search(query))).toEqual(expected));
}

/** A word made for one field of one kind, found nowhere else. */
const wordFor = (kind: string, field: string) => `zq${kind}${field}x`.toLowerCase();

describe('the search index', () => {
  it('covers every long text of every kind it searches, so a new text field cannot be forgotten', () => {
    for (const kind of SEARCH_KINDS) {
      const fields: readonly string[] = searchSpec(kind).fields;
      expect({ kind, missing: KINDS[kind].longText.filter((field) => !fields.includes(field)) }).toEqual({
        kind,
        missing: [],
      });
    }
  });

  it('finds every kind by a word of each of its indexed fields, a story also by its skills', async () => {
    const expected: { word: string; hit: string }[] = [];
    for (const kind of SEARCH_KINDS) {
      for (const field of searchSpec(kind).fields as readonly string[]) {
        const word = wordFor(kind, field);
        const value = field === 'skills' ? [{ name: `Public ${word}`, enjoyed: true }] : `Some ${word} here`;
        const record = await repo(kind as SearchKind).create(JOURNAL, {
          [field]: value,
        } as Patch<SearchKind>);
        expected.push({ word, hit: `${kind}:${record.id}` });
      }
    }
    await readyIndex();
    for (const { word, hit } of expected)
      expect({ word, found: found(index!.search(word)) }).toEqual({ word, found: [hit] });
  });

  it('ignores case and accents, in the text and in the query', async () => {
    const goal = await repo('goal').create(JOURNAL, { title: 'Update my Résumé' });
    const note = await repo('note').create(JOURNAL, { text: 'Lunch at the CAFE on Élan street' });
    await readyIndex();
    for (const query of ['resume', 'RÉSUMÉ', 'Resumé']) await expectFound(query, [`goal:${goal.id}`]);
    for (const query of ['café', 'elan', 'ÉLAN']) await expectFound(query, [`note:${note.id}`]);
  });

  it('matches the start of words, and needs every word of the query', async () => {
    const both = await repo('agendaItem').create(JOURNAL, { text: 'Conference poster' });
    const poster = await repo('agendaItem').create(JOURNAL, { text: 'Poster only' });
    await readyIndex();
    expect(found(index!.search('post')).sort()).toEqual(
      [`agendaItem:${both.id}`, `agendaItem:${poster.id}`].sort(),
    );
    await expectFound('post conf', [`agendaItem:${both.id}`]);
    await expectFound('ster', []);
  });

  it('leaves out common words unless the query has nothing else, so the first key "a" finds something', async () => {
    const item = await repo('actionItem').create(JOURNAL, { text: 'Draft the abstract' });
    await readyIndex();
    await expectFound('the abstract', [`actionItem:${item.id}`]);
    await expectFound('a', [`actionItem:${item.id}`]);
    expect(queryWords('The  Poster, the poster')).toEqual(['poster']);
  });

  it('falls back to close spellings only when nothing matches exactly, and says so', async () => {
    const note = await repo('note').create(JOURNAL, { text: 'We went over the budget' });
    await readyIndex();
    expect(index!.search('budget').closeSpellings).toBe(false);
    const close = index!.search('budgat');
    expect({ hits: found(close), closeSpellings: close.closeSpellings }).toEqual({
      hits: [`note:${note.id}`],
      closeSpellings: true,
    });
  });

  it('groups hits by kind in the table’s order, agenda points latest meeting first', async () => {
    const early = await repo('meeting').create(JOURNAL, { date: '2026-01-10', sharedNotes: 'outreach' });
    const late = await repo('meeting').create(JOURNAL, { date: '2026-03-10' });
    const a1 = await repo('agendaItem').create(JOURNAL, { meetingId: early.id, text: 'Outreach plan' });
    const a2 = await repo('agendaItem').create(JOURNAL, { meetingId: late.id, text: 'Outreach report' });
    const goal = await repo('goal').create(JOURNAL, { title: 'Grow outreach' });
    await readyIndex();
    expect(found(index!.search('outreach'))).toEqual([
      `goal:${goal.id}`,
      `meeting:${early.id}`,
      `agendaItem:${a2.id}`,
      `agendaItem:${a1.id}`,
    ]);
  });

  it('an edit replaces the old words, and a new record is found without a rebuild', async () => {
    const note = await repo('note').create(JOURNAL, { text: 'Nervous about the interview' });
    await readyIndex();
    await repo('note').update(note.id, { text: 'Calm about the interview' });
    await expectFound('calm', [`note:${note.id}`]);
    await expectFound('nervous', []);
    const added = await repo('story').create(JOURNAL, { title: 'The nervous start' });
    await expectFound('nervous', [`story:${added.id}`]);
  });

  it('a deleted record is not found, and the index forgets it', async () => {
    const goal = await repo('goal').create(JOURNAL, { title: 'Learn cataloguing' });
    await readyIndex();
    await expectFound('catalog', [`goal:${goal.id}`]);
    await repo('goal').remove(goal.id);
    await expectFound('catalog', []);
    expect(index!.has(goal.id)).toBe(false);
  });

  it('follows a bulk write (an import) and a deletion by range, which Dexie reports as ranges', async () => {
    const template = await repo('agendaItem').create(JOURNAL, { text: 'Seed' });
    await readyIndex();
    const imported = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `imported-${i}`,
      text: `Imported ${i}`,
    }));
    await fresh.db.table('agendaItems').bulkPut(imported);
    await vi.waitFor(() => expect(index!.search('imported').total).toBe(60));
    await fresh.db.table('agendaItems').where('journalId').equals(JOURNAL).delete();
    await expectFound('imported', []);
    await expectFound('seed', []);
  });

  it('indexes a kind too big to read at once whole, and forgets what a later bulk write took out of any part', async () => {
    const template = await repo('agendaItem').create(JOURNAL, { text: 'Seed' });
    const many = READ_PART * 2 + 100;
    const imported = Array.from({ length: many }, (_, i) => ({
      ...template,
      id: `imported-${String(i).padStart(5, '0')}`,
      text: `Imported ${i}`,
    }));
    await fresh.db.table('agendaItems').bulkPut(imported);
    await readyIndex();
    expect(index!.search('imported').total).toBe(many);
    const gone = imported.filter((_, i) => i % 10 === 0);
    await fresh.db.table('agendaItems').bulkPut(gone.map((item) => ({ ...item, deleted: true })));
    await vi.waitFor(() => expect(index!.search('imported').total).toBe(many - gone.length));
    expect(gone.some((item) => index!.has(item.id))).toBe(false);
  });

  it('says how far its first read has come, part by part, and nothing once every record is in', async () => {
    const template = await repo('agendaItem').create(JOURNAL, { text: 'Seed' });
    const many = READ_PART * 2 + 100;
    await fresh.db
      .table('agendaItems')
      .bulkPut(
        Array.from({ length: many }, (_, i) => ({ ...template, id: `part-${String(i).padStart(5, '0')}` })),
      );
    // Built in the background, the index works only when the test says the page is idle.
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work));
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      index = new JournalIndex(JOURNAL, fresh.db, undefined, { background: true });
      await vi.waitFor(() => expect(index!.progress?.of).toBe(many + 1));
      const seen: number[] = [];
      while (!index.ready) {
        await vi.waitFor(() => expect(idle.length).toBeGreaterThan(0));
        idle.shift()!();
        const taken = index.progress?.taken;
        if (taken !== undefined && taken !== seen.at(-1)) seen.push(taken);
      }
      expect(seen.some((taken) => taken > 0 && taken < many)).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(index.progress).toBeUndefined();
      expect(index.search('seed').total).toBe(many + 1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never finds another journal’s records, written before or after the index was built', async () => {
    await device(fresh.db).setMembership(OTHER, { role: 'mentor' });
    await repo('note').create(OTHER, { text: 'Poster for the other pair' });
    const mine = await repo('note').create(JOURNAL, { text: 'My poster' });
    await readyIndex();
    await expectFound('poster', [`note:${mine.id}`]);
    await repo('note').create(OTHER, { text: 'Another poster elsewhere' });
    const later = await repo('note').create(JOURNAL, { text: 'Second poster' });
    await vi.waitFor(() => expect(index!.has(later.id)).toBe(true));
    expect(found(index!.search('poster')).sort()).toEqual([`note:${later.id}`, `note:${mine.id}`].sort());
  });

  it('knows an action carried forward to a later meeting', async () => {
    const first = await repo('actionItem').create(JOURNAL, { text: 'Send the CV' });
    await readyIndex();
    expect(index!.continued(first.id)).toBe(false);
    const copy = await repo('actionItem').create(JOURNAL, { text: 'Send the CV', carriedFromId: first.id });
    await vi.waitFor(() => expect(index!.continued(first.id)).toBe(true));
    await repo('actionItem').remove(copy.id);
    await vi.waitFor(() => expect(index!.continued(first.id)).toBe(false));
  });
});

describe('folding and snippets', () => {
  it('folds case and accents', () => {
    expect(fold('Résumé ÉCOLE Ångström')).toBe('resume ecole angstrom');
  });

  it('splits words at spaces and punctuation, typographic too, and keeps the letters of every script', () => {
    expect(wordsOf('“Quoted”—dash… l’été, C++; e-mail Łódź 图书馆 Библиотека')).toEqual([
      'quoted',
      'dash',
      'l',
      'ete',
      'c',
      'e',
      'mail',
      'łodz',
      '图书馆',
      'библиотека',
    ]);
  });

  it('shows the text around the first word found, on one line', () => {
    const long = `${'Earlier words. '.repeat(10)}I felt nervous about the\nMANAGER interview${' and more'.repeat(20)}`;
    const snippet = snippetOf(['Private note', long], ['manager'], 'Private note');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('nervous about the MANAGER interview');
  });

  it('without a word found, shows the start of the first text that is not the title', () => {
    expect(snippetOf(['Update my résumé', 'For the branch manager post'], ['zzz'], 'Update my résumé')).toBe(
      'For the branch manager post',
    );
  });
});
