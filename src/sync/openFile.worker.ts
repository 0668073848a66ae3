/**
 * Opens a file off the page's thread (see `openFileOffThread`): the same `openFile`, its journal ids
 * posted as soon as the envelope is checked so the page can start reading this device meanwhile.
 */
import { FileRefusedError } from './fileError';
import { openFile } from './openFile';
import type { FromWorker, ToWorker } from './openFileOffThread';

const post = (message: FromWorker) => postMessage(message);

addEventListener('message', async (event: MessageEvent<ToWorker>) => {
  const { id, input, passphrase } = event.data;
  try {
    const file = await openFile(input, passphrase, {
      journalIds: (ids) => post({ id, type: 'journalIds', ids }),
    });
    post({ id, type: 'opened', file });
  } catch (error) {
    const refused = error instanceof FileRefusedError ? error.fault : undefined;
    post({ id, type: 'failed', refused, message: (error as Error)?.message ?? String(error) });
  }
});
