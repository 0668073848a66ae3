import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb, repo } from '../../db';
import { createJournal } from '../../db/journals';
import { exportPairFile } from '../../sync/exportFile';
import { applyImportFile, previewImport } from '../../sync/importFile';
import { changeLineText, previewChanges } from './previewChanges';

const dbs: MentoringDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(): MentoringDb {
  const db = new MentoringDb(`preview-changes-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

async function preview(text: string, db: MentoringDb) {
  const p = await previewImport(text, { db });
  return previewChanges({ plan: p.plan, local: p.basis.local });
}

describe('what an import will change, in words', () => {
  it('names the first three new records of a kind and counts the rest', async () => {
    const mentor = device();
    const journal = await createJournal({ role: 'mentor', menteeName: 'Ana', mentorName: 'Sam' }, mentor);
    for (const title of [
      'Run a story time',
      'Read together',
      'Plan a display',
      'Visit a branch',
      'Lead a team',
    ])
      await repo('goal', mentor).create(journal.id, { title });
    const { text } = await exportPairFile(journal.id, { db: mentor });

    const changes = await preview(text, device());
    const goals = changes.find((c) => c.kind === 'goal')!;
    expect(goals.lines).toHaveLength(1);
    expect(goals.lines[0]!.count).toBe(5);
    expect(changeLineText(goals.lines[0]!)).toMatch(/^5 new: “[^”]+”, “[^”]+”, “[^”]+” and 2 more$/);
  });

  it('says which records changed, which were deleted and how many stay the same', async () => {
    const mentor = device();
    const mentee = device();
    const journal = await createJournal({ role: 'mentor', menteeName: 'Ana', mentorName: 'Sam' }, mentor);
    const keep = await repo('goal', mentor).create(journal.id, { title: 'Keep this one' });
    const edit = await repo('goal', mentor).create(journal.id, { title: 'Old words' });
    const drop = await repo('goal', mentor).create(journal.id, { title: 'Drop this one' });
    const first = await exportPairFile(journal.id, { db: mentor });
    await applyImportFile(await previewImport(first.text, { db: mentee }), { db: mentee, role: 'mentee' });
    await repo('goal', mentor).update(edit.id, { title: 'New words' });
    await repo('goal', mentor).remove(drop.id);
    const second = await exportPairFile(journal.id, { db: mentor });

    const goals = (await preview(second.text, mentee)).find((c) => c.kind === 'goal')!;
    expect(goals.lines.map(changeLineText)).toEqual([
      '1 changed: “New words”',
      '1 deleted: “Drop this one”',
      '1 already the same here',
    ]);
    expect(keep.title).toBe('Keep this one');
  });
});
