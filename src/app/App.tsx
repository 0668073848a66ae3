import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { journalTitle } from '../model/labels';
import { announce, announceError, announceOnArrival } from '../ui/components/status';
import { flushPendingSaves } from '../ui/hooks/pendingSaves';
import { type CurrentJournal, JournalContext } from '../ui/journalContext';
import { ReadOnlyWhenClosed } from '../ui/reviews/ReadOnlyWhenClosed';
import { listenForLaunchedFiles, OPEN_PATH } from '../ui/share/incomingFile';
import { keepHomeWhenHidden } from './keepHomeWhenHidden';
import { COHORT_PATH, SCREENS } from './routes';
import { ArrivalNote, ErrorBar, PassingStatus, RoutedStatus } from './StatusRegion';
import { useShellState } from './useCurrentJournal';
import { useOnline } from './useOnline';

// Loaded when needed, to keep the first load small: the setup form is seen once per journal, and the
// update bar only matters once the page is up.
const FirstRun = lazy(() => import('./FirstRun').then((m) => m.FirstRun));
const ReloadPrompt = lazy(() => import('./ReloadPrompt').then((m) => m.ReloadPrompt));
const OpenFileScreen = lazy(() => import('../ui/share/OpenFileScreen').then((m) => m.OpenFileScreen));

/** The switcher's value that opens the "Start a new journal" form instead of switching. */
const NEW_JOURNAL = '__new';

/** Meeting mode's route: on a phone the bottom bar gives its room to meeting mode's Back / Next. */
function isMeetingMode(path: string): boolean {
  return /^\/meetings\/[^/]+\/run$/.test(path);
}

/** How long after a journal opens its search index may be built ahead (when the page is idle). */
const PREPARE_SEARCH_AFTER_MS = 2000;

/** Runs `work` once the page is idle, `PREPARE_SEARCH_AFTER_MS` from now at the earliest; returns a cancel. */
function whenIdle(work: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: 5000 });
    else work();
  }, PREPARE_SEARCH_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

function prepareSearchOf(journalId: string) {
  // Failing here only means Search builds the index when it is opened.
  import('../ui/search/prepareSearch').then((m) => m.prepareSearch(journalId)).catch(() => undefined);
}

/** The shell: journal switcher, search, navigation, status messages and the update bar. */
export function App() {
  const shell = useShellState();
  const [creating, setCreating] = useState(false);
  const [closedNotice, setClosedNotice] = useState<string | undefined>(undefined);

  const ready = shell !== undefined;
  // Put away on another screen, the app keeps Home for the next start (keepHomeWhenHidden.tsx).
  const currentId = shell?.current?.journalId;
  useEffect(() => (currentId ? keepHomeWhenHidden(currentId) : undefined), [currentId]);
  // Once the app has been idle a moment, a journal of moderate size gets its search index built
  // ahead, so its first search has every record (ui/search/prepareSearch.ts).
  useEffect(() => (currentId ? whenIdle(() => prepareSearchOf(currentId)) : undefined), [currentId]);
  useEffect(() => {
    // Dexie loads after the first paint with data (see db/firstLoad.ts): its notices are listened
    // to from then on, so loading it never delays the cold start.
    if (!ready) return;
    let stop: (() => void) | undefined;
    let live = true;
    import('../db').then(({ getDb }) => {
      if (!live) return;
      stop = getDb().onNotice((notice) => {
        // The database closed for another tab's upgrade: nothing more can be saved here until a reload.
        if (notice.type === 'versionchange') setClosedNotice(notice.message);
        announce(notice.message, 'error');
      });
    }, announceError);
    return () => {
      live = false;
      stop?.();
    };
  }, [ready]);

  useEffect(() => {
    // A screen's promise that failed with nobody listening still gets a plain message.
    const onRejection = (event: PromiseRejectionEvent) => announceError(plainError(event.reason));
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);

  if (!shell)
    return (
      <>
        <ErrorBar />
        <PassingStatus />
      </>
    );
  const { current, journals } = shell;

  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {closedNotice && (
        <div class="update-bar closed-bar">
          <span>{closedNotice}</span>
          <button type="button" class="primary" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      )}
      <ErrorBoundary>
        <ReloadPrompt />
      </ErrorBoundary>
      <LaunchedFiles />
      <RoutedStatus part="error" />
      {!current || creating ? (
        <ErrorBoundary>
          <WithoutJournal
            cohortAllowed={!current}
            onCancel={current ? () => setCreating(false) : undefined}
          />
        </ErrorBoundary>
      ) : (
        <JournalContext.Provider value={current}>
          <Header current={current} journals={journals} onNewJournal={() => setCreating(true)} />
          <Shell />
        </JournalContext.Provider>
      )}
      <RoutedStatus part="passing" />
    </LocationProvider>
  );
}

/** Navigation and the current screen (in meeting mode on a phone, without the bottom bar). */
function Shell() {
  const { path } = useLocation();
  return (
    <div class={isMeetingMode(path) ? 'shell in-meeting-mode' : 'shell'}>
      <Nav />
      <main id="main" class="screen">
        <ArrivalNote path={path} />
        <ScreenBoundary>
          <ReadOnlyWhenClosed>
            <Router onRouteChange={focusScreenHeading}>
              {SCREENS.map((s) => (
                <Route key={s.path} path={s.path} component={s.load} />
              ))}
              <Route default component={NotFound} />
            </Router>
          </ReadOnlyWhenClosed>
        </ScreenBoundary>
      </main>
    </div>
  );
}

const CohortScreen = SCREENS.find((s) => s.path === COHORT_PATH)!.load;

/** Hears files the system opens with the app ("Open with", double-click) and shows them at /open. */
function LaunchedFiles() {
  const { route } = useLocation();
  useEffect(() => {
    listenForLaunchedFiles(() => route(OPEN_PATH));
  }, []);
  return null;
}

/**
 * With no journal on this device (or while starting one): the first-run form — or, at /cohort, the
 * cohort view, which a programme committee member uses without a journal of their own.
 */
function WithoutJournal({ cohortAllowed, onCancel }: { cohortAllowed: boolean; onCancel?: () => void }) {
  const { path, route } = useLocation();
  const shown = useRef(path);
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    // A summary opened while starting another journal (Join) goes to the shell's cohort view.
    if ((path === COHORT_PATH || path === OPEN_PATH) && !cohortAllowed) onCancel?.();
    else focusScreenHeading();
  }, [path]);
  if (path === OPEN_PATH && cohortAllowed) {
    // A partner's file opened from the system on a device with no journal yet: import it here, then
    // go to the journal it added.
    return (
      <main id="main" class="screen">
        <ScreenBoundary>
          <OpenFileScreen onDone={() => route('/')} />
        </ScreenBoundary>
      </main>
    );
  }
  if (!cohortAllowed || path !== COHORT_PATH) return <FirstRun onCancel={onCancel} />;
  return (
    <main id="main" class="screen">
      <ScreenBoundary>
        <CohortScreen />
      </ScreenBoundary>
    </main>
  );
}

function Header({
  current,
  journals,
  onNewJournal,
}: {
  current: CurrentJournal;
  journals: CurrentJournal[];
  onNewJournal: () => void;
}) {
  const online = useOnline();
  const { route, path } = useLocation();
  const header = useRef<HTMLElement>(null);
  useHeaderHeight(header);
  return (
    <header class="app-header" ref={header}>
      <label class="switcher">
        {/* A long title is cut short on screen (an ellipsis); its full name stays in the accessible name. */}
        <span class="visually-hidden">Current journal: {journalTitle(current)}</span>
        <select
          value={current.journalId}
          title={journalTitle(current)}
          onChange={async (e) => {
            const select = e.currentTarget;
            const value = select.value;
            if (value === NEW_JOURNAL) {
              select.value = current.journalId;
              onNewJournal();
              return;
            }
            // Whatever is being typed belongs to the journal we are leaving: write it first.
            await flushPendingSaves();
            const { device } = await import('../db');
            await device().setCurrentJournalId(value);
            const next = journals.find((j) => j.journalId === value);
            announceOnArrival(`Switched to ${next ? journalTitle(next) : 'another journal'}`, '/');
            if (path !== '/') route('/');
          }}
        >
          {journals.map((j) => (
            <option key={j.journalId} value={j.journalId}>
              {journalTitle(j)}
            </option>
          ))}
          <option value={NEW_JOURNAL}>+ Start a new journal…</option>
        </select>
      </label>
      <div class="header-tools">
        <span class="offline-status" role="status">
          {!online && <span class="offline-badge">Offline</span>}
        </span>
        <a class="search-link" href="/search" aria-current={path === '/search' ? 'page' : undefined}>
          Search
        </a>
      </div>
    </header>
  );
}

/**
 * Keeps the CSS variable --header-height equal to the header's height, which grows when a long
 * journal title pushes Search to a second line: fields reached with Tab stay clear of the header.
 */
function useHeaderHeight(header: { current: HTMLElement | null }) {
  useEffect(() => {
    const element = header.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--header-height', `${Math.ceil(element.getBoundingClientRect().height)}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--header-height');
    };
  }, [header]);
}

type Screen = (typeof SCREENS)[number];
const inBar = (s: Screen) => 'nav' in s && s.nav === 'bar';
const inMore = (s: Screen) => 'nav' in s && s.nav === 'more';

/** "page" for the screen itself, "true" for a screen inside its section (a goal under Goals). */
function currentness(linkPath: string, path: string): 'page' | 'true' | undefined {
  if (linkPath === path) return 'page';
  if (linkPath !== '/' && path.startsWith(`${linkPath}/`)) return 'true';
  return undefined;
}

/** The bottom bar's icons: one path each on a 24 px grid, drawn in the text's colour. */
const NAV_ICONS: Record<string, string> = {
  '/': 'M3 11 12 3l9 8M5.5 9.5V21h13V9.5M10 21v-6h4v6',
  '/goals':
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0 4a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z',
  '/meetings': 'M4 6h16v14H4ZM4 10h16M8 3v5M16 3v5',
  '/stories': 'M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3ZM5 17a3 3 0 0 1 3-3h11',
  more: 'M4.5 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0M10.5 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0M16.5 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0',
};

/** A navigation icon: decoration beside the word, hidden from screen readers. */
function NavIcon({ d }: { d: string | undefined }) {
  if (!d) return null;
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

/** One screen's link in the navigation, marked with aria-current when it is the current screen. */
function NavItem({ screen, path }: { screen: Screen; path: string }) {
  return (
    <li>
      <a href={screen.path} aria-current={currentness(screen.path, path)}>
        {inBar(screen) && <NavIcon d={NAV_ICONS[screen.path]} />}
        <span>{screen.name}</span>
      </a>
    </li>
  );
}

/**
 * The bottom bar on phones, a side rail on wide screens: four screens and "More". The More menu
 * closes after navigation, on Escape (focus back on More) and on a tap outside it.
 */
function Nav() {
  const { path } = useLocation();
  const more = useRef<HTMLDetailsElement>(null);
  const moreScreens = SCREENS.filter(inMore);
  const moreIsCurrent = moreScreens.some((s) => currentness(s.path, path));

  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    // On a phone the menu covers the screen: close it. In the side rail it stays open while one of
    // its screens is current, so the rail shows where we are.
    const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 900px)').matches;
    if (more.current) more.current.open = moreIsCurrent && wide;
  }, [path]);

  useEffect(() => {
    const closeOutside = (event: Event) => {
      const details = more.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('click', closeOutside);
    return () => document.removeEventListener('click', closeOutside);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const details = more.current;
    if (event.key === 'Escape' && details?.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  };

  return (
    <nav class="app-nav" aria-label="Main">
      <ul>
        {SCREENS.filter(inBar).map((s) => (
          <NavItem key={s.path} screen={s} path={path} />
        ))}
        <li>
          <details class="more" ref={more} onKeyDown={onKeyDown}>
            <summary class={moreIsCurrent ? 'has-current' : undefined}>
              <NavIcon d={NAV_ICONS.more} />
              <span>More</span>
            </summary>
            <ul>
              {moreScreens.map((s) => (
                <NavItem key={s.path} screen={s} path={path} />
              ))}
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}

/**
 * After navigation, moves focus to the new screen's heading so a screen reader reads where we are
 * (unless the screen has already put focus somewhere in itself, e.g. a new story's title).
 * Screens may show their h1 only once their data has loaded, so this waits briefly for it.
 */
function focusScreenHeading() {
  const started = performance.now();
  const tryFocus = () => {
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (main && active && active !== document.body && main.contains(active)) return;
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return;
    }
    if (performance.now() - started < 3000) requestAnimationFrame(tryFocus);
  };
  requestAnimationFrame(tryFocus);
}

/** An error as a person can read it; anything that is not an Error gets a generic sentence. */
function plainError(reason: unknown): unknown {
  if (reason instanceof Error && reason.message) return reason;
  return new Error('Something went wrong in the app. What was saved is kept; try again or reload the page.');
}

/** Catches a screen that failed to render, says so plainly, and tries again on the next navigation. */
function ScreenBoundary({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  return <Boundary path={path}>{children}</Boundary>;
}

class Boundary extends Component<
  { path: string; children: ComponentChildren },
  { error?: unknown; at?: string }
> {
  override componentDidUpdate(previous: { path: string }) {
    // Leaving the failed screen clears the failure, so coming back tries it afresh.
    if (previous.path !== this.props.path && this.state.error !== undefined)
      this.setState({ error: undefined });
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
    this.setState({ error, at: this.props.path });
  }

  override render() {
    const { error, at } = this.state;
    if (error === undefined || at !== this.props.path) return this.props.children;
    const message = error instanceof Error && error.message ? error.message : String(error);
    return (
      <>
        <h1>This screen could not be shown</h1>
        <p class="warning">{message}</p>
        <p>Your saved data is kept. Try another screen, or reload the page.</p>
        <div class="actions">
          <button type="button" class="primary" onClick={() => location.reload()}>
            Reload
          </button>
          <a class="button" href="/">
            Go to Home
          </a>
        </div>
      </>
    );
  }
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to Home</a>
      </p>
    </>
  );
}
