import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useState } from 'preact/hooks';
import { announce, announceError } from '../ui/components/status';
import { flushPendingSaves } from '../ui/hooks/pendingSaves';

/** How often an open app asks the server whether a new version exists (when online). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * The page side of the service worker: says once when the app is ready offline, and shows a bar
 * when a new version is waiting. The new version is applied only when the person chooses Reload,
 * after every pending save is written; the page reloads when the new worker takes control.
 */
export function ReloadPrompt() {
  const [reloading, setReloading] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onOfflineReady: () => announce('Ready to work offline.'),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      // Whatever is still waiting for its autosave is written before the page goes away.
      await flushPendingSaves();
      await updateServiceWorker(true);
    } catch (error) {
      setReloading(false);
      announceError(error);
    }
  };

  return (
    <div class="update-bar-region" role="status" aria-live="polite">
      {needRefresh && (
        <div class="update-bar">
          <span>A new version is ready — Reload to use it. What you typed is saved first.</span>
          <button type="button" class="primary" onClick={reload} disabled={reloading}>
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)} disabled={reloading}>
            Later
          </button>
        </div>
      )}
    </div>
  );
}
