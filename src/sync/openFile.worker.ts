/**
 * Opens a file off the page's thread (see `openFileOffThread`): the same `openFile`, its journal ids
 * posted as soon as the envelope is checked so the page can read this device's revisions meanwhile;
 * the page answers with them, and records this device has as they are stay here.
 */

import type { DeviceRevs } from '../model/rev';
import { FileRefusedError } from './fileError';
import { openFile } from './openFile';
import type { FromWorker, ToWorker } from './openFileOffThread';

const post = (message: FromWorker) => postMessage(message);

/** The page's answers with this device's revisions, by file. */
const waiting = new Map<number, (revs?: DeviceRevs) => void>();

addEventListener('message', async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'device') {
    waiting.get(message.id)?.(message.revs);
    waiting.delete(message.id);
    return;
  }
  const { id, input, passphrase } = message;
  try {
    const file = await openFile(input, passphrase, {
      journalIds: (ids) =>
        new Promise<DeviceRevs | undefined>((resolve) => {
          waiting.set(id, resolve);
          post({ id, type: 'journalIds', ids });
        }),
      carrying: (what) => post({ id, type: 'carrying', what }),
    });
    post({ id, type: 'opened', file });
  } catch (error) {
    const refused = error instanceof FileRefusedError ? error.fault : undefined;
    post({ id, type: 'failed', refused, message: (error as Error)?.message ?? String(error) });
  } finally {
    waiting.delete(id);
  }
});
