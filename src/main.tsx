import { render } from 'preact';
import { App } from './app/App';
import { startFirstReads } from './db/firstLoad';
import { today } from './ui/components/labels';
import './app/global.css';

// Preact's warnings about misused hooks and props, in development only (never in the production build).
if (import.meta.env.DEV) await import('preact/debug');

// The cold start's IndexedDB reads begin now, before the first render, in parallel with it.
startFirstReads(location.pathname === '/', today());

render(<App />, document.getElementById('app')!);
