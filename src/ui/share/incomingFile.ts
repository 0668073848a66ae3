/**
 * Files that reach the app from the system rather than from its own file picker, handed to the
 * import preview at /open (OpenFileScreen):
 *
 * - a file launch (manifest `file_handlers`: "Open with → Mentoring Journal" or a double-click on a
 *   desktop where the app is installed) arrives through `window.launchQueue`;
 * - a share (manifest `share_target`: Android's "Share → Mentoring Journal") is answered by the
 *   service worker (public/share-target.js), which keeps the file in Cache Storage and redirects to
 *   /open?shared=1; the page takes it from there.
 *
 * Small and free of the import code: the shell loads it with the first load to hear launches.
 */

/** Where a file from the system is opened. */
export const OPEN_PATH = '/open';

/** The cache and key the service worker keeps a shared file under (public/share-target.js). */
export const SHARE_CACHE = 'mj-shared-files';
export const SHARED_FILE_KEY = '/shared-file';

/** What the browser hands a launched app (File Handling API); only what we read. */
export interface LaunchParams {
  files?: readonly { getFile(): Promise<File> }[];
}
export interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

let handed: File | undefined;
const listeners = new Set<() => void>();

/** Leaves a file for the import preview to open (and tells a preview already showing). */
export function handOpenedFile(file: File): void {
  handed = file;
  for (const listener of listeners) listener();
}

/** Takes the file left for the import preview (once), if any. */
export function takeOpenedFile(): File | undefined {
  const file = handed;
  handed = undefined;
  return file;
}

/** Calls `listener` whenever a file is handed over; returns the unsubscribe. */
export function onOpenedFile(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Hears file launches: each launch's first file is handed to the import preview and `show` is
 * called to go there. The browser keeps a launch until a consumer is set, so setting it after the
 * first render loses nothing. Returns false where the browser has no launch queue.
 */
export function listenForLaunchedFiles(
  show: () => void,
  queue: LaunchQueue | undefined = (globalThis as { launchQueue?: LaunchQueue }).launchQueue,
): boolean {
  if (!queue) return false;
  queue.setConsumer((params) => {
    const first = params.files?.[0];
    if (!first) return;
    void first.getFile().then(
      (file) => {
        handOpenedFile(file);
        show();
      },
      () => undefined,
    );
  });
  return true;
}

/** What the page found of a shared file: the file (and how many were shared), or why there is none. */
export type SharedFile =
  | { file: File; count: number }
  | { problem: 'none-kept' | 'no-file' | 'failed' | 'no-storage' };

/**
 * Takes the file the service worker kept from a share (once: it is removed from the cache), or
 * says why there is none. `shared` is the `shared` parameter the worker put on /open.
 */
export async function takeSharedFile(
  shared: string | undefined,
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<SharedFile> {
  if (shared === 'none') return { problem: 'no-file' };
  if (shared === 'failed') return { problem: 'failed' };
  if (!storage) return { problem: 'no-storage' };
  const cache = await storage.open(SHARE_CACHE);
  const response = await cache.match(SHARED_FILE_KEY);
  if (!response) return { problem: 'none-kept' };
  const bytes = await response.arrayBuffer();
  const type = response.headers.get('Content-Type') || 'application/json';
  const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared-file.json');
  const count = Number(response.headers.get('X-File-Count') ?? '1') || 1;
  await cache.delete(SHARED_FILE_KEY);
  return { file: new File([bytes], name, { type }), count };
}

/** What this browser can do to open a file from outside the app, for the words that say how. */
export interface OpeningSupport {
  /** The installed app can be chosen under "Open with" (File Handling API). */
  fileLaunch: boolean;
  /** A phone or tablet: sharing to the installed app is how files usually reach it. */
  touch: boolean;
}

/** This browser's support for opening files from the system. */
export function openingSupport(win: Window = window): OpeningSupport {
  return {
    fileLaunch: 'launchQueue' in win,
    touch: typeof win.matchMedia === 'function' && win.matchMedia('(pointer: coarse)').matches,
  };
}
