import { cleanup, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { MentoringDb, setDb } from '../../db';
import { createJournal } from '../../db/journals';
import { exportPairFile } from '../../sync/exportFile';
import {
  type LaunchParams,
  type LaunchQueue,
  listenForLaunchedFiles,
  SHARE_CACHE,
  SHARED_FILE_KEY,
  takeSharedFile,
} from './incomingFile';
import { OpenFileScreen } from './OpenFileScreen';

const dbs: MentoringDb[] = [];
afterEach(async () => {
  cleanup();
  setDb(undefined);
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(): MentoringDb {
  const db = new MentoringDb(`open-file-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** A launch queue as the browser has it, which the test fires like the system would. */
function fakeLaunchQueue() {
  let consumer: ((params: LaunchParams) => void) | undefined;
  const queue: LaunchQueue = { setConsumer: (c) => (consumer = c) };
  return {
    queue,
    launch: (files: File[]) => consumer?.({ files: files.map((f) => ({ getFile: async () => f })) }),
  };
}

async function partnersPairFile(): Promise<File> {
  const mentor = device();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Zofia Łukasiewicz', mentorName: 'Sam Reid' },
    mentor,
  );
  const { name, text } = await exportPairFile(journal.id, { db: mentor });
  return new File([text], name, { type: 'application/json' });
}

function showOpenScreen() {
  history.replaceState(null, '', '/open');
  render(
    <LocationProvider>
      <OpenFileScreen />
    </LocationProvider>,
  );
}

describe('a file launched from the system ("Open with → Mentoring Journal")', () => {
  it('goes to /open and lands in the import preview for that file, nothing imported yet', async () => {
    const file = await partnersPairFile();
    setDb(device());
    const { queue, launch } = fakeLaunchQueue();
    let shown = 0;
    expect(listenForLaunchedFiles(() => shown++, queue)).toBe(true);
    showOpenScreen();
    launch([file]);

    const preview = await screen.findByRole('region', { name: 'Before importing: what this file holds' });
    expect(shown).toBe(1);
    expect(screen.getByText(file.name).tagName).toBe('STRONG');
    expect(preview.textContent).toMatch(/A pair file for the journal of Zofia Łukasiewicz & Sam Reid/);
    expect(within(preview).getByRole('button', { name: 'Add as a new journal on this device' })).toBeTruthy();
  });

  it('says plainly when the JSON file is not one of ours', async () => {
    setDb(device());
    const { queue, launch } = fakeLaunchQueue();
    listenForLaunchedFiles(() => undefined, queue);
    showOpenScreen();
    launch([new File(['{"name":"a shopping list"}'], 'list.json', { type: 'application/json' })]);
    expect((await screen.findByRole('alert')).textContent).toMatch(/This is not a Mentoring Journal file/);
  });

  it('where the browser has no launch queue, the app says how to open the file instead', () => {
    setDb(device());
    expect(listenForLaunchedFiles(() => undefined, undefined)).toBe(false);
    showOpenScreen();
    expect(screen.getByText('How to open a file from your partner')).toBeTruthy();
    expect(
      screen.getByText(/In this browser the app cannot be chosen to open files: save the .json file/),
    ).toBeTruthy();
    expect(screen.getByLabelText('Choose a file to import')).toBeTruthy();
  });
});

describe('a file the service worker kept from a share', () => {
  /** Cache Storage with one cache, as the service worker leaves it. */
  function fakeCaches(kept?: Response) {
    const entries = new Map<string, Response>(kept ? [[SHARED_FILE_KEY, kept]] : []);
    const cache = {
      match: async (key: string) => entries.get(key),
      delete: async (key: string) => entries.delete(key),
    };
    const opened: string[] = [];
    const storage = {
      open: async (name: string) => {
        opened.push(name);
        return cache;
      },
    } as unknown as CacheStorage;
    return { storage, opened, entries };
  }

  it('is taken once, with its name, and removed from the cache', async () => {
    const { storage, opened, entries } = fakeCaches(
      new Response('{"format":"x"}', {
        headers: {
          'Content-Type': 'application/json',
          'X-File-Name': encodeURIComponent('Zofia’s file.json'),
        },
      }),
    );
    const found = await takeSharedFile('1', storage);
    expect(opened).toEqual([SHARE_CACHE]);
    expect('file' in found && found.file.name).toBe('Zofia’s file.json');
    expect('file' in found && (await found.file.text())).toBe('{"format":"x"}');
    expect(entries.size).toBe(0);
    expect(await takeSharedFile('1', storage)).toEqual({ problem: 'none-kept' });
  });

  it('says why there is none: nothing shared, or the share could not be kept', async () => {
    const { storage } = fakeCaches();
    expect(await takeSharedFile('none', storage)).toEqual({ problem: 'no-file' });
    expect(await takeSharedFile('failed', storage)).toEqual({ problem: 'failed' });
    expect(await takeSharedFile('1', undefined)).toEqual({ problem: 'no-storage' });
  });
});
