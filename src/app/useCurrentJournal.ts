import { type JournalsOnDevice, liveShellState } from '../db/firstLoad';
import { useLive } from '../ui/hooks/useLive';

/**
 * Device state the shell needs, kept live: every journal on this device and the current one. Read
 * straight from IndexedDB for the first paint, then kept up to date once Dexie has loaded.
 */
export function useShellState(): JournalsOnDevice | undefined {
  return useLive(() => liveShellState(), []);
}
