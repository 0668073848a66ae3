import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { repo } from '../db/index';
import { mergeRecords } from './merge';

let db: MentoringDb;
const JOURNAL = 'journal-1';

beforeEach(async () => {
  db = new MentoringDb(`test-${crypto.randomUUID()}`);
  await new DeviceRepository(db).setMembership(JOURNAL, { role: 'mentee' });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('an agenda point removed and brought back with Undo', () => {
  it('stays back when merged with a partner’s copy that only saw the delete, on either side', async () => {
    const agenda = repo('agendaItem', db);
    const item = await agenda.create(JOURNAL, { meetingId: 'm-1', text: 'Budget', order: 1 });
    await agenda.remove(item.id);
    const tombstone = (await agenda.get(item.id))!;
    const restored = await agenda.restore(item.id, item);
    for (const [local, remote] of [
      [tombstone, restored],
      [restored, tombstone],
    ] as const) {
      const { record } = mergeRecords(local, remote);
      expect(record).toMatchObject({ id: item.id, deleted: false, text: 'Budget', order: 1 });
    }
  });
});
