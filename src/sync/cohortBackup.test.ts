/**
 * Cohorts a committee member kept on this device travel in this device's backup — and never in a
 * pair file, not even one crafted to carry them.
 */
import { describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import { keepCohort, keptCohortSummaries, keptCohorts } from '../db/cohorts';
import { undoLastImport } from '../db/importTransaction';
import { createJournal } from '../db/journals';
import { payloadChecksum } from './envelope';
import { exportBackupFile, exportPairFile } from './exportFile';
import { applyImportFile, previewImport } from './importFile';

let wall = Date.UTC(2026, 10, 22, 9, 0, 0);
const newDevice = useDevices(() => wall);

const SUMMARY = {
  format: 'mentoring-journal-committee-summary',
  formatVersion: 2,
  journal: { menteeName: 'Ana' },
};

async function committeeMemberWithJournal() {
  const db = newDevice();
  const journal = await createJournal({ role: 'mentor', menteeName: 'Ana', mentorName: 'Sam' }, db);
  const cohort = await keepCohort({ name: 'Spring cohort', summaries: [SUMMARY] }, db);
  return { db, journalId: journal.id, cohort };
}

describe('kept cohorts and files', () => {
  it('a backup carries them; restoring it on a new device brings them back, and undo takes them away', async () => {
    const { db, cohort } = await committeeMemberWithJournal();
    wall += 60_000;
    const { text } = await exportBackupFile({ db });
    const fresh = newDevice();
    const preview = await previewImport(text, { db: fresh });
    await applyImportFile(preview, { db: fresh });
    expect(await keptCohorts(fresh)).toEqual([cohort]);
    expect(await keptCohortSummaries(cohort.id, fresh)).toEqual([SUMMARY]);
    await undoLastImport(fresh);
    expect(await keptCohorts(fresh)).toEqual([]);
    expect(await keptCohortSummaries(cohort.id, fresh)).toBeUndefined();
  });

  it('a committee member with no journal backs up the kept cohorts alone, and a new device restores them', async () => {
    const db = newDevice();
    const cohort = await keepCohort({ name: 'Spring cohort', summaries: [SUMMARY] }, db);
    wall += 60_000;
    const { text, file } = await exportBackupFile({ db });
    expect(file.journalIds).toEqual([]);
    expect(file.payload.records).toEqual([]);
    const fresh = newDevice();
    const preview = await previewImport(text, { db: fresh });
    expect(preview.file.cohorts.map((c) => c.name)).toEqual(['Spring cohort']);
    await applyImportFile(preview, { db: fresh });
    expect(await keptCohorts(fresh)).toEqual([cohort]);
    expect(await keptCohortSummaries(cohort.id, fresh)).toEqual([SUMMARY]);
  });

  it('a device with neither a journal nor a kept cohort has nothing to back up, and says so', async () => {
    await expect(exportBackupFile({ db: newDevice() })).rejects.toThrow(/nothing to back up/i);
  });

  it('a newer state of a cohort kept here is not replaced by an older one from a backup', async () => {
    const { db, cohort } = await committeeMemberWithJournal();
    wall += 60_000;
    const { text } = await exportBackupFile({ db });
    wall += 60_000;
    const newer = await keepCohort(
      { id: cohort.id, name: 'Spring cohort, week 2', summaries: [SUMMARY, SUMMARY] },
      db,
    );
    await applyImportFile(await previewImport(text, { db }), { db });
    expect(await keptCohorts(db)).toEqual([newer]);
    expect(await keptCohortSummaries(cohort.id, db)).toHaveLength(2);
  });

  it('a pair file never carries them, and one crafted to carry them (checksum made valid) writes none', async () => {
    const { db, journalId } = await committeeMemberWithJournal();
    wall += 60_000;
    const { text } = await exportPairFile(journalId, { db });
    expect(text).not.toContain('Spring cohort');
    const file = JSON.parse(text);
    file.payload.cohorts = [
      {
        id: 'c0ffee00-0000-4000-8000-000000000000',
        name: 'Planted',
        keptAt: '2026-11-22T09:00:00.000Z',
        updatedAt: '2026-11-22T09:00:00.000Z',
        pairCount: 1,
        summaries: [SUMMARY],
      },
    ];
    file.sha256 = await payloadChecksum(file.payload);
    const partner = newDevice();
    await applyImportFile(await previewImport(JSON.stringify(file), { db: partner }), {
      db: partner,
      role: 'mentee',
    });
    expect(await keptCohorts(partner)).toEqual([]);
  });
});
