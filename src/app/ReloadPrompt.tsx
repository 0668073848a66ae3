import { useRegisterSW } from 'virtual:pwa-register/preact';
import { flushPendingSaves } from '../ui/hooks/pendingSaves';

/**
 * The page side of the service worker: says when the app is ready offline, and when a new
 * version is waiting. The new version is applied only when the person chooses Reload, after every
 * pending save is written.
 */
export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  const reload = async () => {
    await flushPendingSaves();
    await updateServiceWorker(true);
  };

  return (
    <div class="update-bar-region" role="status" aria-live="polite">
      {needRefresh && (
        <div class="update-bar">
          <span>A new version is ready.</span>
          <button type="button" class="primary" onClick={reload}>
            Reload
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      )}
      {offlineReady && !needRefresh && (
        <div class="update-bar">
          <span>Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </div>
      )}
    </div>
  );
}
