// Sync through a shareable file, in the built app: two people on two separate Chromium profiles
// (mentor and mentee) join, edit offline on the app’s own screens with its server stopped, exchange
// pair files both ways through the Share screen, resolve a conflict and
// undo an import; the share-sheet path with a stubbed Web Share API; every kind of bad file
// through the whole import; and the time to import 10,000 records next to a raw Dexie bulkPut.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFile, encryptFile, MAX_RECORDS, payloadChecksum, writeFile } from '../../src/sync/envelope';
import { MAX_FILE_BYTES } from '../../src/sync/parseJson';
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

// The build in E2E_DIST (harness DIST), or dist/.
const server = serveDuringFile();
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

const DEVICE_TABLES = new Set(['local', 'conflicts', 'snapshots', 'revs']);

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

/** Waits until a row of `table` on this device satisfies `ok` (an autosaved edit has reached IndexedDB). */
async function waitForRow(page: Page, table: string, ok: (r: Row) => boolean, what: string): Promise<Row> {
  let found: Row | undefined;
  await expect
    .poll(
      async () => {
        found = rowsOf(await dumpAll(page), table).find(ok);
        return found !== undefined;
      },
      { timeout: 10_000, message: `waiting for ${what}` },
    )
    .toBe(true);
  return found!;
}

/** A calendar date `days` from today on this machine (the browser runs in the same time zone). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function goTo(page: Page, path: string, heading: string | RegExp) {
  await page.goto(url(path));
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** On a meeting's page: adds an action item through the "New action item" form. */
async function addActionItem(page: Page, text: string) {
  await page.getByLabel('New action item').fill(text);
  await page.getByRole('button', { name: 'Add action item' }).click();
  await expect
    .poll(() =>
      page
        .locator('.item-row input[type="text"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    )
    .toContain(text);
}

async function openShare(page: Page) {
  await goTo(page, '/share', 'Share and back up');
}

/** "Send to my partner" on the download path (a real download); returns the file's name and text. */
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

/** The preview's counts as { kind label: { column: count } }, read from its per-kind lines. */
async function previewTable(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.locator('.import-preview .preview-kinds').evaluate((list) => {
    const columns: Record<string, string> = {
      added: 'New',
      changed: 'Changed',
      deleted: 'Deleted',
      withdrawn: 'Withdrawn',
      unchanged: 'Unchanged',
      conflicting: 'To resolve',
    };
    const out: Record<string, Record<string, number>> = {};
    for (const kind of list.querySelectorAll<HTMLElement>('li[data-kind]')) {
      const row: Record<string, number> = Object.fromEntries(Object.values(columns).map((c) => [c, 0]));
      for (const line of kind.querySelectorAll<HTMLElement>('li[data-change]'))
        row[columns[line.dataset.change ?? ''] ?? '?'] = Number(line.dataset.count);
      out[kind.dataset.kind ?? ''] = row;
    }
    return out;
  });
}

/** A preview row: every column 0 but those given. */
function counts(some: Record<string, number>): Record<string, number> {
  const zero = { New: 0, Changed: 0, Deleted: 0, Withdrawn: 0, Unchanged: 0, 'To resolve': 0 };
  return { ...zero, ...some };
}

async function importOnShare(page: Page, file: { name: string; text: string }) {
  await openShare(page);
  await chooseFile(page, file.name, file.text);
  await page.getByRole('heading', { name: 'Before importing: what this file holds' }).waitFor();
  const preview = await page.locator('.import-preview').textContent();
  const table = await previewTable(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.import-done').waitFor();
  return { preview, table, done: await page.locator('.import-done').textContent() };
}

function rowsOf(dump: Dump, table: string, where: (r: Row) => boolean = () => true) {
  return (dump[table] ?? []).filter(where);
}

describe('two people sync through files, every edit made on the app’s screens', () => {
  let milestoneId = '';
  let meetingId = '';
  let goalId = '';
  const meetingDay = day(9);

  let pairReady = false;
  /** The mentor starts the journal on the screens and the mentee joins from the pair file. */
  async function startAndJoin() {
    mentor = await openPage(mentorContext, server.url);
    await waitForAppShell(mentor);
    await submitFirstRun(mentor, { role: 'mentor', mentee: 'Ana <b>Kowalska</b>', mentor: 'Sam Reid' });
    await mentor.getByRole('navigation', { name: 'Main' }).waitFor();
    journalId = String((await dumpAll(mentor)).journals![0]!.id);

    // A goal, shared with the partner (the default).
    await goTo(mentor, '/goals', 'Goals');
    await mentor.getByLabel('New goal').fill('Lead a project');
    await mentor.getByRole('button', { name: 'Add goal' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Lead a project' }).waitFor();
    goalId = new URL(mentor.url()).pathname.split('/').pop()!;
    expect(await mentor.getByLabel('Who can see it').inputValue()).toBe('pair');

    // A milestone on the timeline.
    await goTo(mentor, '/milestones', 'Milestones');
    await mentor.getByLabel('Milestone title').fill('Present a poster');
    await mentor.getByRole('button', { name: 'Add milestone' }).click();
    await mentor.getByRole('button', { name: 'Edit Present a poster' }).waitFor();
    milestoneId = String(
      (await waitForRow(mentor, 'milestones', (r) => r.title === 'Present a poster', 'the milestone')).id,
    );

    // A planned meeting with the first shared notes.
    await goTo(mentor, '/meetings', 'Meetings');
    await mentor.getByRole('button', { name: 'Plan a meeting' }).click();
    await mentor.getByLabel('Day').fill(meetingDay);
    await mentor.getByRole('button', { name: 'Save meeting' }).click();
    await mentor.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
    meetingId = new URL(mentor.url()).pathname.split('/').pop()!;
    await mentor.getByLabel('Shared notes').fill('First ideas');
    await waitForRow(mentor, 'meetings', (r) => r.sharedNotes === 'First ideas', 'the shared notes');

    const file = await sendPairFile(mentor);
    expect(file.name).toMatch(/^mentoring-journal-ana-b-kowalska-b-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.text).toContain('Present a poster');
    const membership = rowsOf(await dumpAll(mentor), 'local', (r) => r.key === `membership:${journalId}`)[0];
    expect((membership!.value as { lastExportAt?: string }).lastExportAt).toBeDefined();

    mentee = await openPage(menteeContext, server.url);
    await waitForAppShell(mentee);
    await mentee.getByRole('button', { name: 'Join with my partner’s file' }).click();
    await chooseFile(mentee, file.name, file.text, 'Choose my partner’s file or a backup');
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
    pairReady = true;
  }

  test(
    'the mentor starts a journal, adds a goal, a milestone and a meeting, and sends the pair file; the mentee joins from it',
    startAndJoin,
  );

  test('offline edits on both sides, exchanged both ways, end in the same journal with nothing lost or doubled', async () => {
    // Runnable alone: the pair is set up here when the test above has not run.
    if (!pairReady) await startAndJoin();
    await Promise.all([waitForServiceWorker(mentor), waitForServiceWorker(mentee)]);
    // From here on the app's server is gone: every screen comes from the service worker's cache.
    await server.stop();
    try {
      // The mentor moves the milestone on with the one-tap status select on the timeline.
      await goTo(mentor, '/milestones', 'Milestones');
      await mentor.getByLabel('Status of Present a poster').selectOption({ label: 'In progress' });
      await waitForRow(mentor, 'milestones', (r) => r.status === 'in-progress', 'the mentor’s status');

      // The mentee sharpens the milestone's title in its editor.
      await goTo(mentee, '/milestones', 'Milestones');
      await mentee.getByRole('button', { name: 'Edit Present a poster' }).click();
      await mentee.getByLabel('Title', { exact: true }).fill('Present a poster at the spring conference');
      await waitForRow(
        mentee,
        'milestones',
        (r) => r.title === 'Present a poster at the spring conference',
        'the mentee’s title',
      );
      await mentee.getByRole('button', { name: 'Done editing' }).click();
      await mentee.getByRole('button', { name: 'Edit Present a poster at the spring conference' }).waitFor();

      // Each adds an action item to the same meeting and rewrites its shared notes; each keeps a private note.
      await goTo(mentee, `/meetings/${meetingId}`, /^Meeting: /);
      await addActionItem(mentee, 'Draft the abstract');
      await mentee.getByLabel('Shared notes').fill('Mentee: <img src=x onerror="window.__xss=1">posters');
      await mentee.getByLabel('My private notes').fill('Mentee’s private note');
      await waitForRow(mentee, 'meetings', (r) => String(r.sharedNotes).startsWith('Mentee:'), 'notes');
      await waitForRow(mentee, 'notes', (r) => r.text === 'Mentee’s private note', 'the private note');

      await goTo(mentor, `/meetings/${meetingId}`, /^Meeting: /);
      await addActionItem(mentor, 'Send last year’s poster');
      await mentor.getByLabel('Shared notes').fill('Mentor: conferences');
      await mentor.getByLabel('My private notes').fill('Mentor’s private worry');
      await waitForRow(mentor, 'meetings', (r) => r.sharedNotes === 'Mentor: conferences', 'notes');
      await waitForRow(mentor, 'notes', (r) => r.text === 'Mentor’s private worry', 'the private note');

      // The mentor takes back the goal the mentor wrote: it was shared, now only the mentor sees it.
      // (The mentee is never offered “Only me” on it: that would delete the mentor's own goal.)
      await goTo(mentee, `/goals/${goalId}`, 'Lead a project');
      await expect(
        mentee.getByLabel('Who can see it').locator('option', { hasText: 'Only me' }).count(),
      ).resolves.toBe(0);
      await goTo(mentor, `/goals/${goalId}`, 'Lead a project');
      await mentor.getByLabel('Who can see it').selectOption({ label: 'Only me (this device)' });
      await waitForRow(mentor, 'goals', (r) => r.visibility === 'private', 'the goal made private');

      // The mentee's file goes to the mentor.
      const fromMentee = await sendPairFile(mentee);
      expect(fromMentee.text).not.toContain('Mentee’s private note');
      const onMentor = await importOnShare(mentor, fromMentee);
      expect(onMentor.preview).toMatch(/sent by Ana <b>Kowalska<\/b>/);
      expect(onMentor.table).toMatchObject({
        milestone: counts({ Changed: 1 }),
        'action item': counts({ New: 1 }),
        // The mentor's notes are the later edit and stay; the mentee's are kept aside to resolve.
        meeting: counts({ Unchanged: 1, 'To resolve': 1 }),
        // The mentor's later “Only me” wins over the mentee's older shared copy.
        goal: counts({ Unchanged: 1 }),
      });
      expect(onMentor.table).not.toHaveProperty('note');
      expect(onMentor.done).toMatch(/changed by both of you/);

      // The mentor's file goes back to the mentee.
      const fromMentor = await sendPairFile(mentor);
      expect(fromMentor.text).not.toContain('Mentor’s private worry');
      expect(fromMentor.text).not.toContain('Lead a project');
      const beforeSecondImport = await dumpAll(mentee);
      const onMentee = await importOnShare(mentee, fromMentor);
      expect(onMentee.preview).toMatch(/sent by Sam Reid/);
      expect(onMentee.preview).toMatch(/1 withdrawn/);
      expect(onMentee.table).toMatchObject({
        milestone: counts({ Changed: 1 }),
        'action item': counts({ New: 1, Unchanged: 1 }),
        // Here the mentor's later notes replace the mentee's, which are kept aside to resolve.
        meeting: counts({ Changed: 1, 'To resolve': 1 }),
      });
      expect(onMentee.table).toMatchObject({ goal: counts({ Withdrawn: 1 }) });
      expect(onMentee.table).not.toHaveProperty('note');

      const [a, b] = [await dumpAll(mentor), await dumpAll(mentee)];
      expect(sharedRecords(b)).toEqual(sharedRecords(a));
      expect(rowsOf(b, 'milestones')).toHaveLength(1);
      expect(rowsOf(b, 'milestones')[0]).toMatchObject({
        id: milestoneId,
        title: 'Present a poster at the spring conference',
        status: 'in-progress',
      });
      const actions = rowsOf(b, 'actionItems')
        .map((r) => r.text)
        .sort();
      expect(actions).toEqual(['Draft the abstract', 'Send last year’s poster']);
      expect(rowsOf(a, 'actionItems')).toHaveLength(2);
      expect(rowsOf(a, 'notes').map((n) => n.text)).toEqual(['Mentor’s private worry']);
      expect(rowsOf(b, 'notes').map((n) => n.text)).toEqual(['Mentee’s private note']);
      expect(rowsOf(b, 'goals')).toEqual([]);
      expect(rowsOf(a, 'goals')[0]).toMatchObject({
        id: goalId,
        visibility: 'private',
        title: 'Lead a project',
      });

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
      // The kept text shows on the meeting's page as text.
      await goTo(mentor, `/meetings/${meetingId}`, /^Meeting: /);
      expect(await mentor.getByLabel('Shared notes').inputValue()).toBe(notes);

      // Undo on the mentee's side puts the journal back exactly as it was before the second import.
      await openShare(mentee);
      await mentee.getByRole('button', { name: 'Undo last import' }).click();
      await mentee.getByRole('button', { name: 'Yes, undo the import' }).click();
      await mentee.getByRole('heading', { name: 'Undo last import' }).waitFor({ state: 'detached' });
      const undone = await dumpAll(mentee);
      for (const table of Object.keys(undone)) {
        if (table === 'local' || table === 'snapshots') continue;
        expect(undone[table], table).toEqual(beforeSecondImport[table]);
      }
      // ...and the mentee's screens show it: the mentee's own notes and only the mentee's action item.
      await goTo(mentee, `/meetings/${meetingId}`, /^Meeting: /);
      expect(await mentee.getByLabel('Shared notes').inputValue()).toBe(
        'Mentee: <img src=x onerror="window.__xss=1">posters',
      );
      expect(
        await mentee
          .locator('.item-row input[type="text"]')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      ).toEqual(['Draft the abstract']);
    } finally {
      await server.restart();
    }
  }, 120_000);
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
    const tooMany = JSON.stringify(
      await pairFile(Array.from({ length: MAX_RECORDS + 1 }, (_, i) => ({ id: `r${i}`, kind: 'goal' }))),
    );
    const big = join(tmpdir(), `mj-big-${process.pid}.json`);
    writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 10, 0x20));
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
        await resealed({ ...goodObject, formatVersion: 99 }),
        /newer version of Mentoring Journal — update the app/,
      ],
      ['kind.json', await resealed({ ...goodObject, kind: 'summary' }), /does not know/],
      ['huge.json', { path: big }, /never larger than 256 MB/],
      ['many.json', tooMany, /110,001 records/],
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

  test('a file is opened off the page, in a worker that ends once the file is open; a refusal says the same there', async () => {
    // The worker starts when the import screen shows, so the file does not wait for its code.
    await page.goto(url('/'));
    const started = page.waitForEvent('worker', { timeout: 15_000 });
    await openShare(page);
    const worker = await started;
    expect(worker.url()).toMatch(/\/assets\/openFile\.worker-[\w-]+\.js$/);
    const ended = new Promise<void>((resolve) => worker.on('close', () => resolve()));
    const before = await dumpAll(page);
    await chooseFile(
      page,
      'edited.json',
      JSON.stringify(await pairFile([journalRecord()])).replace('"Tester"', '"Edited"'),
    );
    await page.locator('.import-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('.import-error').textContent()).toMatch(
      /changed or damaged after it was saved/,
    );
    await ended;
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

  test('record-level faults drop only the records that cannot be read, set aside only the bad value, and list both; text with HTML is shown as text', async () => {
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
    const dropped = await page.locator('.dropped', { hasText: 'were left out' }).textContent();
    expect(dropped).toMatch(/2 records were left out/);
    expect(dropped).toMatch(/id is not valid text \(42\)/);
    expect(dropped).toMatch(/The note “x+…”: it is larger than any real record \(over 1 MB\)/);
    const aside = page.locator('.dropped', { hasText: 'kept aside' });
    await aside.locator('summary').click();
    expect(await aside.textContent()).toMatch(
      /The milestone “Bad”: its due date must be a date \(YYYY-MM-DD\)/,
    );
    expect(await dumpAll(page)).toEqual(before);
    await page.getByLabel('In this journal I am the').selectOption('mentor');
    await page.getByRole('button', { name: 'Add as a new journal on this device' }).click();
    await page.locator('.import-done').waitFor();
    const after = await dumpAll(page);
    expect(rowsOf(after, 'goals', (r) => r.journalId === JID).map((r) => r.id)).toEqual(['good-goal']);
    expect(rowsOf(after, 'milestones', (r) => r.journalId === JID)).toMatchObject([
      { id: 'bad-date', title: 'Bad', keptAside: { dueDate: { value: '2026-02-30' } } },
    ]);
    expect(rowsOf(after, 'notes', (r) => r.journalId === JID)).toEqual([]);
    // The new journal is now open; its goal's title shows as text wherever it appears.
    await page.goto(url('/goals'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The title is on screen as text; had it been parsed as HTML, its <img> and <script> would be in
    // the page now (and the image's onerror could only fire if the element existed).
    await page.getByText(xss).first().waitFor();
    await expect(page.locator('#main img[src="x"]').count()).resolves.toBe(0);
    // The page's one inline script is its own (index.html's kept-Home script); none came from the title.
    await expect(page.locator('script:not([src])', { hasText: '__xss' }).count()).resolves.toBe(0);
    await expect(page.locator('script:not([src])').count()).resolves.toBe(1);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
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
    // Written as the app writes a pair file (payload last, canonical: its checksum is checked over the text).
    const { text } = await writeFile({
      kind: 'pair',
      appVersion: 'e2e',
      exportedAt: '2026-11-22T10:00:00.000Z',
      journalIds: [jid],
      payload: { records: records as never, withdrawn: [] },
    });
    // A fresh device joins from the 10,000-record file: the import flow is loaded first, then timed.
    await page.getByRole('button', { name: 'Join with my partner’s file' }).click();
    const t0 = Date.now();
    await chooseFile(page, 'speed.json', text, 'Choose my partner’s file or a backup');
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
