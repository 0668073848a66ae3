/**
 * Home as it was last drawn, kept in localStorage so that a cold start can show it while the app's
 * code loads: index.html's first script (vite.config.ts, `homeSnapshotScript`) puts it on screen,
 * inert, before any module has run, and the app takes over as soon as its own Home has drawn
 * (ui/home/homeSnapshot.ts). localStorage, not IndexedDB, because only it can be read at once.
 *
 * It is valid for one build, one day and the page at `/`, and it is dropped by every write that
 * could change what Home shows — the same writes that move Home's marker (lastWrite.ts) — and by
 * any change to the journals on this device or to the current one. So it never shows what is no
 * longer true; at worst it is missing and the start reads Home as before.
 */

/** The localStorage key of the kept Home. */
export const HOME_SNAPSHOT_KEY = 'mentoring-journal:home-snapshot';

/** The id of the element index.html's first script puts the kept Home in, before the app's root. */
export const SNAPSHOT_ID = 'home-snapshot';

/** What is kept: the markup of the app's root, and what it is valid for. */
export interface HomeSnapshot {
  build: string;
  journalId: string;
  today: string;
  html: string;
}

/** The kept Home, if any (whatever it is valid for). */
export function readHomeSnapshot(): HomeSnapshot | undefined {
  try {
    const text = globalThis.localStorage?.getItem(HOME_SNAPSHOT_KEY);
    return text ? (JSON.parse(text) as HomeSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** How many times the kept Home was dropped, here or by another tab, since this page loaded. */
let drops = 0;

/**
 * The count of drops so far. A Home drawn from facts read before a drop must not be kept: the
 * facts that include the write are on their way. Home notes the count when its facts arrive and
 * keeps itself only if it is unchanged (ui/home/HomeScreen.tsx).
 */
export const homeSnapshotDrops = (): number => drops;

// Another tab's write drops it too: this tab hears of it through the storage event.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key === HOME_SNAPSHOT_KEY || event.key === null) drops += 1;
});

/** Forgets the kept Home (storage blocked or full: nothing to forget). */
export function dropHomeSnapshot(): void {
  drops += 1;
  try {
    globalThis.localStorage?.removeItem(HOME_SNAPSHOT_KEY);
  } catch {
    // no storage, no snapshot
  }
}

/**
 * Device-table keys whose change changes Home: the current journal, the memberships (last backup,
 * last export, the journals in the switcher) and the count of imports and undos.
 */
export function localKeyChangesHome(key: unknown): boolean {
  return (
    typeof key === 'string' &&
    (key === 'currentJournalId' || key === 'importChanges' || key.startsWith('membership:'))
  );
}
