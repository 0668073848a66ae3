/**
 * What the first screen needs, without Dexie in the first load. Each read model is read at once
 * over plain IndexedDB (readers.ts) — so the shell and Home show their data while Dexie is still
 * loading — and then followed by the same read model as a Dexie live query, which keeps it up to
 * date. Dexie (about two thirds of the app's JavaScript) loads in parallel with the first paint.
 */
import { currentDbName } from './dbName';
import { hasIndexes, openExisting, type Reader, rawReader } from './readers';
import {
  HOME_READS,
  type HomeFacts,
  type JournalsOnDevice,
  readHome,
  readKeptHome,
  readShell,
  SHELL_READS,
} from './readModels';

export type { HomeFacts, JournalOnDevice, JournalsOnDevice, MeetingLine } from './readModels';

/** What `useLive` subscribes to: Dexie's observables fit it, and so do the ones made here. */
export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): {
    unsubscribe(): void;
  };
}

let live: Promise<typeof import('./liveReadModels')> | undefined;

/** Starts loading Dexie and the live read models (once); screens that follow need them anyway. */
export function loadLiveReadModels(): Promise<typeof import('./liveReadModels')> {
  live ??= import('./liveReadModels');
  return live;
}

/**
 * Reads a read model over plain IndexedDB; `undefined` when it cannot (no database yet, an older
 * version without the indexes, no IndexedDB): the live query then gives the first value.
 */
async function readRaw<T>(
  needs: Readonly<Record<string, readonly string[]>>,
  read: (reader: ReturnType<typeof rawReader>) => Promise<T>,
  connection?: Promise<IDBDatabase | undefined>,
): Promise<T | undefined> {
  const db = await (connection ?? openExisting(currentDbName()));
  if (!db) return undefined;
  try {
    if (!hasIndexes(db, needs)) return undefined;
    return await read(rawReader(db, Object.keys(needs)));
  } finally {
    // A shared connection is closed by whoever opened it.
    if (!connection) db.close();
  }
}

/**
 * The first value from `first` (a direct read), then every value of the live query `follow`, which
 * starts once the direct read is done — so loading Dexie never delays the first paint. A direct read
 * that fails is ignored: the live query then gives the first value.
 */
export function firstThenLive<T>(
  first: () => Promise<T | undefined>,
  follow: () => Promise<Subscribable<T>>,
): Subscribable<T> {
  return {
    subscribe(observer) {
      let closed = false;
      let subscription: { unsubscribe(): void } | undefined;
      const startFollowing = () => {
        if (closed) return;
        follow().then(
          (observable) => {
            if (closed) return;
            subscription = observable.subscribe({
              next: (value) => observer.next(value),
              error: (error) => observer.error?.(error),
            });
          },
          (error) => observer.error?.(error),
        );
      };
      first().then((value) => {
        if (!closed && value !== undefined) observer.next(value);
        startFollowing();
      }, startFollowing);
      return {
        unsubscribe() {
          closed = true;
          subscription?.unsubscribe();
        },
      };
    },
  };
}

/** Direct reads started before the first render (see `startFirstReads`), taken by the first subscriber. */
let primedShell: Promise<JournalsOnDevice | undefined> | undefined;
let primedHome: Promise<{ key: string; facts: HomeFacts | undefined } | undefined> | undefined;
/** Home's primed facts once read, until a subscriber takes them: Home's first render shows them. */
let heldHome: { key: string; facts: HomeFacts | undefined } | undefined;

const homeKey = (journalId: string, today: string) => `${journalId}|${today}`;

/** Home's facts as kept at the last visit when nothing changed since, else read afresh. */
async function readHomeOrKept(reader: Reader, journalId: string, today: string): Promise<HomeFacts> {
  return (await readKeptHome(reader, journalId, today)) ?? readHome(reader, journalId, today);
}

function readHomeRaw(journalId: string, today: string): Promise<HomeFacts | undefined> {
  return readRaw(HOME_READS, (reader) => readHomeOrKept(reader, journalId, today));
}

/**
 * Starts the cold start's reads before anything renders: the shell's and — when the app opens on
 * Home — Home's facts as kept at the last visit (readKeptHome), in the same transaction; when
 * something has changed since, Home is read afresh right after. The screens then find them under
 * way, or done, instead of starting them after their first render.
 */
export function startFirstReads(opensHome: boolean, today: string): void {
  // One connection for both reads (opening one costs more than a read), closed when they are done.
  const connection = openExisting(currentDbName()).catch(() => undefined);
  // A direct read that fails only means the live query gives the first value: never an error here.
  const first = readRaw(
    SHELL_READS,
    async (reader) => {
      const shell = await readShell(reader);
      const journalId = shell.current?.journalId;
      const kept = opensHome && journalId ? await readKeptHome(reader, journalId, today) : undefined;
      return { shell, kept };
    },
    connection,
  ).catch(() => undefined);
  primedShell = first.then((read) => read?.shell);
  primedHome = undefined;
  heldHome = undefined;
  if (opensHome) {
    primedHome = first.then(async (read) => {
      const journalId = read?.shell.current?.journalId;
      if (!journalId) return undefined;
      const facts =
        read.kept ??
        (await readRaw(HOME_READS, (r) => readHome(r, journalId, today), connection).catch(() => undefined));
      heldHome = { key: homeKey(journalId, today), facts };
      return heldHome;
    });
  }
  const done = primedHome ?? primedShell;
  const close = () => connection.then((db) => db?.close());
  done.then(close, close);
}

function shellFirst(): Promise<JournalsOnDevice | undefined> {
  const primed = primedShell;
  primedShell = undefined;
  return primed ?? readRaw(SHELL_READS, readShell);
}

function homeFirst(journalId: string, today: string): Promise<HomeFacts | undefined> {
  const primed = primedHome;
  primedHome = undefined;
  heldHome = undefined;
  if (!primed) return readHomeRaw(journalId, today);
  const key = homeKey(journalId, today);
  return primed.then((read) => (read?.key === key ? read.facts : readHomeRaw(journalId, today)));
}

/** The journals on this device and the current one, kept live. */
export function liveShellState(): Subscribable<JournalsOnDevice> {
  return firstThenLive(shellFirst, async () => (await loadLiveReadModels()).liveShell());
}

/**
 * What Home shows for a journal today, kept live. On a cold start whose direct read is already done
 * it holds that result (`hasValue`/`getValue`, which `useLive` reads), so Home's first render shows
 * it instead of waiting a round trip for the subscription to deliver it.
 */
export function liveHomeFacts(
  journalId: string,
  today: string,
): Subscribable<HomeFacts> & { hasValue(): boolean; getValue(): HomeFacts | undefined } {
  const held = () => (heldHome?.key === homeKey(journalId, today) ? heldHome.facts : undefined);
  return {
    ...firstThenLive(
      () => homeFirst(journalId, today),
      async () => (await loadLiveReadModels()).liveHome(journalId, today),
    ),
    hasValue: () => held() !== undefined,
    getValue: held,
  };
}
