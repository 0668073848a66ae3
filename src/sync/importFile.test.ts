import { describe, expect, it, vi } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import type { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import {
  BOTH_SEPARATOR,
  lastImport,
  listConflicts,
  resolveConflict,
  undoLastImport,
} from '../db/importTransaction';
import { repo } from '../db/index';
import { createJournal, deleteJournalFromDevice, switchJournal } from '../db/journals';
import { dexieReader, keepHomeNow, liveHome } from '../db/liveReadModels';
import { readKeptHome } from '../db/readModels';
import type { AnyRecord } from '../model/kinds';
import { canonicalJson } from './canonical';
import { exportBackupFile, exportPairFile, fileName } from './exportFile';
import { applyImportFile, partnerName, previewImport } from './importFile';

let wall = Date.UTC(2026, 10, 22, 9, 0, 0);
const newDevice = useDevices(() => wall);

/** Every table's rows, device-only tables left out, sorted by id. */
async function recordDump(db: MentoringDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.recordTables()) {
    out[table.name] = (await table.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  }
  return out;
}

/** Every table, device-only ones included. */
async function fullDump(db: MentoringDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function send(from: MentoringDb, to: MentoringDb, journalId: string, role?: 'mentee' | 'mentor') {
  wall += 60_000;
  // The file's bytes, as the file picker hands them over.
  const { bytes } = await exportPairFile(journalId, { db: from, appVersion: 'test' });
  const preview = await previewImport(bytes, { db: to });
  const result = await applyImportFile(preview, { db: to, role });
  return { preview, result };
}

async function startPair() {
  const mentor = newDevice();
  const mentee = newDevice();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid', startDate: '2026-11-01' },
    mentor,
  );
  const milestone = await repo('milestone', mentor).create(journal.id, {
    title: 'Present a poster',
    status: 'planned',
  });
  const meeting = await repo('meeting', mentor).create(journal.id, {
    date: '2026-12-01',
    sharedNotes: 'Agenda ideas',
  });
  await repo('note', mentor).create(journal.id, {
    text: 'My private worry',
    parentKind: 'meeting',
    parentId: meeting.id,
  });
  const joined = await send(mentor, mentee, journal.id, 'mentee');
  return { mentor, mentee, journalId: journal.id, milestone, meeting, joined };
}

/** Visits Home (its live query keeps its facts for the next start) and says whether they are kept. */
async function keepHomeOf(db: MentoringDb, journalId: string, today: string) {
  await new Promise<void>((done, fail) => {
    const subscription = liveHome(journalId, today, db).subscribe({
      next: () => {
        queueMicrotask(() => subscription.unsubscribe());
        done();
      },
      error: fail,
    });
  });
  await vi.waitFor(async () => expect(await readKeptHome(dexieReader(db), journalId, today)).toBeDefined());
}

describe('Home kept for the next start, across imports', () => {
  it('an import and its undo each make the next start read Home afresh', async () => {
    const { mentor, mentee, journalId } = await startPair();
    const today = '2026-12-02';
    await keepHomeOf(mentee, journalId, today);
    await repo('milestone', mentor).create(journalId, { title: 'Write the grant', dueDate: '2026-12-01' });
    await send(mentor, mentee, journalId);
    expect(await readKeptHome(dexieReader(mentee), journalId, today)).toBeUndefined();
    await keepHomeOf(mentee, journalId, today);
    await undoLastImport(mentee);
    expect(await readKeptHome(dexieReader(mentee), journalId, today)).toBeUndefined();
    // The Share screen keeps Home again after an import (keepHomeNow): the next start shows it at once.
    await send(mentor, mentee, journalId);
    await keepHomeNow(journalId, today, mentee);
    const kept = await readKeptHome(dexieReader(mentee), journalId, today);
    expect(kept?.overdue.first.map((m) => m.title)).toContain('Write the grant');
  });
});

describe('importing a pair file', () => {
  it('joins: the partner’s file becomes this device’s copy, with my role, and private notes stay behind', async () => {
    const { mentee, journalId, joined } = await startPair();
    expect(joined.preview.newJournalIds).toEqual([journalId]);
    expect(joined.preview.plan.total.added).toBe(1 + 10 + 2);
    expect(partnerName(joined.preview.journal, 'mentee')).toBe('Sam Reid');
    expect(await new DeviceRepository(mentee).membership(journalId)).toMatchObject({ role: 'mentee' });
    expect(await new DeviceRepository(mentee).currentJournalId()).toBe(journalId);
    expect(await repo('note', mentee).list(journalId)).toEqual([]);
    expect(await repo('milestone', mentee).list(journalId)).toHaveLength(1);
  });

  it('each person’s edits to different fields of one milestone both survive, both ways', async () => {
    const { mentor, mentee, journalId, milestone, meeting } = await startPair();
    wall += 60_000;
    await repo('milestone', mentee).update(milestone.id, {
      title: 'Present a poster at the spring conference',
    });
    await repo('milestone', mentor).update(milestone.id, { status: 'in-progress' });
    await repo('actionItem', mentee).create(journalId, { meetingId: meeting.id, text: 'Draft the abstract' });
    await repo('actionItem', mentor).create(journalId, {
      meetingId: meeting.id,
      text: 'Send last year’s poster',
    });
    await send(mentee, mentor, journalId);
    await send(mentor, mentee, journalId);
    const m = await repo('milestone', mentee).get(milestone.id);
    expect(m).toMatchObject({ title: 'Present a poster at the spring conference', status: 'in-progress' });
    expect(await recordDump(mentee)).toEqual(await shared(mentor));
    expect((await repo('actionItem', mentor).list(journalId)).map((a) => a.text).sort()).toEqual([
      'Draft the abstract',
      'Send last year’s poster',
    ]);
  });

  it('notes both changed at once are offered on both sides, and “keep both” joins them', async () => {
    const { mentor, mentee, journalId, meeting } = await startPair();
    wall += 60_000;
    await repo('meeting', mentee).update(meeting.id, { sharedNotes: 'Mentee: we talked about posters' });
    wall += 1000;
    await repo('meeting', mentor).update(meeting.id, { sharedNotes: 'Mentor: talked about conferences' });
    const { preview } = await send(mentee, mentor, journalId);
    expect(preview.plan.total.conflicting).toBe(1);
    await send(mentor, mentee, journalId);
    const [onMentor] = await listConflicts(mentor, journalId);
    const [onMentee] = await listConflicts(mentee, journalId);
    expect(onMentor).toMatchObject({ field: 'sharedNotes', local: 'Mentor: talked about conferences' });
    expect(onMentee).toMatchObject({ field: 'sharedNotes', local: 'Mentee: we talked about posters' });
    // The later edit (the mentor's) is in both copies; the mentee's text waits as a conflict.
    expect((await repo('meeting', mentee).get(meeting.id))?.sharedNotes).toBe(
      'Mentor: talked about conferences',
    );
    await resolveConflict(mentee, onMentee!.id, 'both');
    expect((await repo('meeting', mentee).get(meeting.id))?.sharedNotes).toBe(
      `Mentee: we talked about posters${BOTH_SEPARATOR}Mentor: talked about conferences`,
    );
    expect(await listConflicts(mentee, journalId)).toEqual([]);
    await resolveConflict(mentor, onMentor!.id, 'remote');
    await send(mentee, mentor, journalId);
    expect((await repo('meeting', mentor).get(meeting.id))?.sharedNotes).toContain(BOTH_SEPARATOR);
  });

  it('a record made private disappears from the partner’s copy', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { visibility: 'private' });
    const { preview } = await send(mentor, mentee, journalId);
    expect(preview.plan.total.withdrawn).toBe(1);
    expect(await repo('milestone', mentee).get(milestone.id)).toBeUndefined();
    expect(await repo('milestone', mentor).get(milestone.id)).toMatchObject({ title: 'Present a poster' });
    expect(preview.file.records.some((r) => r.id === milestone.id)).toBe(false);
  });

  it('importing my own export changes nothing', async () => {
    const { mentee, journalId } = await startPair();
    const before = await fullDump(mentee);
    const { text } = await exportPairFile(journalId, { db: mentee });
    const preview = await previewImport(text, { db: mentee });
    expect(preview.plan.puts).toEqual([]);
    expect(preview.plan.total.added + preview.plan.total.changed).toBe(0);
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.written).toBe(0);
    expect(await recordDump(mentee)).toEqual(
      Object.fromEntries(
        Object.entries(before).filter(
          ([name]) => !['local', 'conflicts', 'snapshots', 'revs'].includes(name),
        ),
      ),
    );
  });

  it('“Undo last import” puts the journal back exactly as it was', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    await repo('goal', mentor).create(journalId, { title: 'Lead a project' });
    const before = await recordDump(mentee);
    await send(mentor, mentee, journalId);
    expect(await recordDump(mentee)).not.toEqual(before);
    expect(await lastImport(mentee)).toMatchObject({ journalIds: [journalId] });
    await undoLastImport(mentee);
    expect(await recordDump(mentee)).toEqual(before);
    expect(await lastImport(mentee)).toBeUndefined();
  });

  it('undoing a join removes the journal from this device', async () => {
    const { mentee, journalId } = await startPair();
    await undoLastImport(mentee);
    expect(await new DeviceRepository(mentee).membership(journalId)).toBeUndefined();
    expect(Object.values(await recordDump(mentee)).flat()).toEqual([]);
  });

  it('an import that fails halfway leaves the journal as it was and says so', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    await repo('goal', mentor).create(journalId, { title: 'Lead a project' });
    const before = await fullDump(mentee);
    const { text } = await exportPairFile(journalId, { db: mentor });
    const preview = await previewImport(text, { db: mentee });
    vi.spyOn(mentee.table('milestones'), 'bulkPut').mockRejectedValueOnce(new Error('disk hiccup'));
    await expect(applyImportFile(preview, { db: mentee })).rejects.toThrow(
      /stopped before it finished.*nothing was changed/,
    );
    expect(await fullDump(mentee)).toEqual(before);
  });

  it('a file from a clock more than a day ahead is imported only when the person agrees, and my later edits still win', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    const realWall = wall;
    wall += 3 * 24 * 60 * 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    wall = realWall;
    const { text } = await exportPairFile(journalId, { db: mentor });
    const preview = await previewImport(text, { db: mentee });
    expect(preview.clockAheadMs).toBeGreaterThan(2 * 24 * 60 * 60_000);
    const before = await fullDump(mentee);
    await expect(applyImportFile(preview, { db: mentee })).rejects.toThrow(
      /dated 2026-11-25.*Nothing was imported/,
    );
    expect(await fullDump(mentee)).toEqual(before);
    await applyImportFile(preview, { db: mentee, acceptClockAhead: true });
    const edited = await repo('milestone', mentee).update(milestone.id, { status: 'missed' });
    expect(edited.stamps.status! > (await repo('milestone', mentor).get(milestone.id))!.stamps.status!).toBe(
      true,
    );
  });

  it('nothing changed on this device since the preview: the import writes the preview’s plan as it is', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    const { bytes } = await exportPairFile(journalId, { db: mentor });
    const preview = await previewImport(bytes, { db: mentee });
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.replanned).toBe(false);
    expect(result.plan).toBe(preview.plan);
    expect((await repo('milestone', mentee).get(milestone.id))?.status).toBe('done');
  });

  it('an edit made here while the preview was open is kept: the import plans again and merges it', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    const { bytes } = await exportPairFile(journalId, { db: mentor });
    const preview = await previewImport(bytes, { db: mentee });
    // While the preview is open (in this tab or another), the mentee renames the milestone.
    await repo('milestone', mentee).update(milestone.id, { title: 'Present a poster in March' });
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.replanned).toBe(true);
    expect(await repo('milestone', mentee).get(milestone.id)).toMatchObject({
      title: 'Present a poster in March',
      status: 'done',
    });
  });

  it('another import made while a preview was open makes that one plan again, even when the clock stayed put', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    const first = await exportPairFile(journalId, { db: mentor });
    await repo('milestone', mentor).update(milestone.id, { title: 'Present a poster at the library' });
    const second = await exportPairFile(journalId, { db: mentor });
    // The mentee's clock is past both files (an edit of hers came later).
    wall += 60_000;
    await repo('goal', mentee).create(journalId, { title: 'Ask for the summer budget' });
    const later = await previewImport(second.bytes, { db: mentee });
    const clock = await mentee.local.get('clock');
    // The older file is imported first, elsewhere; the device's clock does not move for it.
    await applyImportFile(await previewImport(first.bytes, { db: mentee }), { db: mentee });
    expect(await mentee.local.get('clock')).toEqual(clock);
    const result = await applyImportFile(later, { db: mentee });
    expect(result.replanned).toBe(true);
    expect(await repo('milestone', mentee).get(milestone.id)).toMatchObject({
      title: 'Present a poster at the library',
      status: 'done',
    });
  });

  it('a journal removed from this device while a preview was open makes the import plan again', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    const other = await createJournal({ role: 'mentee', menteeName: 'Zofia Łukasiewicz' }, mentee);
    await switchJournal(journalId, mentee);
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    const preview = await previewImport((await exportPairFile(journalId, { db: mentor })).bytes, {
      db: mentee,
    });
    await deleteJournalFromDevice(other.id, mentee);
    const result = await applyImportFile(preview, { db: mentee });
    expect(result.replanned).toBe(true);
    expect((await repo('milestone', mentee).get(milestone.id))?.status).toBe('done');
  });

  it('undo keeps only what the import changed, and leaves a journal of many untouched records byte for byte as it was', async () => {
    const { mentor, mentee, journalId, milestone } = await startPair();
    for (let i = 0; i < 150; i++) {
      await repo('goal', mentee).create(journalId, {
        title: `Goal ${i}`,
        description: `Why goal ${i} matters`,
      });
    }
    await send(mentee, mentor, journalId);
    wall += 60_000;
    await repo('milestone', mentor).update(milestone.id, { status: 'done' });
    const goals = await repo('goal', mentor).list(journalId);
    await repo('goal', mentor).update(goals[7]!.id, { status: 'achieved' });
    await repo('goal', mentor).remove(goals[8]!.id);
    await repo('goal', mentor).create(journalId, { title: 'A new goal' });
    const bytesOf = async () =>
      Object.fromEntries(
        Object.entries(await recordDump(mentee)).map(([table, rows]) => [
          table,
          rows.map((r) => JSON.stringify(r)),
        ]),
      );
    const before = await bytesOf();
    const { result } = await send(mentor, mentee, journalId);
    expect(result.written).toBe(4);
    const snapshot = (await mentee.table('snapshots').get('last')) as {
      records: AnyRecord[];
      written: unknown[];
    };
    expect(snapshot.records.map((r) => r.id).sort()).toEqual(
      [milestone.id, goals[7]!.id, goals[8]!.id].sort(),
    );
    expect(snapshot.written).toHaveLength(4);
    await undoLastImport(mentee);
    expect(await bytesOf()).toEqual(before);
  });

  it('a pair file of an ordinary journal is plain JSON text, its payload last and in canonical order', async () => {
    const { mentor, journalId } = await startPair();
    const exported = await exportPairFile(journalId, { db: mentor });
    expect(exported.compressed).toBe(false);
    const text = new TextDecoder().decode(exported.bytes);
    expect(text).toBe(exported.text);
    const file = JSON.parse(text);
    expect(Object.keys(file).at(-1)).toBe('payload');
    expect(text.endsWith(`"payload":${canonicalJson(file.payload)}}`)).toBe(true);
  });

  it('names the file after the mentee and the day', () => {
    expect(fileName('pair', '2026-11-22T10:00:00.000Z', { menteeName: 'Ana Kowalská' } as never)).toBe(
      'mentoring-journal-ana-kowalska-2026-11-22.json',
    );
  });
});

describe('a backup', () => {
  it('restores every journal with private notes and my role onto a new device, which gets its own node id', async () => {
    const { mentor, journalId } = await startPair();
    const oldNode = await new DeviceRepository(mentor).nodeId();
    const { text, file } = await exportBackupFile({ db: mentor, passphrase: 'long enough passphrase' });
    expect(file.payload.memberships).toEqual([{ journalId, role: 'mentor' }]);
    expect(text).not.toContain('My private worry');
    const fresh = newDevice();
    const freshNode = await new DeviceRepository(fresh).nodeId();
    const preview = await previewImport(text, { db: fresh, passphrase: 'long enough passphrase' });
    await applyImportFile(preview, { db: fresh });
    expect(await recordDump(fresh)).toEqual(await recordDump(mentor));
    expect(await new DeviceRepository(fresh).membership(journalId)).toMatchObject({ role: 'mentor' });
    const node = await new DeviceRepository(fresh).nodeId();
    expect(node).not.toBe(oldNode);
    expect(node).not.toBe(freshNode);
    expect((await new DeviceRepository(mentor).membership(journalId))?.lastBackupAt).toBeDefined();
  });
});

/** The mentor's tables as the partner should see them: without private records. */
async function shared(db: MentoringDb) {
  const dump = await recordDump(db);
  for (const name of Object.keys(dump)) {
    dump[name] = dump[name]!.filter((r) => (r as { visibility: string }).visibility !== 'private');
  }
  return dump;
}
