// The harness itself: the static server's answers and its "network gone", the CDP helpers, build().
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  build,
  crashPage,
  newContext,
  openPage,
  overrideQuota,
  ROOT,
  serveDuringFile,
  startServer,
  waitForAppShell,
} from './harness';

const server = serveDuringFile();

describe('startServer', () => {
  test('answers with the right types, the SPA fallback, 404s and no-cache', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');

    const manifest = await fetch(new URL('manifest.webmanifest', server.url));
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect((await fetch(new URL('favicon.svg', server.url))).headers.get('content-type')).toBe(
      'image/svg+xml',
    );
    expect((await fetch(new URL('sw.js', server.url))).headers.get('content-type')).toMatch(
      /^text\/javascript/,
    );

    const route = await fetch(new URL('goals/123', server.url));
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(await (await fetch(server.url)).text());

    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/package.json', server.url))).status).toBe(404);
  });

  test('stop() makes the host unreachable, even over a kept-alive connection; restart() brings it back', async () => {
    const own = await startServer();
    const context = await newContext(null, { width: 800 });
    const page = await openPage(context, own.url);
    await own.stop();
    expect(own.listening).toBe(false);
    await expect(
      page.evaluate((url) => fetch(url, { cache: 'no-store' }).then((r) => r.status), own.url),
    ).rejects.toThrow();
    await expect(fetch(own.url)).rejects.toThrow();

    await own.restart();
    expect(own.listening).toBe(true);
    expect((await fetch(own.url)).status).toBe(200);
    expect(own.requests).toContain('/');
    await context.close();
    await own.stop();
  });
});

describe('CDP helpers', () => {
  test('crashPage() kills the tab, and a new tab in the same profile loads the app again', async () => {
    const context = await newContext();
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    await crashPage(page);
    expect(crashed).toBe(true);
    const again = await openPage(context, server.url);
    await waitForAppShell(again);
    await context.close();
  });

  test('overrideQuota() makes IndexedDB writes beyond the quota fail', async () => {
    const context = await newContext();
    const page = await openPage(context, server.url);
    // Chromium's estimate() reports a fixed quota (against fingerprinting), so only a write shows it.
    const writeMegabytes = (megabytes: number) =>
      page.evaluate(async (mb) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const open = indexedDB.open(`quota-probe-${Math.random()}`, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('blobs');
          open.onsuccess = () => done(open.result);
          open.onerror = () => fail(open.error);
        });
        return new Promise<string>((done) => {
          const tx = db.transaction('blobs', 'readwrite');
          // Random bytes, so the store cannot compress them away.
          const bytes = new Uint8Array(mb * 1024 * 1024);
          for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
          tx.objectStore('blobs').put(bytes, 'x');
          tx.oncomplete = () => done('ok');
          tx.onabort = () => done(tx.error?.name ?? 'aborted');
        });
      }, megabytes);
    await overrideQuota(page, 1024 * 1024);
    expect(await writeMegabytes(4)).toBe('QuotaExceededError');
    await overrideQuota(page, null);
    expect(await writeMegabytes(4)).toBe('ok');
    await context.close();
  });
});

describe('build', () => {
  test('builds a second version of the app once, into its own folder, and serves it with setDir()', async () => {
    const dir = await build('dist-e2e-v2', { APP_VERSION: '0.0.0-e2e' });
    expect(dir).toBe(join(ROOT, 'dist-e2e-v2'));
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'sw.js'))).toBe(true);
    const stamp = readFileSync(join(dir, 'index.html'), 'utf8');
    // The same call in the same run is served from the cache: same folder, nothing rebuilt.
    expect(await build('dist-e2e-v2', { APP_VERSION: '0.0.0-e2e' })).toBe(dir);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(stamp);

    const other = await startServer();
    other.setDir('dist-e2e-v2');
    expect(await (await fetch(other.url)).text()).toBe(stamp);
    await other.stop();
  });
});
