/**
 * A preview reads only what it must: the file carries just the records whose revision this device
 * lacks, and only those are read here whole. These tests hold it to the same result as opening the
 * whole file, including when the device changes between the preview and the apply.
 */
import { describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import type { MentoringDb } from '../db/database';
import { readForPreview, readImportSketch, undoLastImport } from '../db/importTransaction';
import { repo } from '../db/index';
import { createJournal } from '../db/journals';
import { staleRevs } from '../db/revs';
import type { AnyRecord } from '../model/kinds';
import { payloadChecksum } from './envelope';
import { exportPairFile } from './exportFile';
import { applyImportFile, endImport, type ImportPreview, prepareImport, previewImport } from './importFile';
import { leavesOutSame } from './openFile';

let wall = Date.UTC(2027, 1, 1, 9, 0, 0);
const newDevice = useDevices(() => wall);

async function records(db: MentoringDb, journalId: string): Promise<AnyRecord[]> {
  const lists = await Promise.all(
    db.recordTables().map((t) => t.where('journalId').equals(journalId).toArray()),
  );
  return lists.flat().sort((a, b) => a.id.localeCompare(b.id));
}

/** A mentor with a journal of 20 milestones, and a mentee who joined from the mentor's file. */
async function pair() {
  const mentor = newDevice();
  const mentee = newDevice();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid', startDate: '2027-01-01' },
    mentor,
  );
  const milestones = [];
  for (let i = 0; i < 20; i++) {
    milestones.push(
      await repo('milestone', mentor).create(journal.id, { title: `Step ${i}`, status: 'planned' }),
    );
  }
  const first = await exportPairFile(journal.id, { db: mentor, appVersion: 'test' });
  await applyImportFile(await previewImport(first.bytes, { db: mentee }), { db: mentee, role: 'mentee' });
  return { mentor, mentee, journalId: journal.id, milestones };
}

/** The mentor edits two milestones and adds one; the file of it. */
async function mentorChanges(mentor: MentoringDb, journalId: string, milestones: { id: string }[]) {
  wall += 60_000;
  await repo('milestone', mentor).update(milestones[0]!.id, { status: 'done' });
  await repo('milestone', mentor).update(milestones[1]!.id, { title: 'Step 1, rewritten' });
  await repo('milestone', mentor).create(journalId, { title: 'A new step', status: 'planned' });
  return (await exportPairFile(journalId, { db: mentor, appVersion: 'test' })).bytes;
}

const planOf = (preview: ImportPreview) => ({
  puts: [...preview.plan.puts].sort((a, b) => a.id.localeCompare(b.id)),
  removes: preview.plan.removes,
  conflicts: preview.plan.conflicts,
  counts: preview.plan.counts,
  total: preview.plan.total,
});

describe('an import that reads only what the device lacks', () => {
  it('carries only the changed records, counts the rest unchanged, and plans exactly as the whole file does', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    const bytes = await mentorChanges(mentor, journalId, milestones);
    wall += 60_000;
    await repo('milestone', mentee).update(milestones[5]!.id, { title: 'Step 5, the mentee’s words' });
    const quick = await previewImport(bytes, { db: mentee });
    const whole = await previewImport(bytes, { db: mentee, whole: true });
    expect(quick.file.records.map((r) => r.id).sort()).toEqual(
      [milestones[0]!.id, milestones[1]!.id, milestones[5]!.id, ...whole.plan.puts.map((r) => r.id)]
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort(),
    );
    expect(quick.file.sameAsDevice.milestone).toBe(17);
    expect(planOf(quick)).toEqual(planOf(whole));
    expect(quick.plan.total).toMatchObject({ added: 1, changed: 2, unchanged: whole.plan.total.unchanged });
    // Only the records the plan needs were read whole.
    expect(quick.basis.local.length).toBeLessThan(10);
    const result = await applyImportFile(quick, { db: mentee });
    expect(result.replanned).toBe(false);
    const onMentee = await records(mentee, journalId);
    expect(onMentee.find((r) => r.id === milestones[0]!.id)).toMatchObject({ status: 'done' });
    expect(onMentee.find((r) => r.id === milestones[5]!.id)).toMatchObject({
      title: 'Step 5, the mentee’s words',
    });
    expect(onMentee.some((r) => 'title' in r && r.title === 'A new step')).toBe(true);
    expect(await staleRevs(mentee)).toEqual([]);
  });

  it('an edit made here after the preview, to a record the file had as it was, is kept', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    const bytes = await mentorChanges(mentor, journalId, milestones);
    const preview = await previewImport(bytes, { db: mentee });
    wall += 60_000;
    await repo('milestone', mentee).update(milestones[7]!.id, { title: 'Step 7, edited during the preview' });
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.replanned).toBe(true);
    const onMentee = await records(mentee, journalId);
    expect(onMentee.find((r) => r.id === milestones[7]!.id)).toMatchObject({
      title: 'Step 7, edited during the preview',
    });
    expect(onMentee.find((r) => r.id === milestones[1]!.id)).toMatchObject({ title: 'Step 1, rewritten' });
    expect(onMentee).toHaveLength(
      (await records(mentor, journalId)).filter((r) => r.visibility !== 'private').length,
    );
  });

  it('records taken off here while the preview was open (an undo) come back from the file', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    wall += 60_000;
    const added = await repo('milestone', mentor).create(journalId, { title: 'Brought by the last import' });
    const last = await exportPairFile(journalId, { db: mentor, appVersion: 'test' });
    await applyImportFile(await previewImport(last.bytes, { db: mentee }), { db: mentee });
    const bytes = await mentorChanges(mentor, journalId, milestones);
    const preview = await previewImport(bytes, { db: mentee });
    // The file has that milestone as the mentee has it: left out of what it carries.
    expect(preview.file.records.some((r) => r.id === added.id)).toBe(false);
    await undoLastImport(mentee);
    expect((await records(mentee, journalId)).some((r) => r.id === added.id)).toBe(false);
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.replanned).toBe(true);
    expect((await records(mentee, journalId)).find((r) => r.id === added.id)).toMatchObject({
      title: 'Brought by the last import',
    });
    const shared = (await records(mentor, journalId)).filter((r) => r.visibility !== 'private');
    expect((await records(mentee, journalId)).map((r) => r.id)).toEqual(shared.map((r) => r.id));
  });

  it('undo after such an import puts back exactly what it changed', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    const before = await records(mentee, journalId);
    const bytes = await mentorChanges(mentor, journalId, milestones);
    await applyImportFile(await previewImport(bytes, { db: mentee }), { db: mentee });
    await undoLastImport(mentee);
    expect(await records(mentee, journalId)).toEqual(before);
    expect(await staleRevs(mentee)).toEqual([]);
  });

  it('a change on the device while the file is opened: the left-out file is refused for a reread, a whole one reads afresh', async () => {
    const { mentee, journalId, milestones } = await pair();
    const sketch = await readImportSketch(mentee);
    expect(sketch.revs.size).toBeGreaterThan(20);
    wall += 60_000;
    await repo('milestone', mentee).update(milestones[2]!.id, { status: 'done' });
    const file = { journalIds: [journalId], recordIds: [], withdrawnIds: [] };
    expect(await readForPreview(mentee, sketch, { ...file, leftOutSame: true })).toBeUndefined();
    const afresh = await readForPreview(mentee, sketch, { ...file, leftOutSame: false });
    expect(afresh?.local.find((r) => r.id === milestones[2]!.id)).toMatchObject({ status: 'done' });
  });

  it('the device read ahead while a file is picked is read again if the device changed meanwhile', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    const bytes = await mentorChanges(mentor, journalId, milestones);
    prepareImport(mentee);
    wall += 60_000;
    await repo('milestone', mentee).update(milestones[5]!.id, { title: 'Step 5, edited while picking' });
    const preview = await previewImport(bytes, { db: mentee });
    endImport();
    // Not opened whole, and the record edited meanwhile is carried: the file's copy is no longer this device's.
    expect(leavesOutSame(preview.file)).toBe(true);
    expect(preview.file.records.some((r) => r.id === milestones[5]!.id)).toBe(true);
    await applyImportFile(preview, { db: mentee });
    expect((await records(mentee, journalId)).find((r) => r.id === milestones[5]!.id)).toMatchObject({
      title: 'Step 5, edited while picking',
    });
  });

  it('a crafted file that reuses a record’s stamps with other words changes nothing', async () => {
    const { mentor, mentee, journalId, milestones } = await pair();
    const target = milestones[3]!;
    const { text } = await exportPairFile(journalId, { db: mentor, appVersion: 'test' });
    const file = JSON.parse(text) as { payload: { records: Record<string, unknown>[] }; sha256: string };
    for (const record of file.payload.records) if (record.id === target.id) record.title = 'Taken over';
    file.sha256 = await payloadChecksum(file.payload);
    const preview = await previewImport(JSON.stringify(file), { db: mentee });
    expect(preview.plan.puts).toEqual([]);
    await applyImportFile(preview, { db: mentee });
    expect((await records(mentee, journalId)).find((r) => r.id === target.id)).toMatchObject({
      title: 'Step 3',
    });
  });
});
