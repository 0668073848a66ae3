/**
 * `openFile` in a Web Worker: decoding, the checksum, the safe parse and restoring every record run
 * on another core while the page reads this device's records for the merge, and the page stays
 * responsive with a large file. Where no worker can start (tests under jsdom, a browser that
 * refuses), the file is opened on the page's thread with the very same code and words.
 */

import type { DeviceRevs } from '../model/rev';
import { type FileFault, FileRefusedError } from './fileError';
import { type Carrying, type OpenedFile, type OpenNotify, openFile } from './openFile';

/** What the page asks the worker: a file to open, then (answering its journal ids) this device's revisions. */
export type ToWorker =
  | { id: number; type: 'open'; input: Uint8Array | string; passphrase?: string }
  | { id: number; type: 'device'; revs?: DeviceRevs };

/** What the worker answers: the file's journals first, then the opened file or why it was refused. */
export type FromWorker =
  | { id: number; type: 'journalIds'; ids: string[] }
  | { id: number; type: 'carrying'; what: Carrying }
  | { id: number; type: 'opened'; file: OpenedFile }
  | { id: number; type: 'failed'; refused?: FileFault; message: string };

/**
 * One worker, started ahead of the file (`startFileOpener`) so its code is loaded by then, and ended
 * once the file is open, so nothing of a large file stays in memory there.
 */
let worker: Worker | undefined;
let unavailable = false;
let pending = 0;
let next = 0;

function startWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  if (typeof Worker === 'undefined') {
    unavailable = true;
    return undefined;
  }
  try {
    worker = new Worker(new URL('./openFile.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    unavailable = true;
  }
  return worker;
}

/** Starts the worker now, so that choosing a file does not wait for its code. */
export function startFileOpener(): void {
  startWorker();
}

/** Ends the worker unless a file is being opened in it (the import flow closed); the next file starts another. */
export function stopFileOpener(): void {
  if (pending > 0) return;
  worker?.terminate();
  worker = undefined;
}

/** Opens a file as `openFile` does, off the page's thread where a worker can run. */
export function openFileOffThread(
  input: Uint8Array | string,
  passphrase?: string,
  notify: OpenNotify = {},
): Promise<OpenedFile> {
  const opener = startWorker();
  if (!opener) return openFile(input, passphrase, notify);
  const id = ++next;
  pending += 1;
  return new Promise<OpenedFile>((resolve, reject) => {
    const done = () => {
      opener.removeEventListener('message', onMessage);
      opener.removeEventListener('error', onError);
      pending -= 1;
      stopFileOpener();
    };
    const onMessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'journalIds') {
        // The worker waits for this device's revisions (none: it carries every record).
        const answer = (revs?: DeviceRevs) =>
          opener.postMessage({ id, type: 'device', revs } satisfies ToWorker);
        Promise.resolve(notify.journalIds?.(message.ids) ?? undefined).then(answer, () => answer());
        return;
      }
      if (message.type === 'carrying') {
        notify.carrying?.(message.what);
        return;
      }
      done();
      if (message.type === 'opened') resolve(message.file);
      else
        reject(
          message.refused
            ? new FileRefusedError(message.refused, message.message)
            : new Error(message.message),
        );
    };
    // The worker could not run (its script refused, say): this file and the next open on the page.
    const onError = (event: Event) => {
      event.preventDefault();
      unavailable = true;
      done();
      openFile(input, passphrase, notify).then(resolve, reject);
    };
    opener.addEventListener('message', onMessage);
    opener.addEventListener('error', onError);
    opener.postMessage({ id, type: 'open', input, passphrase } satisfies ToWorker);
  });
}
