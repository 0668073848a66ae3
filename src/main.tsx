import { render } from 'preact';
import { App } from './app/App';
import { startFirstReads } from './db/firstLoad';
import { today } from './ui/components/labels';
import { revealLiveApp, SNAPSHOT_ID } from './ui/home/homeSnapshot';
import './app/global.css';

// Preact's warnings about misused hooks and props, in development only (never in the production build).
if (import.meta.env.DEV) await import('preact/debug');

/** The longest the kept Home stays on screen, inert, before the app's own screen replaces it. */
const SNAPSHOT_LIMIT_MS = 3000;

// The cold start's IndexedDB reads begin now, before the first render, in parallel with it.
startFirstReads(location.pathname === '/', today());

const draw = () => render(<App />, document.getElementById('app')!);
// With a kept Home on screen, it is painted first and the app draws in the next task: the pair sees
// their Home while the app's own is put together.
if (document.getElementById(SNAPSHOT_ID)) requestAnimationFrame(() => setTimeout(draw));
else draw();

// The kept Home (index.html's first script) gives way once the app's Home has drawn; should the
// app show something else first (first run, an error), it gives way anyway.
setTimeout(revealLiveApp, SNAPSHOT_LIMIT_MS);
