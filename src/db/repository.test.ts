import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseStamp } from '../model/hlc';
import { MentoringDb } from './database';
import { DeviceRepository } from './device';
import { repo } from './index';

let db: MentoringDb;
const JOURNAL = 'journal-1';
let wall = Date.UTC(2026, 10, 22, 9, 0, 0);

beforeEach(async () => {
  db = new MentoringDb(`test-${crypto.randomUUID()}`);
  db.wallClock = () => wall;
  await new DeviceRepository(db).setMembership(JOURNAL, { role: 'mentee' });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function tableDump() {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(tables);
}

describe('repository', () => {
  it('creates a draft with only the envelope, authored by my role in the journal', async () => {
    const story = await repo('story', db).create(JOURNAL);
    expect(story).toMatchObject({
      kind: 'story',
      journalId: JOURNAL,
      author: 'mentee',
      visibility: 'pair',
      deleted: false,
    });
    expect(await repo('story', db).get(story.id)).toEqual(story);
  });

  it('starts personal records (notes, reflections, contacts) as private', async () => {
    const note = await repo('note', db).create(JOURNAL, { text: 'Only for me' });
    expect(note.visibility).toBe('private');
  });

  it('an update stamps only the fields it changes', async () => {
    const goals = repo('goal', db);
    const goal = await goals.create(JOURNAL, { title: 'Lead a project', status: 'active' });
    wall += 1000;
    const updated = await goals.update(goal.id, { status: 'achieved', title: 'Lead a project' });
    expect(updated.status).toBe('achieved');
    expect(updated.stamps.title).toBe(goal.stamps.title);
    expect(updated.stamps.status! > goal.stamps.status!).toBe(true);
    expect(updated.bases.status).toBe(goal.stamps.status);
    expect(updated.bases.title).toBeUndefined();
    expect(parseStamp(updated.stamps.status!).millis).toBe(wall);
  });

  it('an update that changes nothing writes nothing', async () => {
    const goals = repo('goal', db);
    const goal = await goals.create(JOURNAL, { title: 'Same' });
    expect(await goals.update(goal.id, { title: 'Same' })).toEqual(goal);
  });

  it('clearing a field removes it and stamps the clearing', async () => {
    const goals = repo('goal', db);
    const goal = await goals.create(JOURNAL, { title: 'T', targetDate: '2027-01-31' });
    const updated = await goals.update(goal.id, { targetDate: undefined });
    expect('targetDate' in updated).toBe(false);
    expect(updated.stamps.targetDate! > goal.stamps.targetDate!).toBe(true);
  });

  it('a delete leaves a tombstone with its content cleared, and lists no longer show it', async () => {
    const milestones = repo('milestone', db);
    const m = await milestones.create(JOURNAL, { title: 'Present at conference', dueDate: '2027-03-01' });
    await milestones.remove(m.id);
    const tomb = await milestones.get(m.id);
    expect(tomb).toMatchObject({ id: m.id, deleted: true });
    expect(tomb?.title).toBeUndefined();
    expect(tomb?.dueDate).toBeUndefined();
    expect(tomb!.stamps.title! > m.stamps.title!).toBe(true);
    expect(await milestones.list(JOURNAL)).toEqual([]);
  });

  it('undoing a delete brings back the same record with its content, stamped after the delete', async () => {
    const agenda = repo('agendaItem', db);
    const item = await agenda.create(JOURNAL, {
      meetingId: 'meeting-1',
      text: 'Conference poster',
      raisedBy: 'mentor',
      discussed: true,
      order: 2,
    });
    await agenda.remove(item.id);
    const tomb = (await agenda.get(item.id))!;
    const back = await agenda.restore(item.id, item);
    expect(back).toMatchObject({
      id: item.id,
      deleted: false,
      text: 'Conference poster',
      raisedBy: 'mentor',
      discussed: true,
      order: 2,
    });
    expect(back.stamps.deleted! > tomb.stamps.deleted!).toBe(true);
    expect(back.stamps.text! > tomb.stamps.text!).toBe(true);
    expect(await agenda.get(item.id)).toEqual(back);
    expect((await agenda.list(JOURNAL)).map((a) => a.id)).toEqual([item.id]);
    // Restoring again changes nothing.
    expect(await agenda.restore(item.id, item)).toEqual(back);
  });

  it('refuses an invalid record with a message naming the field, and writes nothing', async () => {
    const goals = repo('goal', db);
    const goal = await goals.create(JOURNAL, { title: 'Valid' });
    const before = await tableDump();
    await expect(goals.update(goal.id, { targetDate: '31/01/2027' })).rejects.toThrow(
      /^The goal “Valid” cannot be saved: its target date must be a date/,
    );
    // @ts-expect-error a status outside the allowed values
    await expect(goals.create(JOURNAL, { status: 'finished' })).rejects.toThrow(/status.*one of: active/);
    expect(await tableDump()).toEqual(before);
  });

  it('a failed write does not move the clock', async () => {
    const goals = repo('goal', db);
    await goals.create(JOURNAL, { title: 'A' });
    const clockBefore = await db.local.get('clock');
    await expect(goals.create(JOURNAL, { targetDate: 'soon' })).rejects.toThrow();
    expect(await db.local.get('clock')).toEqual(clockBefore);
  });

  it('lists only the current journal', async () => {
    await new DeviceRepository(db).setMembership('journal-2', { role: 'mentor' });
    await repo('goal', db).create(JOURNAL, { title: 'Mine' });
    await repo('goal', db).create('journal-2', { title: 'Other pair' });
    expect((await repo('goal', db).list(JOURNAL)).map((g) => g.title)).toEqual(['Mine']);
  });

  it('a live query emits again when a record changes', async () => {
    const goals = repo('goal', db);
    const seen: string[][] = [];
    const subscription = goals.live(JOURNAL).subscribe((rows) => seen.push(rows.map((g) => g.title ?? '')));
    const goal = await goals.create(JOURNAL, { title: 'First' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['First']), { timeout: 5_000 });
    await goals.update(goal.id, { title: 'Renamed' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Renamed']), { timeout: 5_000 });
    subscription.unsubscribe();
  });

  it('two tabs writing at the same millisecond never share a stamp', async () => {
    const tab2 = new MentoringDb(db.name);
    tab2.wallClock = () => wall;
    const writes = [];
    for (let i = 0; i < 20; i++) {
      writes.push(repo('actionItem', db).create(JOURNAL, { text: `tab 1 #${i}` }));
      writes.push(repo('actionItem', tab2).create(JOURNAL, { text: `tab 2 #${i}` }));
    }
    const records = await Promise.all(writes);
    tab2.close();
    const stamps = records.map((r) => r.stamps.text);
    expect(new Set(stamps).size).toBe(40);
  });

  it('a derived id creates one record however often it is created', async () => {
    const duties = repo('duty', db);
    const first = await duties.create(JOURNAL, { text: 'Agree a meeting schedule' }, { id: 'duty-fixed' });
    const again = await duties.create(JOURNAL, { text: 'Agree a meeting schedule' }, { id: 'duty-fixed' });
    expect(again).toEqual(first);
    expect(await duties.list(JOURNAL)).toHaveLength(1);
  });
});
