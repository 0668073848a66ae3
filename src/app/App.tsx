import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { getDb } from '../db';
import { switchJournal } from '../db/journals';
import { announce, useStatus } from '../ui/components/status';
import { FirstRun } from './FirstRun';
import { JournalContext } from './journalContext';
import { ReloadPrompt } from './ReloadPrompt';
import { SCREENS } from './routes';
import { journalTitle, useShellState } from './useCurrentJournal';
import { useOnline } from './useOnline';

/** The shell: journal switcher, search, navigation, status messages and the update bar. */
export function App() {
  const shell = useShellState();
  const online = useOnline();
  const [creating, setCreating] = useState(false);

  useEffect(() => getDb().onNotice((notice) => announce(notice.message, 'error')), []);

  if (!shell) return <StatusRegion />;
  const { current, journals } = shell;

  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {!current || creating ? (
        <FirstRun onCancel={current ? () => setCreating(false) : undefined} />
      ) : (
        <JournalContext.Provider value={current}>
          <header class="app-header">
            <label class="switcher">
              <span class="visually-hidden">Journal</span>
              <select
                value={current.journalId}
                onChange={async (e) => {
                  const value = e.currentTarget.value;
                  if (value === '__new') setCreating(true);
                  else await switchJournal(value);
                }}
              >
                {journals.map((j) => (
                  <option key={j.journalId} value={j.journalId}>
                    {journalTitle(j)}
                  </option>
                ))}
                <option value="__new">+ New journal…</option>
              </select>
            </label>
            {!online && <span class="offline-badge">Offline</span>}
            <a class="search-link" href="/search">
              Search
            </a>
          </header>
          <Nav />
          <main id="main" class="screen">
            <ErrorBoundary>
              <Router>
                {SCREENS.map((s) => (
                  <Route key={s.path} path={s.path} component={s.load} />
                ))}
                <Route default component={NotFound} />
              </Router>
            </ErrorBoundary>
          </main>
        </JournalContext.Provider>
      )}
      <StatusRegion />
      <ReloadPrompt />
    </LocationProvider>
  );
}

function Nav() {
  const bar = SCREENS.filter((s) => 'nav' in s && s.nav === 'bar');
  const more = SCREENS.filter((s) => 'nav' in s && s.nav === 'more');
  return (
    <nav class="app-nav" aria-label="Main">
      <ul>
        {bar.map((s) => (
          <li key={s.path}>
            <a href={s.path}>{s.name}</a>
          </li>
        ))}
        <li>
          <details class="more">
            <summary>More</summary>
            <ul>
              {more.map((s) => (
                <li key={s.path}>
                  <a href={s.path}>{s.name}</a>
                </li>
              ))}
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
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

/** Announces "Saved", errors and other status to screen readers and shows them briefly. */
function StatusRegion() {
  const status = useStatus();
  return (
    <>
      <div class="status" role="status" aria-live="polite">
        {status?.tone === 'info' ? status.text : ''}
      </div>
      <div class="status status-error" role="alert">
        {status?.tone === 'error' ? status.text : ''}
      </div>
    </>
  );
}
