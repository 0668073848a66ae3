// The cold start without waiting for the service worker, run inside it: Workbox's generated sw.js
// loads this file with importScripts (vite.config.ts, workbox.importScripts).
//
// Reopening the app after a while finds its worker stopped, and every request of the first load
// waited for it to start (12–18 ms on this 2-core machine) before the worker answered from its cache anyway.
// With Chromium's Static Routing API (InstallEvent.addRoutes) the browser answers those requests
// from Cache Storage itself, only while the worker is not running; once it runs, its own fetch
// handler answers everything as before:
//   - the start page `/` (a navigation, no query) from cache `mj-start-page`, key `/`: the
//     index.html this worker precached, copied there when the worker is activated, because Workbox
//     keys index.html with its revision (`index.html?__WB_REVISION__=…`);
//   - `/assets/*` (hashed file names) from Workbox's precache, where they are keyed by their URL.
// A browser without the API ignores this file. The copy is made only once Workbox has removed the
// previous version's index.html, so the start page is always this worker's and its assets are there.
//
// Plain script, not a module: it runs before Workbox in a classic service worker.

const START_CACHE = 'mj-start-page';
const START_URL = new URL('./', self.registration.scope);
const PRECACHE = `workbox-precache-v2-${self.registration.scope}`;

self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  event.waitUntil(
    event
      .addRoutes([
        {
          condition: {
            urlPattern: { pathname: START_URL.pathname, search: '' },
            requestMode: 'navigate',
            runningStatus: 'not-running',
          },
          source: { cacheName: START_CACHE },
        },
        {
          condition: {
            urlPattern: { pathname: `${START_URL.pathname}assets/*` },
            runningStatus: 'not-running',
          },
          source: { cacheName: PRECACHE },
        },
      ])
      // Without the routes the worker answers every request itself, as it always did.
      .catch(() => undefined),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(keepStartPage());
});

/**
 * Copies this worker's index.html to the start page's cache. Workbox removes the previous version's
 * copy while this worker activates; until then there are two, and which is this worker's cannot be
 * told, so the copy waits (up to 10 s) for there to be one. Should it never be one, the start page
 * kept stays the previous version's, whose files are then still there too.
 */
async function keepStartPage() {
  const indexPath = new URL('index.html', START_URL).pathname;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const precache = await caches.open(PRECACHE);
    const copies = (await precache.keys()).filter((request) => new URL(request.url).pathname === indexPath);
    if (copies.length === 1) {
      const page = await precache.match(copies[0]);
      if (!page) return;
      const start = await caches.open(START_CACHE);
      await start.put(START_URL.href, page);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
