// In-page instrument of `npm run bench`, added to every page before the app's own scripts
// (Playwright addInitScript). Every figure is timed here, with performance.now() and event time
// stamps, so no Playwright round trip is counted: the bench only starts an action and reads the
// result from window.__bench.
//
// The end of a wait is "the first animation frame after the DOM shows it": a MutationObserver
// (with a 50 ms poll as a safety net) sees the condition become true, and the time is taken in the
// next requestAnimationFrame callback, the frame that paints it.
(() => {
  if (window.__bench) return;

  const state = {
    /** timeStamp of every keydown (the last one starts "last key → …" figures). */
    keys: [],
    /** timeStamp of the last change event on a file input ("file chosen"). */
    fileChosenAt: undefined,
    /** Files handed to the browser as downloads: name, size and when the link was clicked. */
    downloads: [],
    /** When the app's Home first showed its data (cold start), and the load event's frame. */
    homeAt: undefined,
    liveHomeAt: undefined,
    loadAt: undefined,
  };
  const blobSizes = new Map();
  const downloadWaiters = [];

  addEventListener('keydown', (event) => state.keys.push(event.timeStamp), true);
  addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') {
        state.fileChosenAt = event.timeStamp;
      }
    },
    true,
  );

  // A download is an object URL clicked on a link with `download` (src/report/download.ts,
  // src/sync/exportFile.ts deliverFile): note the blob's size and the moment of the click.
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    const url = createObjectURL(object);
    if (object && typeof object.size === 'number') blobSizes.set(url, object.size);
    return url;
  };
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function click() {
    if (this.download) {
      const entry = { name: this.download, size: blobSizes.get(this.href) ?? null, at: performance.now() };
      state.downloads.push(entry);
      for (const resolve of downloadWaiters.splice(0)) resolve(entry);
    }
    return anchorClick.call(this);
  };

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const main = () => document.getElementById('main');
  const heading = () => main()?.querySelector('h1')?.textContent?.trim();
  /** A part of the screen that says it is still loading (aria-busy="true"), should a screen mark one. */
  const busy = () => !!main()?.querySelector('[aria-busy="true"]');

  /** Resolves with { at, value } in the frame after check() first returns a truthy value. */
  function when(check, label, timeout = 180_000) {
    return new Promise((resolve, reject) => {
      let done = false;
      let observer;
      let timer;
      let limit;
      const stop = () => {
        done = true;
        observer?.disconnect();
        clearInterval(timer);
        clearTimeout(limit);
      };
      const test = () => {
        if (done) return;
        if (heading() === 'This screen could not be shown') {
          stop();
          reject(new Error(`${label}: the app says “This screen could not be shown”`));
          return;
        }
        let value;
        try {
          value = check();
        } catch {
          value = false;
        }
        if (!value) return;
        stop();
        requestAnimationFrame(() => resolve({ at: performance.now(), value }));
      };
      observer = new MutationObserver(test);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      timer = setInterval(test, 50);
      limit = setTimeout(() => {
        if (done) return;
        stop();
        reject(new Error(`timed out after ${timeout} ms waiting for ${label}`));
      }, timeout);
      test();
    });
  }

  /** Whether the section under the level-2 heading starting with `title` lists at least one item. */
  function sectionHasItems(title) {
    const h2 = [...(main()?.querySelectorAll('h2') ?? [])].find((h) =>
      h.textContent.trim().startsWith(title),
    );
    return !!h2?.closest('section')?.querySelector('li');
  }

  /** Home in `m`: its heading, no placeholder left, its links to meetings, nothing aria-busy. */
  function homeIn(m) {
    return (
      !!m &&
      m.querySelector('h1')?.textContent?.trim() === 'Home' &&
      !m.querySelector('[aria-busy="true"]') &&
      !/Loading|…/.test(m.textContent) &&
      !!m.querySelector('a[href^="/meetings/"]')
    );
  }

  /**
   * What "shown" means per screen. Lists: the screen's heading and at least one item of the list
   * (a card linking to a story or meeting, a milestone on the timeline, a milestone of the goal).
   * Home: its heading, no "Loading…" or "…" placeholder left, and its items (links to meetings:
   * the next meeting and the open action items). None of them while a part is aria-busy.
   */
  const screens = {
    home: () => homeIn(main()),
    // Home drawn by the app itself (not the kept Home index.html shows while the app loads).
    liveHome: () => homeIn(document.querySelector('#app:not([hidden]) #main')),
    stories: () => heading() === 'Stories' && !busy() && !!main().querySelector('li a[href^="/stories/"]'),
    meetings: () => heading() === 'Meetings' && !busy() && !!main().querySelector('li a[href^="/meetings/"]'),
    milestones: () => heading() === 'Milestones' && !busy() && !!main().querySelector('li'),
    goal: (title) => heading() === title && !busy() && sectionHasItems('Milestones'),
    heading: (title) => heading() === title,
    summary: () => heading() === 'Committee summary' && !!main().querySelector('#summary-preview'),
    storyEditor: () => !!main()?.querySelector('textarea[name="result"]'),
    searchBox: () => !!main()?.querySelector('input[type="search"]'),
  };

  /** The preview of an import, an error, or nothing yet. */
  function importPreview() {
    const m = main();
    if (!m) return false;
    const alert = m.querySelector('[role="alert"]')?.textContent?.trim();
    if (alert) return { refused: alert };
    const button = [...m.querySelectorAll('button')].find((b) =>
      /^(Import|Restore this backup|Join this journal|Add as a new journal)/.test(b.textContent.trim()),
    );
    if (!button) return false;
    const total = [...m.querySelectorAll('p')].find((p) => p.textContent.trim().startsWith('In all'));
    return { button: button.textContent.trim(), total: total?.textContent.trim() ?? '' };
  }

  function importDone() {
    const m = main();
    if (!m) return false;
    const alert = m.querySelector('[role="alert"]')?.textContent?.trim();
    if (alert) return { refused: alert };
    const done = [...m.querySelectorAll('p')].find((p) =>
      /^(Merged into|Backup restored|Journal added)/.test(p.textContent.trim()),
    );
    return done ? { done: done.textContent.trim() } : false;
  }

  function findButton(pattern) {
    const re = new RegExp(pattern);
    const button = [...(main()?.querySelectorAll('button') ?? [])].find((b) => re.test(b.textContent.trim()));
    if (!button) throw new Error(`no button matching ${pattern} on “${heading()}”`);
    return button;
  }

  let armed;
  let armedComplete;

  window.__bench = {
    state,
    frame,

    /** Waits for a screen (see `screens`) and returns when it was shown. */
    async shown(screen, arg, timeout) {
      const { at } = await when(() => screens[screen](arg), screen, timeout);
      return at;
    },

    /**
     * Client-side navigation as a tap on a link does (preact-iso routes every same-origin link):
     * from the click to the frame after `screen` is shown, in ms.
     */
    async go(path, screen, arg, timeout) {
      if (location.pathname === path) throw new Error(`already on ${path}`);
      const link = document.createElement('a');
      link.href = path;
      link.hidden = true;
      document.body.append(link);
      const started = performance.now();
      link.click();
      link.remove();
      const { at } = await when(() => screens[screen](arg), `${screen} at ${path}`, timeout);
      return at - started;
    },

    /** Resolves once nothing in the page has changed for `quietMs` (at most `maxMs`). */
    settle(quietMs = 150, maxMs = 15_000) {
      return new Promise((resolve) => {
        const started = performance.now();
        let last = started;
        const observer = new MutationObserver(() => {
          last = performance.now();
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        const tick = () => {
          const now = performance.now();
          if (now - last >= quietMs || now - started > maxMs) {
            observer.disconnect();
            resolve(now - started);
          } else setTimeout(tick, 25);
        };
        setTimeout(tick, 25);
      });
    },

    /**
     * Before typing a search: watches for the first answer to `query` ("N results for “query”", or
     * "Nothing found yet" while the journal is still being indexed) and for the complete one (every
     * record searched: the count's region no longer busy).
     */
    armSearch(query, timeout) {
      const wanted = `“${query.trim()}”`;
      const answer = (complete) => {
        for (const live of main()?.querySelectorAll('[aria-live]') ?? []) {
          const text = live.textContent.trim();
          if (!text.includes(wanted) || text.startsWith('Searching')) continue;
          if (complete && live.getAttribute('aria-busy') !== 'false') continue;
          return { text, hits: main().querySelectorAll('li a').length };
        }
        return false;
      };
      armed = when(() => answer(false), `results for ${wanted}`, timeout);
      armed.catch(() => undefined);
      armedComplete = when(() => answer(true), `every record searched for ${wanted}`, timeout);
      armedComplete.catch(() => undefined);
    },

    /** After typing: ms from the last key to the first answer, and what it said. */
    async searched() {
      const { at, value } = await armed;
      return { ms: at - state.keys[state.keys.length - 1], ...value };
    },

    /** After typing: ms from the last key to the answer over the whole journal, and what it said. */
    async searchedAll() {
      const { at, value } = await armedComplete;
      return { ms: at - state.keys[state.keys.length - 1], ...value };
    },

    /** Before typing in the story editor: polls IndexedDB until the story's `field` ends with `suffix`. */
    armAutosave(storyId, field, suffix, timeout = 30_000) {
      armed = new Promise((resolve, reject) => {
        const request = indexedDB.open('mentoring-journal');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const started = performance.now();
          const poll = () => {
            const get = db.transaction('stories', 'readonly').objectStore('stories').get(storyId);
            get.onsuccess = () => {
              const value = get.result?.[field];
              if (typeof value === 'string' && value.endsWith(suffix)) {
                const at = performance.now();
                db.close();
                resolve({ at });
              } else if (performance.now() - started > timeout) {
                db.close();
                reject(new Error('autosave: the text never reached IndexedDB'));
              } else setTimeout(poll, 4);
            };
            get.onerror = () => setTimeout(poll, 4);
          };
          poll();
        };
      });
      armed.catch(() => undefined);
    },

    /** After typing: ms from the last key to the text in IndexedDB. */
    async autosaved() {
      const { at } = await armed;
      return { ms: at - state.keys[state.keys.length - 1] };
    },

    /** Before choosing a file: watches for the import preview (or a refusal). */
    armPreview(timeout) {
      state.fileChosenAt = undefined;
      armed = when(importPreview, 'the import preview', timeout);
      armed.catch(() => undefined);
    },

    /** After choosing the file: ms from the file chosen (its change event) to the preview shown. */
    async previewed() {
      const { at, value } = await armed;
      return { ms: at - state.fileChosenAt, ...value };
    },

    /** Before choosing summaries in the cohort view: watches for its table to show `rows` rows. */
    armCohort(rows, timeout) {
      state.fileChosenAt = undefined;
      armed = when(
        () => {
          const m = main();
          if (m?.querySelector('[role="alert"]'))
            return { refused: m.querySelector('[role="alert"]').textContent };
          return m?.querySelectorAll('.cohort-table tbody tr').length === rows;
        },
        `the cohort table with ${rows} rows`,
        timeout,
      );
      armed.catch(() => undefined);
    },

    /** After choosing them: ms from the files chosen (the input's change event) to the table shown. */
    async cohortOpened() {
      const { at, value } = await armed;
      if (value?.refused) throw new Error(`the cohort view refused the files: ${value.refused}`);
      return { ms: at - state.fileChosenAt };
    },

    /** Presses the preview's import button: ms from the click to "Merged into…" (or a refusal). */
    async apply(timeout) {
      const button = findButton('^(Import|Restore this backup|Join this journal|Add as a new journal)');
      const started = performance.now();
      button.click();
      const { at, value } = await when(importDone, 'the import to finish', timeout);
      return { ms: at - started, ...value };
    },

    /** Presses a button that makes a file: ms from the click to the file handed over, and its size. */
    async download(pattern, timeout = 300_000) {
      const button = findButton(pattern);
      const next = new Promise((resolve, reject) => {
        downloadWaiters.push(resolve);
        setTimeout(() => reject(new Error(`no file from “${pattern}” within ${timeout} ms`)), timeout);
      });
      const started = performance.now();
      button.click();
      const entry = await next;
      return { ms: entry.at - started, bytes: entry.size, name: entry.name };
    },

    /**
     * The import's floor: the same records put with Dexie's bulkPut, in one transaction, into a
     * scratch database of the same tables, in this page (file fetched and parsed first, untimed).
     */
    async bulkPut(fileUrl, tables) {
      const { Dexie } = await import('/__bench/dexie.mjs');
      const file = await (await fetch(fileUrl)).json();
      const rows = new Map();
      for (const record of file.payload.records) {
        const table = tables[record.kind].table;
        if (!rows.has(table)) rows.set(table, []);
        rows.get(table).push(record);
      }
      await Dexie.delete('bench-scratch');
      const db = new Dexie('bench-scratch');
      db.version(1).stores(Object.fromEntries(Object.values(tables).map((t) => [t.table, t.indexes])));
      await db.open();
      const started = performance.now();
      await db.transaction('rw', db.tables, () =>
        Promise.all([...rows].map(([table, list]) => db.table(table).bulkPut(list))),
      );
      const ms = performance.now() - started;
      db.close();
      await Dexie.delete('bench-scratch');
      return { ms, records: file.payload.records.length };
    },
  };

  addEventListener('load', () => requestAnimationFrame(() => (state.loadAt = performance.now())));
  // Cold start: the app's Home, watched from the very start of the page.
  if (location.pathname === '/') {
    when(screens.home, 'Home', 120_000).then(
      ({ at }) => {
        state.homeAt = at;
      },
      () => undefined,
    );
    when(screens.liveHome, 'the app’s own Home', 120_000).then(
      ({ at }) => {
        state.liveHomeAt = at;
      },
      () => undefined,
    );
  }
})();
