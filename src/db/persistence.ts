/**
 * Asks the browser to keep this site's storage for good (`navigator.storage.persist()`), once per
 * page, at the first real save — not on first load, when nothing is worth keeping yet. Chromium
 * grants it silently to an installed or well-used app and never prompts; Firefox may ask the person.
 * Whatever the answer, nothing else changes: Home says when storage is not persistent.
 */
let asked = false;

export function askToKeepStorageOnce(): void {
  if (asked) return;
  asked = true;
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return;
  storage
    .persisted()
    .then((kept) => (kept ? true : storage.persist()))
    .catch(() => false);
}
