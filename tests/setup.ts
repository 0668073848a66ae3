import 'fake-indexeddb/auto';

// jsdom's Blob cannot be stored by fake-indexeddb's structured clone; Node's can.
globalThis.Blob = (await import('node:buffer')).Blob as unknown as typeof Blob;

// findBy… and waitFor wait up to 1 s by default; whole screens over fake IndexedDB can take longer
// on a busy two-core machine. A longer wait only matters when something is slow — never when it is wrong.
const { configure } = await import('@testing-library/preact');
configure({ asyncUtilTimeout: 5000 });

// Preact runs effects after the next frame: it asks for an animation frame and sets a 35 ms timer
// as a fallback, and whichever fires first cancels the other. At the end of a file jsdom is torn
// down, taking its frames and cancelAnimationFrame with it, but Node's timer still fires — and
// throws "cancelAnimationFrame is not defined" (seen on a busy machine, where no frame came within
// 35 ms). So each file ends by unmounting what is left and waiting for one frame: every frame
// asked for earlier has come by then, so Preact's pending pairs are settled before teardown.
const { afterAll } = await import('vitest');
afterAll(async () => {
  if (typeof requestAnimationFrame !== 'function') return;
  const { cleanup } = await import('@testing-library/preact');
  cleanup();
  await new Promise<void>((done) => requestAnimationFrame(() => done()));
});
