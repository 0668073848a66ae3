// Storage that lasts, in Chromium: persistence is asked for at the first real save (not on load),
// Home says plainly when this browser may clear the journal and what fixes it, and once the browser
// keeps the storage the warning goes. (Safari's seven-day rule is tested with a stubbed user agent in
// src/ui/components/storageAdvice.test.ts: no Safari runs here.)
import { describe, expect, test } from 'vitest';
import { newContext, openPage, serveDuringFile, submitFirstRun, waitForAppShell } from './harness';

const server = serveDuringFile();

describe('storage that lasts', () => {
  test('asks to keep storage at the first save, warns on Home while it is not kept, and stops once it is', async () => {
    const context = await newContext(null, { width: 360, height: 800 });
    // Count the app's calls to persist(), passing them on to Chromium.
    await context.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      (window as unknown as { persistCalls: number }).persistCalls = 0;
      storage.persist = () => {
        (window as unknown as { persistCalls: number }).persistCalls += 1;
        return persist();
      };
    });
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    const calls = () => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);
    expect(await calls()).toBe(0);

    await submitFirstRun(page, { role: 'mentee', mentee: 'Ana', mentor: 'Ben' });
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await expect.poll(calls).toBe(1);
    // Headless Chromium does not grant persistence to a site that is neither installed nor used much.
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    const warning = page.getByText('This browser may not keep the journal.');
    await warning.waitFor();
    expect(await page.locator('.storage-advice').textContent()).toContain('Install the app');
    expect(await page.locator('.storage-advice').textContent()).toContain('Home reminds you after 7 days');

    // Once the browser grants it (as it does an installed app), storage is kept and the warning goes.
    await context
      .grantPermissions(['durable-storage' as never], { origin: server.url.replace(/\/$/, '') })
      .catch(async () => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Browser.grantPermissions', {
          origin: server.url.replace(/\/$/, ''),
          permissions: ['durableStorage'],
        });
      });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('link', { name: 'Goals' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
    await page.getByLabel('New goal').fill('Lead a small project');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByText('Lead a small project').first().waitFor();
    await expect.poll(() => page.evaluate(() => navigator.storage.persisted())).toBe(true);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Backup' }).waitFor();
    expect(await warning.count()).toBe(0);
  });
});
