// A partner's file that reaches the app from the system, in the built app: the manifest declares the
// file handler, the share target, the shortcuts and the screenshots; a share (a multipart POST to the
// share target, as Android's share sheet sends it) is answered by the service worker with the server
// gone and ends in the import preview for that file; the shortcuts' routes work.
//
// What headless Chromium on Linux cannot do, and so is not tested here for real: the OS share sheet
// itself (the POST is sent from a form on a page of its own instead, exactly as the share sheet would
// send it) and an OS file launch ("Open with", double-click; the page side is a component test with a
// fake launchQueue: src/ui/share/OpenFileScreen.test.tsx).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  newContext,
  openPage,
  ROOT,
  serveDuringFile,
  startServer,
  submitFirstRun,
  waitForAppShell,
  waitForServiceWorker,
} from './harness';

const server = serveDuringFile();
const PAIR_FILE = join(ROOT, 'tests/fixtures/pair-v1.json');

interface Manifest {
  file_handlers: { action: string; accept: Record<string, string[]> }[];
  launch_handler: { client_mode: string | string[] };
  share_target: {
    action: string;
    method: string;
    enctype: string;
    params: { files: { name: string; accept: string[] }[] };
  };
  shortcuts: { name: string; url: string }[];
  screenshots: { src: string; sizes: string; type: string; form_factor?: string }[];
}

async function manifest(): Promise<{ manifest: Manifest; url: URL }> {
  const html = await (await fetch(server.url)).text();
  const href = html.match(/<link\s[^>]*rel="manifest"[^>]*href="([^"]+)"/i)?.[1];
  const url = new URL(href!, server.url);
  return { manifest: (await (await fetch(url)).json()) as Manifest, url };
}

/** The width and height in a PNG's IHDR chunk, or null if `bytes` is not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the manifest', () => {
  test('opens .json files at /open, takes shared files by POST, and has shortcuts and real screenshots', async () => {
    const { manifest: m, url } = await manifest();
    expect(m.file_handlers).toEqual([{ action: './open', accept: { 'application/json': ['.json'] } }]);
    expect(new URL(m.file_handlers[0]!.action, url).pathname).toBe('/open');
    expect(m.launch_handler.client_mode).toEqual(['navigate-existing', 'auto']);
    expect(m.share_target).toEqual({
      action: './share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'files', accept: ['.json', 'application/json'] }] },
    });
    expect(m.shortcuts.map((s) => [s.name, new URL(s.url, url).pathname])).toEqual([
      ['New story', '/stories/new'],
      ['Start today’s meeting', '/meetings/today'],
    ]);
    expect(m.screenshots.map((s) => [s.form_factor, s.sizes])).toEqual([
      ['wide', '1280x800'],
      ['narrow', '390x844'],
    ]);
    for (const shot of m.screenshots) {
      const response = await fetch(new URL(shot.src, url));
      expect(response.headers.get('content-type'), shot.src).toBe('image/png');
      const [width, height] = shot.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), shot.src).toEqual({ width, height });
    }
  });
});

describe('sharing a pair file to the app (Android: Share → Mentoring Journal)', () => {
  test('with the server gone, the service worker takes the POST and the import preview shows that file', async () => {
    const context = await newContext(null, { width: 390, height: 844 });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await waitForServiceWorker(page);

    // The share sheet's POST, sent from a form on a page of its own (the app's CSP has form-action
    // 'none'), on another origin, as the share sheet is not the app either.
    const formDir = mkdtempSync(join(tmpdir(), 'mj-share-form-'));
    writeFileSync(
      join(formDir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>Share sheet</title>
       <form method="post" enctype="multipart/form-data" action="${server.url}share-target">
         <input type="file" name="files" aria-label="File"><button>Share</button>
       </form>`,
    );
    const sheet = await startServer(formDir);
    const sharePage = await context.newPage();
    await sharePage.goto(sheet.url);

    await server.stop();
    try {
      await sharePage.getByLabel('File').setInputFiles({
        name: 'pair-ana-kowalska.json',
        mimeType: 'application/json',
        buffer: readFileSync(PAIR_FILE),
      });
      await sharePage.getByRole('button', { name: 'Share' }).click();
      await sharePage.waitForURL(`${server.url}open?shared=1`);
      await waitForAppShell(sharePage);
      const preview = sharePage.getByRole('region', { name: 'Before importing: what this file holds' });
      await preview.waitFor();
      expect(await preview.textContent()).toMatch(/A pair file for the journal of Ana Kowalska & Sam Reid/);
      expect(await sharePage.getByText('pair-ana-kowalska.json').textContent()).toBe(
        'pair-ana-kowalska.json',
      );
      // The page took the file: the worker's copy is gone.
      expect(
        await sharePage.evaluate(async () => (await caches.open('mj-shared-files')).match('/shared-file')),
      ).toBeUndefined();

      // Offline still, the person adds it; the journal opens.
      await sharePage.getByLabel('In this journal I am the').selectOption('mentee');
      await preview.getByRole('button', { name: 'Add as a new journal on this device' }).click();
      await sharePage.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      expect(await sharePage.locator('.switcher select option:checked').textContent()).toMatch(
        /Ana Kowalska/,
      );
    } finally {
      await server.restart();
    }
    await context.close();
  });
});

describe('the app shortcuts', () => {
  test('New story opens a new draft; Start today’s meeting offers to start one, then opens meeting mode', async () => {
    const context = await newContext(null, { width: 1280, height: 800 });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await submitFirstRun(page, { role: 'mentee', mentee: 'Ana', mentor: 'Ben' });
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    await page.goto(`${server.url}stories/new`);
    await page.waitForURL(/\/stories\/(?!new)[\w-]+$/);
    await page.getByLabel('Title').waitFor();
    await page.goto(`${server.url}stories`);
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(1);

    await page.goto(`${server.url}meetings/today`);
    await page.getByRole('heading', { level: 1, name: 'No meeting planned for today' }).waitFor();
    await page.getByRole('button', { name: 'Start a meeting now' }).click();
    await page.waitForURL(/\/meetings\/[\w-]+\/run$/);
    const run = page.url();
    // The next time, today's meeting is there: the shortcut goes straight to it.
    await page.goto(`${server.url}meetings/today`);
    await page.waitForURL(run);
    await context.close();
  });
});
