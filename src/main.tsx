import { render } from 'preact';
import { App } from './app/App';
import './app/global.css';

// Preact's warnings about misused hooks and props, in development only (never in the production build).
if (import.meta.env.DEV) await import('preact/debug');

render(<App />, document.getElementById('app')!);
