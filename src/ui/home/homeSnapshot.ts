import { HOME_SNAPSHOT_KEY, type HomeSnapshot, SNAPSHOT_ID } from '../../db/homeSnapshot';

export { SNAPSHOT_ID };

/** What a kept Home must not carry: messages of the moment, bars that ask for a decision. */
const TRANSIENT = '.arrival-note, .update-bar, .error-bar, .skip-link';

/**
 * Keeps Home as drawn now, for the next cold start (db/homeSnapshot.ts). Only the parts that stay
 * true until one of Home's tables changes: no message, no open menu. A select keeps its choice as
 * markup (its value lives in a property that markup does not carry).
 *
 * `drawn`: Home drawn off screen while another screen is shown (`app/keepHomeWhenHidden.tsx`); it
 * takes the place of that screen in the kept markup, and the navigation marks Home as current.
 */
export function keepHomeSnapshot(journalId: string, today: string, drawn?: Element): void {
  const root = document.getElementById('app');
  if (!root || root.hidden || (!drawn && location.pathname !== '/')) return;
  const copy = root.cloneNode(true) as HTMLElement;
  if (drawn) {
    const main = copy.querySelector('#main');
    if (!main) return;
    main.replaceChildren(...[...drawn.childNodes].map((node) => node.cloneNode(true)));
    copy.querySelector('.shell')?.classList.remove('in-meeting-mode');
    for (const link of copy.querySelectorAll('a[aria-current]')) link.removeAttribute('aria-current');
    copy.querySelector('.app-nav a[href="/"]')?.setAttribute('aria-current', 'page');
  }
  for (const element of copy.querySelectorAll(TRANSIENT)) element.remove();
  for (const element of copy.querySelectorAll('[role="status"], [role="alert"]')) element.textContent = '';
  for (const details of copy.querySelectorAll('details[open]')) details.removeAttribute('open');
  const live = root.querySelectorAll('select');
  copy.querySelectorAll('select').forEach((select, i) => {
    for (const option of select.options) option.toggleAttribute('selected', option.value === live[i]?.value);
  });
  const snapshot: HomeSnapshot = { build: __BUILD_ID__, journalId, today, html: copy.innerHTML };
  try {
    localStorage.setItem(HOME_SNAPSHOT_KEY, JSON.stringify(snapshot));
  } catch {
    // Storage full or blocked: the next start reads Home as it always could.
  }
}

/** The app's own screen takes over from the kept Home, in the same frame. */
export function revealLiveApp(): void {
  const root = document.getElementById('app');
  if (root?.hidden) root.hidden = false;
  document.getElementById(SNAPSHOT_ID)?.remove();
}

const bulkListeners = new Set<() => void>();

/** Says that Home changed in bulk (an import): the app keeps it again for the next start. */
export function homeChangedInBulk(): void {
  for (const listener of bulkListeners) listener();
}

/** Listens for `homeChangedInBulk`; returns the function that stops listening. */
export function onHomeChangedInBulk(listener: () => void): () => void {
  bulkListeners.add(listener);
  return () => bulkListeners.delete(listener);
}
