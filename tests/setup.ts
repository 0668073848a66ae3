import 'fake-indexeddb/auto';

// jsdom's Blob cannot be stored by fake-indexeddb's structured clone; Node's can.
globalThis.Blob = (await import('node:buffer')).Blob as unknown as typeof Blob;
