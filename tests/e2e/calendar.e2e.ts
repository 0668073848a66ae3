// The calendar export in the built app, with Polish and Greek names and places: every line of the
// .ics is at most 75 octets (RFC 5545 §3.1), the texts read back whole with an independent parser
// (ical.js), each planned meeting and open milestone carries a reminder, and exporting again after
// a change keeps the UIDs and raises the changed event's SEQUENCE.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { newContext, openPage, serveDuringFile, submitFirstRun, waitForAppShell } from './harness';

const server = serveDuringFile();

const MENTEE = 'Zofia Łukasiewicz';
const MENTOR = 'Ελένη Παπαδοπούλου';
const PLACE = 'Biblioteka Publiczna w Łodzi, ul. Żeromskiego — sala konferencyjna na piętrze, obok czytelni';
const MOVED = 'Filia nr 3, ul. Łąkowa 5 — pokój 12';
const AGENDA = 'Ζωή: παρουσίαση για την ψηφιακή βιβλιοθήκη και τα εργαστήρια ανάγνωσης για εφήβους';
const MILESTONE = 'Zgłoszenie plakatu na konferencję — termin';

let context: BrowserContext;
let page: Page;

/** A calendar date `days` from today on this machine (the browser runs in the same time zone). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Exports the .ics from the meetings screen and returns its text. */
async function exportIcs(): Promise<string> {
  await page.goto(`${server.url}meetings`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export to calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mentoring-meetings.ics');
  return readFileSync((await download.path())!, 'utf8');
}

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** Each event's UID, SEQUENCE and reminder triggers (seconds before its start, negative). */
function facts(text: string) {
  return events(text).map((e) => ({
    uid: e.uid,
    sequence: e.sequence,
    alarms: e.component.getAllSubcomponents('valarm').map((a) => ({
      action: a.getFirstPropertyValue('action'),
      trigger: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
    })),
  }));
}

beforeAll(async () => {
  context = await newContext(null, { width: 360, height: 740 });
  page = await openPage(context, server.url);
  await waitForAppShell(page);
  await submitFirstRun(page, { role: 'mentee', mentee: MENTEE, mentor: MENTOR, startDate: day(-30) });
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

  // A planned meeting in a week, with a Polish place and a Greek agenda point.
  await page.goto(`${server.url}meetings`);
  await page.getByRole('button', { name: 'Plan a meeting' }).click();
  await page.getByLabel('Day').fill(day(7));
  await page.getByLabel('Time', { exact: true }).fill('14:30');
  await page.getByLabel('Place or link').fill(PLACE);
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
  await page.getByLabel('New agenda point').fill(AGENDA);
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  // vi.waitFor, not expect.poll: this runs in beforeAll, where expect.poll is refused.
  await vi.waitFor(
    async () =>
      expect(
        await page
          .getByRole('textbox', { name: /^Agenda point \d+$/ })
          .last()
          .inputValue(),
      ).toBe(AGENDA),
    { timeout: 10_000, interval: 100 },
  );

  // A goal with an open milestone due in three weeks.
  await page.goto(`${server.url}goals`);
  await page.getByLabel('New goal').fill('Poster for the conference');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Poster for the conference' }).waitFor();
  await page.getByLabel('New milestone').fill(MILESTONE);
  await page.getByLabel('Due date', { exact: true }).fill(day(21));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('heading', { name: MILESTONE }).waitFor();
}, 120_000);

describe('calendar export', () => {
  let first: string;

  test('every line is at most 75 octets, the names read back whole, and each event has a reminder a day before', async () => {
    first = await exportIcs();
    const lines = first.split('\r\n');
    // Polish and Greek texts this long are folded…
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      // …at 75 octets, between whole characters (a split sequence would not survive UTF-8 decoding).
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line.includes('\uFFFD')).toBe(false);
    }
    const [meeting, milestone] = events(first);
    expect(meeting!.summary).toBe(`Mentoring meeting: ${MENTEE} & ${MENTOR}`);
    expect(meeting!.location).toBe(PLACE);
    expect(meeting!.description).toBe(`Agenda:\n- ${AGENDA}`);
    expect(meeting!.startDate.toString()).toBe(`${day(7)}T14:30:00`);
    expect(milestone!.summary).toBe(`Milestone due: ${MILESTONE}`);
    expect(milestone!.startDate.isDate).toBe(true);
    expect(milestone!.startDate.toString()).toBe(day(21));
    expect(facts(first).map((f) => f.alarms)).toEqual([
      [{ action: 'DISPLAY', trigger: -86_400 }],
      [{ action: 'DISPLAY', trigger: -86_400 }],
    ]);
    await page
      .getByRole('region', { name: 'Calendar' })
      .getByText('Calendar file made with 1 event and 1 milestone.')
      .waitFor();
  });

  test('exported again after the meeting moved room, with another reminder: same UIDs, a higher SEQUENCE for the meeting only', async () => {
    const before = facts(first);
    await page.goto(`${server.url}meetings`);
    await page
      .getByRole('link', { name: /Mentoring meeting|14:30/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Meeting: / }).waitFor();
    const place = page.getByLabel('Place or link');
    await place.fill(MOVED);
    await place.blur();
    // Saved (the autosave has written it) before the meetings screen is opened again.
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              new Promise<unknown[]>((resolve, reject) => {
                const open = indexedDB.open('mentoring-journal');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const all = open.result.transaction('meetings').objectStore('meetings').getAll();
                  all.onsuccess = () => {
                    open.result.close();
                    resolve(all.result.map((m: { place?: string }) => m.place));
                  };
                };
              }),
          ),
        { timeout: 10_000 },
      )
      .toEqual([MOVED]);
    await expect.poll(async () => events(await exportIcs())[0]!.location, { timeout: 15_000 }).toBe(MOVED);
    await page.getByLabel('Reminder', { exact: true }).selectOption({ label: '2 days before' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to calendar (.ics)' }).click(),
    ]);
    const after = facts(readFileSync((await download.path())!, 'utf8'));
    expect(after.map((f) => f.uid)).toEqual(before.map((f) => f.uid));
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence);
    expect(after[1]!.sequence).toBe(before[1]!.sequence);
    expect(after.map((f) => f.alarms)).toEqual([
      [{ action: 'DISPLAY', trigger: -172_800 }],
      [{ action: 'DISPLAY', trigger: -172_800 }],
    ]);
  });
});
