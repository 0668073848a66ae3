// Sync through a shareable file, in the built app: two people on two separate Chromium profiles
// (mentor and mentee) join, edit offline, exchange pair files both ways, resolve a conflict and
// undo an import; the share-sheet path with a stubbed Web Share API; every kind of bad file
// through the whole import; and the time to import 10,000 records next to a raw Dexie bulkPut.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFile, encryptFile, payloadChecksum } from '../../src/sync/envelope';
import {
  launchBrowser,
  newContext,
  openPage,
  ROOT,
  serveDuringFile,
  submitFirstRun,
  waitForAppShell,
  waitForServiceWorker,
} from './harness';

const server = serveDuringFile('dist');
let mentorContext: BrowserContext;
let menteeContext: BrowserContext;
let mentor: Page;
let mentee: Page;
let journalId = '';

beforeAll(async () => {
  [mentorContext, menteeContext] = await Promise.all([newContext(), newContext()]);
});

const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

type Row = Record<string, unknown> & { id?: string; key?: string };
type Dump = Record<string, Row[]>;

/** Every table of the app's database, rows sorted by key. */
function dumpAll(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('mentoring-journal');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const out: Record<string, unknown[]> = {};
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((ok) => {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              out[name] = r.result;
              ok();
            };
          }),
      ),
    );
    db.close();
    return out as Record<string, Row[]>;
  });
}

const DEVICE_TABLES = new Set(['local', 'conflicts', 'snapshots']);

/** The journal's records as the partner may see them: device-only tables and private records left out. */
function sharedRecords(dump: Dump): Dump {
  const out: Dump = {};
  for (const [name, rows] of Object.entries(dump)) {
    if (DEVICE_TABLES.has(name)) continue;
    out[name] = rows
      .filter((r) => r.visibility !== 'private')
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

/**
 * Writes a record the way the app's repository does: the device's clock issues a stamp; only the
 * fields given get it; each edited field's base is the stamp it replaced. (The other screens are
 * tested by their own suites; this file is about sync.)
 */
function write(
  page: Page,
  op: { table: string; id: string; create?: Row; patch?: Row; role?: string; journalId?: string },
): Promise<void> {
  return page.evaluate(async (op) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('mentoring-journal');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction([op.table, 'local'], 'readwrite');
    const get = <T>(store: string, key: string) =>
      new Promise<T | undefined>((ok) => {
        const r = tx.objectStore(store).get(key);
        r.onsuccess = () => ok(r.result as T | undefined);
      });
    const node = (await get<{ value: string }>('local', 'nodeId'))!.value;
    const clock = (await get<{ value: { millis: number; counter: number } }>('local', 'clock'))?.value ?? {
      millis: 0,
      counter: 0,
    };
    const millis = Math.max(clock.millis, Date.now());
    const counter = millis === clock.millis ? clock.counter + 1 : 0;
    const stamp = `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
    tx.objectStore('local').put({ key: 'clock', value: { millis, counter, node } });
    let record: Record<string, unknown>;
    if (op.create) {
      const stamps: Record<string, string> = { visibility: stamp, deleted: stamp };
      for (const f of Object.keys(op.create)) if (f !== 'visibility' && f !== 'kind') stamps[f] = stamp;
      record = {
        visibility: 'pair',
        ...op.create,
        id: op.id,
        journalId: op.journalId,
        createdAt: new Date(millis).toISOString(),
        author: op.role,
        deleted: false,
        stamps,
        bases: {},
      };
    } else {
      const current = (await get<Record<string, unknown>>(op.table, op.id))!;
      const stamps = { ...(current.stamps as Record<string, string>) };
      const bases = { ...(current.bases as Record<string, string>) };
      record = { ...current, stamps, bases };
      for (const [f, v] of Object.entries(op.patch ?? {})) {
        record[f] = v;
        if (stamps[f]) bases[f] = stamps[f];
        stamps[f] = stamp;
      }
    }
    tx.objectStore(op.table).put(record);
    await new Promise((ok) => {
      tx.oncomplete = ok;
    });
    db.close();
  }, op);
}

async function openShare(page: Page) {
  await page.goto(url('/share'));
  await page.getByRole('heading', { level: 1, name: 'Share and back up' }).waitFor();
}

/** "Send to my partner" on the download path; returns the file's name and text. */
async function sendPairFile(page: Page): Promise<{ name: string; text: string }> {
  await openShare(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Send to my partner' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/** Chooses a file on the Share screen and waits for the preview (or an error). */
async function chooseFile(
  page: Page,
  name: string,
  content: string | Buffer,
  label = 'Choose a file to import',
) {
  await page.getByLabel(label).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
}

async function importOnShare(page: Page, file: { name: string; text: string }) {
  await openShare(page);
  await chooseFile(page, file.name, file.text);
  await page.getByRole('heading', { name: 'Before importing: what this file holds' }).waitFor();
  const preview = await page.locator('.import-preview').textContent();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.import-done').waitFor();
  return { preview, done: await page.locator('.import-done').textContent() };
}

function rowsOf(dump: Dump, table: string, where: (r: Row) => boolean = () => true) {
  return (dump[table] ?? []).filter(where);
}

describe('two people sync through files', () => {
  let milestoneId = '';
  let meetingId = '';
  let goalId = '';

  test('the mentor starts a journal and sends the pair file; the mentee joins from it', async () => {
    mentor = await openPage(mentorContext, server.url);
    await waitForAppShell(mentor);
    await submitFirstRun(mentor, { role: 'mentor', mentee: 'Ana <b>Kowalska</b>', mentor: 'Sam Reid' });
    await mentor.getByRole('navigation', { name: 'Main' }).waitFor();
    const dump = await dumpAll(mentor);
    journalId = String(dump.journals![0]!.id);
    milestoneId = crypto.randomUUID();
    meetingId = crypto.randomUUID();
    goalId = crypto.randomUUID();
    const base = { journalId, role: 'mentor' };
    await write(mentor, {
      ...base,
      table: 'milestones',
      id: milestoneId,
      create: { kind: 'milestone', title: 'Present a poster', status: 'planned' },
    });
    await write(mentor, {
      ...base,
      table: 'meetings',
      id: meetingId,
      create: { kind: 'meeting', date: '2026-12-01', sharedNotes: 'First ideas' },
    });
    await write(mentor, {
      ...base,
      table: 'goals',
      id: goalId,
      create: { kind: 'goal', title: 'Lead a project' },
    });
    await write(mentor, {
      ...base,
      table: 'notes',
      id: crypto.randomUUID(),
      create: {
        kind: 'note',
        visibility: 'private',
        text: 'Mentor’s private worry',
        parentKind: 'meeting',
        parentId: meetingId,
      },
    });

    const file = await sendPairFile(mentor);
    expect(file.name).toMatch(/^mentoring-journal-ana-b-kowalska-b-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.text).not.toContain('Mentor’s private worry');
    const membership = rowsOf(await dumpAll(mentor), 'local', (r) => r.key === `membership:${journalId}`)[0];
    expect((membership!.value as { lastExportAt?: string }).lastExportAt).toBeDefined();

    mentee = await openPage(menteeContext, server.url);
    await waitForAppShell(mentee);
    await mentee.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await chooseFile(mentee, file.name, file.text, 'Choose my partner’s file');
    await mentee.getByRole('heading', { name: 'Before importing: what this file holds' }).waitFor();
    await mentee.getByLabel('In this journal I am the').selectOption('mentee');
    await mentee.getByRole('button', { name: 'Join this journal' }).click();
    await mentee.getByRole('navigation', { name: 'Main' }).waitFor();
    // The names are shown as text, tags and all.
    expect(await mentee.content()).toContain('Ana &lt;b&gt;Kowalska&lt;/b&gt;');

    const joined = await dumpAll(mentee);
    expect(sharedRecords(joined)).toEqual(sharedRecords(await dumpAll(mentor)));
    expect(rowsOf(joined, 'notes')).toEqual([]);
    expect(rowsOf(joined, 'local', (r) => r.key === `membership:${journalId}`)[0]!.value).toMatchObject({
      role: 'mentee',
    });
  });

  test('offline edits on both sides, exchanged both ways, end in the same journal with nothing lost or doubled', async () => {
    await Promise.all([waitForServiceWorker(mentor), waitForServiceWorker(mentee)]);
    // Both screens' code is loaded while online; the rest of the test runs offline.
    await Promise.all([openShare(mentor), openShare(mentee)]);
    await Promise.all([mentorContext.setOffline(true), menteeContext.setOffline(true)]);

    const asMentee = { journalId, role: 'mentee' };
    const asMentor = { journalId, role: 'mentor' };
    await write(mentee, {
      table: 'milestones',
      id: milestoneId,
      patch: { title: 'Present a poster at the spring conference' },
    });
    await write(mentor, { table: 'milestones', id: milestoneId, patch: { status: 'in-progress' } });
    await write(mentee, {
      ...asMentee,
      table: 'actionItems',
      id: crypto.randomUUID(),
      create: { kind: 'actionItem', meetingId, text: 'Draft the abstract' },
    });
    await write(mentor, {
      ...asMentor,
      table: 'actionItems',
      id: crypto.randomUUID(),
      create: { kind: 'actionItem', meetingId, text: 'Send last year’s poster' },
    });
    await write(mentee, {
      table: 'meetings',
      id: meetingId,
      patch: { sharedNotes: 'Mentee: <img src=x onerror="window.__xss=1">posters' },
    });
    await mentee.waitForTimeout(5);
    await write(mentor, { table: 'meetings', id: meetingId, patch: { sharedNotes: 'Mentor: conferences' } });
    await write(mentee, {
      ...asMentee,
      table: 'notes',
      id: crypto.randomUUID(),
      create: {
        kind: 'note',
        visibility: 'private',
        text: 'Mentee’s private note',
        parentKind: 'meeting',
        parentId: meetingId,
      },
    });
    // The mentor takes back the goal: it was shared, now it is private.
    await write(mentor, { table: 'goals', id: goalId, patch: { visibility: 'private' } });

    const fromMentee = await sendPairFile(mentee);
    expect(fromMentee.text).not.toContain('Mentee’s private note');
    const onMentor = await importOnShare(mentor, fromMentee);
    expect(onMentor.done).toMatch(/changed by both of you/);

    const fromMentor = await sendPairFile(mentor);
    const beforeSecondImport = await dumpAll(mentee);
    const onMentee = await importOnShare(mentee, fromMentor);
    expect(onMentee.preview).toMatch(/1 withdrawn/);

    const [a, b] = [await dumpAll(mentor), await dumpAll(mentee)];
    expect(sharedRecords(b)).toEqual(sharedRecords(a));
    const milestone = rowsOf(b, 'milestones')[0]!;
    expect(milestone).toMatchObject({
      title: 'Present a poster at the spring conference',
      status: 'in-progress',
    });
    const actions = rowsOf(b, 'actionItems')
      .map((r) => r.text)
      .sort();
    expect(actions).toEqual(['Draft the abstract', 'Send last year’s poster']);
    expect(rowsOf(a, 'notes').map((n) => n.text)).toEqual(['Mentor’s private worry']);
    expect(rowsOf(b, 'notes').map((n) => n.text)).toEqual(['Mentee’s private note']);
    expect(rowsOf(b, 'goals')).toEqual([]);
    expect(rowsOf(a, 'goals')[0]).toMatchObject({ visibility: 'private', title: 'Lead a project' });

    // The conflicting notes are offered for a choice on both sides; the HTML in them is only text.
    for (const page of [mentor, mentee]) {
      await page.getByRole('heading', { name: 'Changed by both of you' }).waitFor();
      await expect(
        page.getByText('Mentee: <img src=x onerror="window.__xss=1">posters').count(),
      ).resolves.toBe(1);
      await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    }
    await mentor.getByRole('button', { name: 'Keep both' }).click();
    await mentor.getByRole('heading', { name: 'Changed by both of you' }).waitFor({ state: 'detached' });
    const notes = rowsOf(await dumpAll(mentor), 'meetings')[0]!.sharedNotes as string;
    expect(notes).toContain('Mentor: conferences');
    expect(notes).toContain('posters');

    // Undo on the mentee's side puts the journal back exactly as it was before the second import.
    await mentee.getByRole('button', { name: 'Undo last import' }).click();
    await mentee.getByRole('button', { name: 'Yes, undo the import' }).click();
    await mentee.getByRole('heading', { name: 'Undo last import' }).waitFor({ state: 'detached' });
    const undone = await dumpAll(mentee);
    for (const table of Object.keys(undone)) {
      if (table === 'local' || table === 'snapshots') continue;
      expect(undone[table], table).toEqual(beforeSecondImport[table]);
    }
    await Promise.all([mentorContext.setOffline(false), menteeContext.setOffline(false)]);
  });
});

describe('the share sheet', () => {
  test('on a device that can share files, "Send to my partner" opens the share sheet with the pair file', async () => {
    const browser = await launchBrowser();
    const context = await newContext(browser);
    await context.addInitScript(() => {
      const shared: { name: string; text: Promise<string> }[] = [];
      (window as unknown as { __shared: typeof shared }).__shared = shared;
      Object.defineProperty(navigator, 'canShare', {
        value: (data: { files?: File[] }) => Boolean(data.files?.length),
      });
      Object.defineProperty(navigator, 'share', {
        value: async (data: { files: File[] }) => {
          for (const file of data.files) shared.push({ name: file.name, text: file.text() });
        },
      });
    });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await submitFirstRun(page, { role: 'mentee', mentee: 'Zoë Ng', mentor: 'Li Wei' });
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await openShare(page);
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.getByRole('button', { name: 'Send to my partner' }).click();
    await page.getByText(/^Shared mentoring-journal-zoe-ng-/).waitFor();
    const shared = await page.evaluate(async () => {
      const list = (window as unknown as { __shared: { name: string; text: Promise<string> }[] }).__shared;
      return Promise.all(list.map(async (f) => ({ name: f.name, text: await f.text })));
    });
    expect(shared).toHaveLength(1);
    expect(shared[0]!.name).toMatch(/^mentoring-journal-zoe-ng-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(shared[0]!.text)).toMatchObject({ format: 'mentoring-journal', kind: 'pair' });
    expect(downloaded).toBe(false);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// Bad input, through the whole import

const JID = '99999999-9999-4999-8999-999999999999';
const STAMP = '2026-11-22T09:00:00.000Z-0000-aaaaaaaaaaaaaaaa';

function record(kind: string, id: unknown, content: Record<string, unknown> = {}, journal = JID) {
  const stamps: Record<string, string> = { visibility: STAMP, deleted: STAMP };
  for (const f of Object.keys(content)) stamps[f] = STAMP;
  return {
    ...content,
    id,
    journalId: kind === 'journal' ? id : journal,
    kind,
    createdAt: '2026-11-22T09:00:00.000Z',
    author: 'mentor',
    visibility: 'pair',
    deleted: false,
    stamps,
    bases: {},
  };
}

async function pairFile(records: unknown[], journal = JID) {
  return buildFile({
    kind: 'pair',
    appVersion: 'e2e',
    exportedAt: '2026-11-22T10:00:00.000Z',
    journalIds: [journal],
    payload: { records: records as never, withdrawn: [] },
  });
}

const journalRecord = () => record('journal', JID, { menteeName: 'Bad Input', mentorName: 'Tester' });

async function resealed(file: Record<string, unknown>): Promise<string> {
  const copy = JSON.parse(JSON.stringify(file));
  copy.sha256 = await payloadChecksum(copy.payload);
  return JSON.stringify(copy);
}

describe('bad files through the whole import', () => {
  let page: Page;
  const tmpFiles: string[] = [];

  beforeAll(async () => {
    page = mentor;
    await openShare(page);
  });

  afterAll(() => {
    for (const f of tmpFiles) rmSync(f, { force: true });
  });

  async function expectRefused(name: string, content: string | Buffer | { path: string }, message: RegExp) {
    await openShare(page);
    const before = await dumpAll(page);
    if (typeof content === 'object' && 'path' in content) {
      await page.getByLabel('Choose a file to import').setInputFiles(content.path);
    } else {
      await chooseFile(page, name, content);
    }
    const error = page.locator('.import-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(message);
    await expect(page.locator('.import-preview').count()).resolves.toBe(0);
    expect(await dumpAll(page)).toEqual(before);
  }

  test('each file-level fault shows a clear message and leaves every table as it was', async () => {
    const good = JSON.stringify(await pairFile([journalRecord(), record('goal', 'g1', { title: 'Fine' })]));
    const goodObject = JSON.parse(good);
    const proto = (key: string) =>
      good
        .replace('{', `{"${key}":{"x":1},`)
        .replace('"title":', `"${key}":{"polluted":true},"title":`)
        .replace('"stamps":{', `"stamps":{"${key}":"x",`);
    const hundredThousand = JSON.stringify(
      await pairFile(Array.from({ length: 100_000 }, (_, i) => ({ id: `r${i}`, kind: 'goal' }))),
    );
    const big = join(tmpdir(), `mj-big-${process.pid}.json`);
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 10, 0x20));
    tmpFiles.push(big);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]);
    const png = readFileSync(join(ROOT, 'public', 'icons', 'icon-192.png'));

    const cases: [string, string | Buffer | { path: string }, RegExp][] = [
      ['notes.json', 'Dear Sam, here are my notes.', /not a Mentoring Journal file/],
      ['cut.json', good.slice(0, good.length / 2), /ends too early/],
      ['empty.json', '', /empty/],
      ['report.json', pdf, /PDF/],
      ['photo.json', png, /image/],
      ['other.json', '{"name":"a list","items":[1,2]}', /not a Mentoring Journal file/],
      ['edited.json', good.replace('"Fine"', '"Edited by hand"'), /changed or damaged/],
      [
        'future.json',
        await resealed({ ...goodObject, formatVersion: 2 }),
        /newer version of Mentoring Journal — update the app/,
      ],
      ['kind.json', await resealed({ ...goodObject, kind: 'summary' }), /does not know/],
      ['huge.json', { path: big }, /50 MB/],
      ['many.json', hundredThousand, /100,000 records/],
      [
        'twice.json',
        JSON.stringify(await pairFile([journalRecord(), record('goal', 'g1'), record('goal', 'g1')])),
        /same record twice/,
      ],
      ['proto.json', proto('__proto__'), /__proto__/],
      ['ctor.json', proto('constructor'), /constructor/],
      ['prototype.json', proto('prototype'), /prototype/],
    ];
    for (const [name, content, message] of cases) await expectRefused(name, content, message);
    await expect(
      page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted),
    ).resolves.toBeUndefined();
  }, 240_000);

  test('a file dropped on the Share screen goes through the same checks', async () => {
    await openShare(page);
    const before = await dumpAll(page);
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"format":"mentoring-journal","formatVersion":99}'], 'dropped.json'));
      return transfer;
    });
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await page.locator('.import-error').waitFor();
    expect(await page.locator('.import-error').textContent()).toMatch(/newer version of Mentoring Journal/);
    expect(await dumpAll(page)).toEqual(before);
  });

  test('a wrong passphrase or tampered ciphertext is refused and nothing is written; the right one opens the file', async () => {
    const file = await pairFile([journalRecord()]);
    const locked = await encryptFile(file, 'the right passphrase');
    const sealed = JSON.stringify(locked);
    const tamperedBytes = Buffer.from(locked.ciphertext, 'base64');
    tamperedBytes[20]! ^= 0xff;
    const tampered = JSON.stringify({ ...locked, ciphertext: tamperedBytes.toString('base64') });
    await openShare(page);
    const before = await dumpAll(page);
    await chooseFile(page, 'tampered.json', tampered);
    await page.getByLabel('Passphrase', { exact: true }).fill('the right passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#import-passphrase-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('#import-passphrase-error').textContent()).toMatch(
      /^Cannot decrypt: wrong passphrase or damaged file\./,
    );
    expect(await dumpAll(page)).toEqual(before);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await chooseFile(page, 'locked.json', sealed);
    await page.getByLabel('Passphrase', { exact: true }).fill('a wrong one');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#import-passphrase-error').waitFor({ timeout: 30_000 });
    expect(await dumpAll(page)).toEqual(before);
    await page.getByLabel('Passphrase', { exact: true }).fill('the right passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('heading', { name: 'Before importing: what this file holds' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await dumpAll(page)).toEqual(before);
  }, 90_000);

  test('record-level faults drop only the faulty records and list them; text with HTML is shown as text', async () => {
    const xss = '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">';
    const file = await pairFile([
      journalRecord(),
      record('goal', 'good-goal', { title: xss }),
      record('milestone', 'bad-date', { title: 'Bad', dueDate: '2026-02-30' }),
      record('goal', 42, { title: 'Numeric id' }),
      record('note', 'huge-text', { text: 'x'.repeat(5 * 1024 * 1024) }),
    ]);
    await openShare(page);
    const before = await dumpAll(page);
    await chooseFile(page, 'mixed.json', JSON.stringify(file));
    await page
      .getByRole('heading', { name: 'Before importing: what this file holds' })
      .waitFor({ timeout: 30_000 });
    const dropped = await page.locator('.dropped').textContent();
    expect(dropped).toMatch(/3 records were left out/);
    expect(dropped).toMatch(/bad-date.*“dueDate” is not a valid date/);
    expect(dropped).toMatch(/id is not valid text \(42\)/);
    expect(dropped).toMatch(/huge-text.*over 1 MB/);
    expect(await dumpAll(page)).toEqual(before);
    await page.getByLabel('In this journal I am the').selectOption('mentor');
    await page.getByRole('button', { name: 'Add as a new journal on this device' }).click();
    await page.locator('.import-done').waitFor();
    const after = await dumpAll(page);
    expect(rowsOf(after, 'goals', (r) => r.journalId === JID).map((r) => r.id)).toEqual(['good-goal']);
    expect(rowsOf(after, 'milestones', (r) => r.journalId === JID)).toEqual([]);
    expect(rowsOf(after, 'notes', (r) => r.journalId === JID)).toEqual([]);
    // The new journal is now open; its goal's title shows as text wherever it appears.
    await page.goto(url('/goals'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(page.locator('script:not([src])').count()).resolves.toBe(0);
  }, 90_000);
});

describe('import speed', () => {
  test('importing a 10,000-record pair file, next to a raw Dexie bulkPut of the same records', async () => {
    const browser = await launchBrowser();
    const page = await openPage(await newContext(browser), server.url);
    await waitForAppShell(page);
    const jid = '88888888-8888-4888-8888-888888888888';
    const records = [
      record('journal', jid, { menteeName: 'Speed', mentorName: 'Test' }, jid),
      ...Array.from({ length: 9_999 }, (_, i) =>
        record(
          'milestone',
          `m-${String(i).padStart(5, '0')}`,
          { title: `Milestone ${i}`, status: 'planned', dueDate: '2027-01-15' },
          jid,
        ),
      ),
    ];
    const text = JSON.stringify(await pairFile(records, jid));
    // A fresh device joins from the 10,000-record file: the import flow is loaded first, then timed.
    await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
    const t0 = Date.now();
    await chooseFile(page, 'speed.json', text, 'Choose my partner’s file');
    await page
      .getByRole('heading', { name: 'Before importing: what this file holds' })
      .waitFor({ timeout: 60_000 });
    const t1 = Date.now();
    await page.getByLabel('In this journal I am the').selectOption('mentee');
    await page.getByRole('button', { name: 'Join this journal' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
    const t2 = Date.now();
    const steps = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('mj:'))
          .map((m) => [m.name, Math.round(m.duration)]),
      ),
    );
    const count = rowsOf(await dumpAll(page), 'milestones', (r) => r.journalId === jid).length;
    expect(count).toBe(9_999);

    const dexieSource = readFileSync(join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js'), 'utf8');
    await page.evaluate(dexieSource);
    const bulkPutMs = await page.evaluate(async (rows) => {
      const DexieCtor = (
        window as unknown as {
          Dexie: new (
            name: string,
          ) => {
            version: (n: number) => { stores: (s: Record<string, string>) => void };
            table: (n: string) => { bulkPut: (r: unknown[]) => Promise<unknown> };
            delete: () => Promise<void>;
          };
        }
      ).Dexie;
      const db = new DexieCtor('bulkput-benchmark');
      db.version(1).stores({
        journals: 'id, journalId',
        milestones: 'id, journalId, goalId, [journalId+dueDate]',
      });
      const start = performance.now();
      await db.table('journals').bulkPut(rows.slice(0, 1));
      await db.table('milestones').bulkPut(rows.slice(1));
      const ms = performance.now() - start;
      await db.delete();
      return ms;
    }, records);
    const report = {
      records: records.length,
      fileMB: Math.round((text.length / 1024 / 1024) * 10) / 10,
      openAndPreviewMs: t1 - t0,
      applyMs: t2 - t1,
      wholeImportMs: t2 - t0,
      rawDexieBulkPutMs: Math.round(bulkPutMs),
      steps,
    };
    console.log('IMPORT TIMING', JSON.stringify(report));
    writeFileSync(join(ROOT, '.tmp', 'sync-import-timing.json'), JSON.stringify(report, null, 2));
  }, 180_000);
});
