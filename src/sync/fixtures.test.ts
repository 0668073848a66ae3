import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { listConflicts } from '../db/importTransaction';
import { repo } from '../db/index';
import type { AnyRecord } from '../model/kinds';
import { buildFile, type PlainFile } from './envelope';
import { applyImportFile, previewImport } from './importFile';
import { JOURNAL_ID, makeJournal, makeRecord, NODE_A, NODE_B, stampAt } from './testing';

/**
 * One fixture per released format version, re-imported by these tests forever: a file written by
 * version 1 must open in every later version. Regenerate only when adding a NEW version's
 * fixture (UPDATE_FIXTURES=1 writes missing files; it never overwrites a released one).
 */
const PAIR_V1 = 'tests/fixtures/pair-v1.json';
const BACKUP_V1 = 'tests/fixtures/backup-v1.json';
const MEETING = '22222222-2222-4222-8222-222222222222';

function fixtureRecords(): AnyRecord[] {
  const b = (minute: number) => stampAt(minute, NODE_B);
  return [
    makeJournal(),
    makeRecord('goal', 'goal-1', {
      title: 'Lead a team project',
      status: 'active',
      description: 'Plan & <b>run</b> it',
    }),
    makeRecord(
      'milestone',
      'milestone-1',
      { title: 'Draft the plan', goalId: 'goal-1', dueDate: '2027-02-28', status: 'planned' },
      { stamp: b(5) },
    ),
    makeRecord('meeting', MEETING, {
      date: '2026-12-01',
      time: '10:30',
      sharedNotes: 'We agreed on the plan.',
    }),
    makeRecord(
      'actionItem',
      'action-1',
      { meetingId: MEETING, text: 'Book a room', owner: 'mentor', done: false },
      { stamp: b(6), author: 'mentor' },
    ),
    makeRecord('story', 'story-1', {}, { deleted: true, stamp: stampAt(9, NODE_A) }),
  ];
}

async function writeFixtures() {
  const records = fixtureRecords();
  const pair = await buildFile({
    kind: 'pair',
    appVersion: '0.1.0',
    exportedAt: '2026-11-22T12:00:00.000Z',
    journalIds: [JOURNAL_ID],
    payload: { records, withdrawn: [{ id: 'withdrawn-1', kind: 'note', at: stampAt(8) }] },
  });
  const privateNote = makeRecord(
    'note',
    'note-1',
    { text: 'Only for me', parentKind: 'meeting', parentId: MEETING },
    { visibility: 'private' },
  );
  const backup = await buildFile({
    kind: 'backup',
    appVersion: '0.1.0',
    exportedAt: '2026-11-22T12:00:00.000Z',
    journalIds: [JOURNAL_ID],
    payload: { records: [...records, privateNote], memberships: [{ journalId: JOURNAL_ID, role: 'mentee' }] },
  });
  for (const [path, file] of [
    [PAIR_V1, pair],
    [BACKUP_V1, backup],
  ] as const) {
    if (!existsSync(path)) writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  }
}

const dbs: MentoringDb[] = [];
function freshDb() {
  const db = new MentoringDb(`test-${crypto.randomUUID()}`);
  db.wallClock = () => Date.UTC(2026, 11, 1);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('released file formats still open', () => {
  if (process.env.UPDATE_FIXTURES) it('writes missing fixtures', writeFixtures);

  it('a version-1 pair file joins a new device with every record', async () => {
    const db = freshDb();
    const text = readFileSync(PAIR_V1, 'utf8');
    const file = JSON.parse(text) as PlainFile;
    expect(file.formatVersion).toBe(1);
    const preview = await previewImport(text, { db });
    expect(preview.file.dropped).toEqual([]);
    expect(preview.plan.total.added).toBe(6);
    await applyImportFile(preview, { db, role: 'mentor' });
    expect(await repo('goal', db).get('goal-1')).toMatchObject({ description: 'Plan & <b>run</b> it' });
    expect(
      await repo('actionItem', db).list(JOURNAL_ID, { index: 'meetingId', equals: MEETING }),
    ).toHaveLength(1);
    expect(await repo('story', db).get('story-1')).toMatchObject({ deleted: true });
    expect(await new DeviceRepository(db).membership(JOURNAL_ID)).toMatchObject({ role: 'mentor' });
    expect(await listConflicts(db, JOURNAL_ID)).toEqual([]);
  });

  it('a version-1 backup restores private notes and my role', async () => {
    const db = freshDb();
    const preview = await previewImport(readFileSync(BACKUP_V1, 'utf8'), { db });
    await applyImportFile(preview, { db });
    expect(await repo('note', db).get('note-1')).toMatchObject({
      text: 'Only for me',
      visibility: 'private',
    });
    expect(await new DeviceRepository(db).membership(JOURNAL_ID)).toMatchObject({ role: 'mentee' });
  });
});
