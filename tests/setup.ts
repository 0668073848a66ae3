import 'fake-indexeddb/auto';

// jsdom's Blob cannot be stored by fake-indexeddb's structured clone; Node's can.
globalThis.Blob = (await import('node:buffer')).Blob as unknown as typeof Blob;

// findBy… and waitFor wait up to 1 s by default; whole screens over fake IndexedDB can take longer
// on a busy two-core machine. A longer wait only matters when something is slow — never when it is wrong.
const { configure } = await import('@testing-library/preact');
configure({ asyncUtilTimeout: 5000 });
