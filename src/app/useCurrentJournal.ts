import { type JournalsOnDevice, liveJournalsOnDevice } from '../db';
import { useLive } from '../ui/hooks/useLive';

/** Device state the shell needs, kept live: every journal on this device and the current one. */
export function useShellState(): JournalsOnDevice | undefined {
  return useLive(() => liveJournalsOnDevice(), []);
}
