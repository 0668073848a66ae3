// The built app is a sound, installable, offline-capable PWA that talks to no other host and passes axe.
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  getInstallabilityErrors,
  newContext,
  openPage,
  reopenWithWorkerStopped,
  serveDuringFile,
  waitForAppShell,
  waitForServiceWorker,
  waitForStartPageKept,
  watchRequests,
} from './harness';

const server = serveDuringFile();

/** The width and height in a PNG's IHDR chunk, or null if `bytes` is not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

describe('the built page', () => {
  test('sets a strict Content-Security-Policy and links a complete manifest whose icons are real PNGs', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();

    const csp = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i)?.[1];
    expect(csp, 'CSP meta tag').toBeDefined();
    expect(csp).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/);

    const manifestHref = html.match(/<link\s[^>]*rel="manifest"[^>]*href="([^"]+)"/i)?.[1];
    expect(manifestHref, 'manifest link').toBeDefined();
    const manifestUrl = new URL(manifestHref!, server.url);
    const manifestResponse = await fetch(manifestUrl);
    expect(manifestResponse.status).toBe(200);
    expect(manifestResponse.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await manifestResponse.json()) as Record<string, unknown> & { icons: ManifestIcon[] };

    expect(manifest.name).toEqual(expect.any(String));
    expect(manifest.short_name).toEqual(expect.any(String));
    expect(manifest.start_url).toEqual(expect.any(String));
    expect(manifest.display).toBe('standalone');

    const icons = manifest.icons;
    const find = (sizes: string, maskable: boolean) =>
      icons.find(
        (i) => i.sizes === sizes && (i.purpose ?? 'any').split(/\s+/).includes(maskable ? 'maskable' : 'any'),
      );
    expect(find('192x192', false), '192 px icon').toBeDefined();
    expect(find('512x512', false), '512 px icon').toBeDefined();
    expect(find('512x512', true), 'maskable 512 px icon').toBeDefined();

    for (const icon of icons) {
      const iconResponse = await fetch(new URL(icon.src, manifestUrl));
      expect(iconResponse.status, icon.src).toBe(200);
      expect(iconResponse.headers.get('content-type'), icon.src).toBe('image/png');
      const size = pngSize(new Uint8Array(await iconResponse.arrayBuffer()));
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(size, `${icon.src} is a ${icon.sizes} PNG`).toEqual({ width, height });
    }
  });

  test('serves robots.txt as text, and the published JSON Schemas of the pair file and the committee summary', async () => {
    const robots = await fetch(new URL('robots.txt', server.url));
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/^User-agent: \*$/m);
    for (const [name, id] of [
      ['pair-file', 'urn:mentoring-journal:pair-file:2'],
      ['committee-summary', 'urn:mentoring-journal:committee-summary:2'],
    ]) {
      const response = await fetch(new URL(`schemas/${name}.schema.json`, server.url));
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const schema = await response.json();
      expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id });
    }
  });
});

describe('in Chromium', () => {
  test('the service worker takes control, and the app still loads when the server is gone', async () => {
    const context = await newContext();
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    // The app registers its worker itself (ReloadPrompt, registerType 'prompt'); no fallback here.
    await waitForServiceWorker(page);

    await server.stop();
    try {
      await page.reload();
      await waitForAppShell(page);
      // A route the precache does not list by name is answered with the app shell too.
      await page.goto(new URL('some/deep/route', server.url).href);
      await waitForAppShell(page);
    } finally {
      await server.restart();
    }
    await context.close();
  });

  test('reopened with its worker stopped, the start page comes from the cache without waiting for the worker, offline too', async () => {
    const context = await newContext();
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await waitForServiceWorker(page);
    // The worker, once active, has kept its own index.html as the start page (public/start-routes.js).
    await waitForStartPageKept(page);
    const kept = await page.evaluate(async () => (await (await caches.match('./'))?.text()) ?? '');
    expect(kept).toContain('<div id="app"></div>');

    await server.stop();
    try {
      const { page: reopened, source } = await reopenWithWorkerStopped(context, server.url);
      await waitForAppShell(reopened);
      // The page came from the cache by the worker's route (its files may already meet the worker running).
      expect(source).toBe('cache');
      expect(await reopened.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // Any other address still goes to the worker, which answers it offline with the app.
      await reopened.goto(new URL('goals?from=test', server.url).href);
      await waitForAppShell(reopened);
    } finally {
      await server.restart();
    }
    await context.close();
  });

  test('Chromium deems the app installable', async () => {
    const context = await newContext();
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await waitForServiceWorker(page);
    // Chromium fetches the manifest and icons after load; poll until it settles.
    await expect.poll(() => getInstallabilityErrors(page), { timeout: 15_000 }).toEqual([]);
    await context.close();
  });

  test('no request leaves 127.0.0.1 during a load and a reload', async () => {
    const context = await newContext();
    const foreign = watchRequests(context, server.origin);
    const page = await openPage(context, server.url);
    await waitForAppShell(page);
    await waitForServiceWorker(page);
    await page.reload();
    await waitForAppShell(page);
    await page.waitForLoadState('networkidle');
    expect(foreign.all().length, 'requests were observed at all').toBeGreaterThan(0);
    expect(foreign()).toEqual([]);
    await context.close();
  });

  describe.for([
    { width: 360, colorScheme: 'light' },
    { width: 360, colorScheme: 'dark' },
    { width: 1280, colorScheme: 'light' },
    { width: 1280, colorScheme: 'dark' },
  ] as const)('at $width px, $colorScheme colour scheme', ({ width, colorScheme }) => {
    test('axe finds no WCAG 2.1 A/AA violations', async () => {
      const context = await newContext(null, { width, height: 800, colorScheme });
      const page = await openPage(context, server.url);
      await waitForAppShell(page);
      await expectNoAxeViolations(page, `the home screen at ${width} px, ${colorScheme}`);
      await context.close();
    });
  });
});
