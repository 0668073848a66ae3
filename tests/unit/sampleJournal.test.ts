import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb } from '../../src/db/database';
import { applyImportFile, previewImport } from '../../src/sync/importFile';
import { JOURNAL_ID } from '../../src/sync/testing';
import { SAMPLE_JOURNAL_PATH, sampleJournalRecords, sampleJournalText } from '../fixtures/sampleJournal';

const dbs: MentoringDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('the sample journal the screenshots show', () => {
  if (process.env.UPDATE_FIXTURES) {
    it('is written', async () => {
      writeFileSync(SAMPLE_JOURNAL_PATH, await sampleJournalText());
    });
  }

  it('is the file its generator writes (regenerate it after changing tests/fixtures/sampleJournal.ts)', async () => {
    expect(existsSync(SAMPLE_JOURNAL_PATH)).toBe(true);
    expect(readFileSync(SAMPLE_JOURNAL_PATH, 'utf8')).toBe(await sampleJournalText());
  });

  it('joins a new device with every record, none dropped', async () => {
    const db = new MentoringDb(`test-${crypto.randomUUID()}`);
    db.wallClock = () => Date.UTC(2027, 2, 15, 12);
    dbs.push(db);
    const preview = await previewImport(readFileSync(SAMPLE_JOURNAL_PATH, 'utf8'), { db });
    expect(preview.file.dropped).toEqual([]);
    expect(preview.newJournalIds).toEqual([JOURNAL_ID]);
    expect(preview.plan.total.added).toBe(sampleJournalRecords().length);
    await applyImportFile(preview, { db, role: 'mentee' });
  });
});
