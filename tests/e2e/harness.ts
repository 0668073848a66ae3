// Helpers shared by every browser test (tests/e2e/**/*.e2e.ts, run by `npm run test:e2e`).
//
// A test serves a built copy of the app from a tiny static server on 127.0.0.1, drives the Debian
// Chromium through playwright-core in a fresh profile, and cleans up with closeAll():
//
//   const server = await startServer();             // serves dist/ (or $E2E_DIST)
//   const context = await newContext(null, { width: 360, colorScheme: 'dark' });
//   const page = await openPage(context, server.url);
//   await waitForServiceWorker(page);
//   await server.stop();                            // the network is gone: the app must still load
//   ...
//   afterAll(closeAll);
//
// Most files just need `const server = serveDuringFile();` at the top: it starts the server before
// the file's tests and calls closeAll() after them.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type LaunchOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROME_ARGS, CHROME_PATH, isFile, MIME_TYPES, underRoot } from './serving';

/** The repository's root folder (built apps and the vite config live there). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export { CHROME_ARGS, CHROME_PATH } from './serving';

// ---------------------------------------------------------------------------------------------------
// Static server

/** A static server for a built app; see startServer(). */
export interface StaticServer {
  /** The app's address with a trailing slash, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** The origin alone, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** The port, kept across stop()/restart(). */
  readonly port: number;
  /** The folder being served (absolute). */
  readonly dir: string;
  /** Paths requested so far (pathname + search), oldest first; clear with `requests.length = 0`. */
  readonly requests: string[];
  /** Whether the server is listening now. */
  readonly listening: boolean;
  /** Stops listening and destroys open (keep-alive) connections: the browser sees the host go away. */
  stop(): Promise<void>;
  /** Listens again on the same port (after stop()); a no-op while listening. */
  restart(): Promise<void>;
  /** Serves another folder from now on (e.g. a second build of the app for an update test). */
  setDir(dir: string): void;
}

const servers = new Set<StaticServer>();

/**
 * The build the tests serve by default: $E2E_DIST or dist/. Set E2E_DIST (with E2E_BUILD=1) to test a
 * private build while others rebuild dist/ in the same work tree.
 */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** Serves the built app in `dir` (relative to the repo root) on 127.0.0.1, on `port` or a free one. */
export async function startServer(dir = DIST, port = 0): Promise<StaticServer> {
  let root = resolve(ROOT, dir);
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let listening = false;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveFile(root, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : 'Not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (p: number) =>
    new Promise<number>((done, fail) => {
      server.once('error', fail);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', fail);
        listening = true;
        done((server.address() as AddressInfo).port);
      });
    });

  const actualPort = await listen(port);
  const origin = `http://127.0.0.1:${actualPort}`;

  const handle: StaticServer = {
    url: `${origin}/`,
    origin,
    port: actualPort,
    get dir() {
      return root;
    },
    requests,
    get listening() {
      return listening;
    },
    async stop() {
      if (!listening) return;
      listening = false;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    async restart() {
      if (listening) return;
      await listen(actualPort);
    },
    setDir(next: string) {
      root = resolve(ROOT, next);
    },
  };
  servers.add(handle);
  return handle;
}

/** Maps a URL path to a file under root: the file itself, a folder's index.html, or the SPA fallback. */
function resolveFile(root: string, pathname: string): string | null {
  const candidate = underRoot(root, pathname);
  if (!candidate) return null;
  if (isFile(candidate)) return candidate;
  if (isFile(join(candidate, 'index.html'))) return join(candidate, 'index.html');
  // A path without an extension is a route of the single-page app: serve the shell.
  if (extname(candidate) === '' && isFile(join(root, 'index.html'))) return join(root, 'index.html');
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Browser and contexts

/** Options for newContext(). */
export interface ContextOptions {
  /** Viewport width in CSS pixels (default 1280). */
  width?: number;
  /** Viewport height in CSS pixels (default 800). */
  height?: number;
  /** Emulated prefers-color-scheme (default 'light'). */
  colorScheme?: 'light' | 'dark' | 'no-preference';
  /** Emulated prefers-reduced-motion. */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Browser locale, e.g. 'en-GB' (default 'en-US'). */
  locale?: string;
  /** Time zone, e.g. 'Europe/London'. */
  timezoneId?: string;
  /** Device scale factor (default 1). */
  deviceScaleFactor?: number;
  /**
   * Persistent contexts only: reuse this profile folder (e.g. userDataDirOf(an earlier, closed context)) to
   * "reopen the browser" with its service worker, IndexedDB and caches; a fresh folder when omitted.
   */
  userDataDir?: string;
}

const browsers = new Set<Browser>();
const contexts = new Set<BrowserContext>();
const profileDirs = new Set<string>();
const profileOf = new WeakMap<BrowserContext, string>();

/** Launches the Debian Chromium headless (one browser can host several non-persistent contexts). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, ...options });
  browsers.add(browser);
  return browser;
}

/**
 * A browser context for one person. With no browser: a persistent context (its own Chromium) on a fresh
 * temporary profile, so the service worker, caches and IndexedDB survive reloads and, with
 * `userDataDir`, a relaunch; call it twice for two people. With a browser: an ordinary (incognito-like)
 * context in it, which Chromium never deems installable.
 */
export async function newContext(
  browser?: Browser | null,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  const settings = {
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion,
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: 'allow' as const,
    acceptDownloads: true,
  };
  let context: BrowserContext;
  if (browser) {
    context = await browser.newContext(settings);
  } else {
    const dir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'mj-e2e-profile-'));
    profileDirs.add(dir);
    context = await chromium.launchPersistentContext(dir, {
      ...settings,
      executablePath: CHROME_PATH,
      args: CHROME_ARGS,
    });
    profileOf.set(context, dir);
  }
  contexts.add(context);
  context.on('close', () => contexts.delete(context));
  return context;
}

/** The profile folder of a persistent context from newContext(), to relaunch it with `userDataDir`. */
export function userDataDirOf(context: BrowserContext): string {
  const dir = profileOf.get(context);
  if (!dir) throw new Error('userDataDirOf: not a persistent context made by newContext()');
  return dir;
}

/** A page of the context navigated to `url` (reuses the blank tab a persistent context opens with). */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const blank = context.pages().find((p) => p.url() === 'about:blank');
  const page = blank ?? (await context.newPage());
  await page.goto(url);
  return page;
}

/** Closes every context, browser and server the helpers made, and deletes the temporary profiles. */
export async function closeAll(): Promise<void> {
  const errors: unknown[] = [];
  const settle = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      errors.push(error);
    }
  };
  await Promise.all([...contexts].map((c) => settle(c.close())));
  contexts.clear();
  await Promise.all([...browsers].map((b) => settle(b.close())));
  browsers.clear();
  await Promise.all([...servers].map((s) => settle(s.stop())));
  servers.clear();
  for (const dir of profileDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  profileDirs.clear();
  if (errors.length) console.warn('closeAll: some cleanup failed', errors);
}

/**
 * The usual preamble of a test file: starts a server for `dir` before the file's tests
 * (beforeAll) and calls closeAll() after them (afterAll). Call it at the top level of the file; the
 * server it returns can be used inside the tests (and in hooks registered after this call).
 */
export function serveDuringFile(dir = DIST): StaticServer {
  let started: StaticServer | undefined;
  beforeAll(async () => {
    started = await startServer(dir);
  });
  afterAll(closeAll);
  const server = () => {
    if (!started) throw new Error('serveDuringFile: the server runs only while the file’s tests run');
    return started;
  };
  return {
    get url() {
      return server().url;
    },
    get origin() {
      return server().origin;
    },
    get port() {
      return server().port;
    },
    get dir() {
      return server().dir;
    },
    get requests() {
      return server().requests;
    },
    get listening() {
      return server().listening;
    },
    stop: () => server().stop(),
    restart: () => server().restart(),
    setDir: (next) => server().setDir(next),
  };
}

// ---------------------------------------------------------------------------------------------------
// Observation

/** What watchRequests() returns: call it for the foreign requests; `.all()` lists every request. */
export type RequestWatch = (() => string[]) & { all: () => string[] };

/**
 * Records every request of the context, pages and service workers alike, and returns a function that
 * lists those to any origin but `allowedOrigin` (data: and blob: URLs are fine).
 */
export function watchRequests(context: BrowserContext, allowedOrigin: string): RequestWatch {
  const allowed = new URL(allowedOrigin).origin;
  const seen: string[] = [];
  context.on('request', (request) => {
    seen.push(request.url());
  });
  const foreign = () =>
    seen.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      try {
        return new URL(url).origin !== allowed;
      } catch {
        return true;
      }
    });
  return Object.assign(foreign, { all: () => [...seen] });
}

/**
 * Waits until the app has rendered a screen: the title says "Mentoring Journal" and a level-1 heading
 * is visible inside #app (whichever screen it is: first run, home, ...).
 */
export async function waitForAppShell(page: Page, timeout = 15_000): Promise<void> {
  await page
    .locator('#app')
    .getByRole('heading', { level: 1 })
    .first()
    .waitFor({ state: 'visible', timeout });
  const title = await page.title();
  if (!/Mentoring Journal/i.test(title)) throw new Error(`waitForAppShell: unexpected page title "${title}"`);
}

/** Who starts a journal on the first-run form; see submitFirstRun(). */
export interface FirstRunAnswers {
  role: string;
  mentee: string;
  mentor: string;
  programme?: string;
  startDate?: string;
  /**
   * What to do with the programme plan offered next: 'not-now' (the default) presses "Not now",
   * which opens Home, as before the plan was offered; 'stay' leaves the offer open.
   */
  plan?: 'not-now' | 'stay';
}

/**
 * On the first-run form ("Start a new journal"): chooses the role ('mentee' or 'mentor'), fills the
 * names (and the programme and start date when given) and presses Create journal; then, unless
 * `plan: 'stay'`, waits for the programme plan's offer and answers "Not now".
 */
export async function submitFirstRun(page: Page, who: FirstRunAnswers): Promise<void> {
  await page.getByLabel(who.role === 'mentee' ? /^The mentee/ : /^The mentor/).check();
  await page.getByLabel('Mentee’s name').fill(who.mentee);
  await page.getByLabel('Mentor’s name').fill(who.mentor);
  if (who.programme !== undefined) await page.getByLabel('Programme (optional)').fill(who.programme);
  if (who.startDate !== undefined) await page.getByLabel('Start date').fill(who.startDate);
  await page.getByRole('button', { name: 'Create journal' }).click();
  if (who.plan === 'stay') return;
  await declinePlan(page);
}

/** After "Create journal": answers the programme plan's offer with "Not now", which goes on to Home. */
export async function declinePlan(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Plan the programme' }).waitFor();
  await page.getByRole('link', { name: 'Not now' }).click();
}

/** Options for waitForServiceWorker(). */
export interface ServiceWorkerOptions {
  /** How long to wait for the app to register a worker, and for it to activate (default 20 s). */
  timeout?: number;
  /**
   * If the app has registered no worker within 5 s, register `sw.js` (next to the page) from the test.
   * Only for tests of the worker itself; default false, which waits `timeout` and fails instead.
   */
  registerFallback?: boolean;
  /** How many reloads to try before the page is controlled (default 3). */
  maxReloads?: number;
}

/**
 * Waits until `navigator.serviceWorker.ready` resolves and the page is controlled, reloading as needed
 * (with registerType 'prompt' the visit that installs the worker is not controlled by it).
 */
export async function waitForServiceWorker(page: Page, options: ServiceWorkerOptions = {}): Promise<void> {
  const timeout = options.timeout ?? 20_000;
  const readyWithin = (ms: number) =>
    page.evaluate(async (limit) => {
      const timer = new Promise<null>((done) => setTimeout(() => done(null), limit));
      const registration = await Promise.race([navigator.serviceWorker.ready, timer]);
      return registration ? { active: registration.active?.state ?? null } : null;
    }, ms);

  let ready = await readyWithin(options.registerFallback ? Math.min(timeout, 5_000) : timeout);
  if (!ready && options.registerFallback) {
    await page.evaluate(() => navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href));
    ready = await readyWithin(timeout);
  }
  if (!ready) throw new Error(`waitForServiceWorker: no service worker became ready within ${timeout} ms`);

  const maxReloads = options.maxReloads ?? 3;
  for (let reloads = 0; ; reloads++) {
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (controlled) return;
    if (reloads >= maxReloads) break;
    await page.reload();
    await readyWithin(timeout);
  }
  throw new Error(
    `waitForServiceWorker: page not controlled by the service worker after ${maxReloads} reloads`,
  );
}

/** Waits until the active service worker has kept its start page (public/start-routes.js). */
export async function waitForStartPageKept(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    async () => Boolean(await (await caches.open('mj-start-page')).match('./')),
    undefined,
    {
      timeout,
    },
  );
}

/**
 * Reopens the app at `url` in a new page, as after a while away: the context's other pages closed and
 * its service worker stopped first. Returns the page, once navigated, and where the browser took the
 * page from (`workerMatchedSourceType`: 'cache' when a static route answered it without the worker).
 */
export async function reopenWithWorkerStopped(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; source: string | undefined }> {
  const page = await context.newPage();
  for (const other of context.pages()) if (other !== page) await other.close();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.goto(url);
  const source = await page.evaluate(
    () =>
      (
        performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & {
          workerMatchedSourceType?: string;
        }
      ).workerMatchedSourceType,
  );
  return { page, source };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and throws a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length === 0) {
    if (results.passes.length === 0) throw new Error(`axe checked nothing on ${label}: did it run?`);
    return;
  }
  const lines = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `      ${n.target.map(String).join(' ')}`).join('\n');
    return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${targets}`;
  });
  throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------
// Chrome DevTools Protocol

/** One reason Chromium would not offer to install the app. */
export interface InstallabilityError {
  errorId: string;
  errorArguments: { name: string; value: string }[];
}

/** Chromium's reasons the page is not installable as an app (CDP Page.getInstallabilityErrors); [] if it is. */
export async function getInstallabilityErrors(page: Page): Promise<InstallabilityError[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Kills the page's renderer as if the tab crashed or was killed (CDP Page.crash) and waits for the crash.
 * The Page is dead afterwards: open a new one in the same context to "come back".
 */
export async function crashPage(page: Page): Promise<void> {
  const crashed = page.waitForEvent('crash', { timeout: 10_000 }).catch(() => undefined);
  const cdp = await page.context().newCDPSession(page);
  // The command never answers: the renderer is gone before it can.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

// Chromium drops a quota override when the DevTools session that set it detaches: keep one per page.
const quotaSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Sets the storage quota of the page's origin (or `origin`) to `bytes` (CDP Storage.overrideQuotaForOrigin);
 * `null` restores the default. Navigate first: the origin is taken from the page. The override holds while
 * the page is open. Note navigator.storage.estimate() keeps reporting Chromium's fixed figure; writes
 * (IndexedDB, Cache Storage) beyond the quota fail with QuotaExceededError.
 */
export async function overrideQuota(page: Page, bytes: number | null, origin?: string): Promise<void> {
  let session = quotaSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    quotaSessions.set(page, session);
  }
  await (await session).send('Storage.overrideQuotaForOrigin', {
    origin: origin ?? new URL(page.url()).origin,
    ...(bytes === null ? {} : { quotaSize: bytes }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Builds

const execFileAsync = promisify(execFile);
const builds = new Map<string, Promise<string>>();

/** An id for this `npm run test:e2e` run, from the global setup (so builds are reused across files). */
function runId(): string {
  return inject('e2eRunId') ?? `pid-${process.pid}`;
}

/**
 * Builds the app with `npx vite build` into `outDir` (relative to the repo root; OUT_DIR) with extra env
 * such as `{ APP_VERSION: '9.9.9' }`, once per test run, and returns the folder's absolute path.
 */
export function build(outDir: string, env: Record<string, string> = {}): Promise<string> {
  const key = JSON.stringify([outDir, env]);
  let pending = builds.get(key);
  if (!pending) {
    pending = runBuild(outDir, env);
    builds.set(key, pending);
    pending.catch(() => builds.delete(key));
  }
  return pending;
}

async function runBuild(outDir: string, env: Record<string, string>): Promise<string> {
  const dir = resolve(ROOT, outDir);
  // The stamp lives outside the build, so it is neither served nor precached.
  const stampDir = join(ROOT, '.tmp', 'e2e-builds');
  const stampFile = join(stampDir, `${outDir.replace(/[^\w.-]+/g, '_')}.json`);
  const stamp = JSON.stringify({ runId: runId(), env });
  if (
    existsSync(join(dir, 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp
  ) {
    return dir;
  }
  try {
    await execFileAsync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ...env, OUT_DIR: outDir },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`build(${outDir}) failed:\n${stdout}\n${stderr}`);
  }
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stampFile, stamp);
  return dir;
}
