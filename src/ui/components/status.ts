import { useEffect, useState } from 'preact/hooks';

/**
 * A message for the app-wide live region, which screen readers hear and nobody sees:
 * - `info` ("Saved", "Goal added"): read politely. What sighted people see of it lies beside the
 *   control that did it (`useSaid`), or it is the screen itself changing.
 * - `arriving` ("Goal deleted. Its milestones are kept."): read, and shown in the page's flow at the
 *   top of the screen at `at` — the screen the action opens — until the person leaves that screen.
 * - `error`: read at once, and shown in the error bar above the header.
 * No message floats over the screen, so none can cover a control.
 */
export interface StatusMessage {
  text: string;
  tone: 'info' | 'arriving' | 'error';
  /** Increases with every message so the same text is announced again. */
  seq: number;
  /** For an arriving message: the path of the screen it is shown on. */
  at?: string;
}

let current: StatusMessage | undefined;
let seq = 0;
const listeners = new Set<(message: StatusMessage | undefined) => void>();

function publish(message: StatusMessage | undefined) {
  current = message;
  for (const listener of listeners) listener(current);
}

/** Announces a message to screen readers (the shell renders it in an aria-live region). */
export function announce(text: string, tone: 'info' | 'error' = 'info') {
  seq += 1;
  publish({ text, tone, seq });
}

/**
 * Announces a message and shows it at the top of the screen at `path` (by default the current one):
 * for an action that closes what it was done in, such as deleting a record and going back to its list.
 */
export function announceOnArrival(text: string, path = globalThis.location?.pathname ?? '/') {
  seq += 1;
  publish({ text, tone: 'arriving', seq, at: path });
}

/** Announces an error's message, in plain words. */
export function announceError(error: unknown) {
  announce(error instanceof Error ? error.message : String(error), 'error');
}

/** Clears the current message. */
export function clearStatus() {
  publish(undefined);
}

/** The latest status message. */
export function useStatus(): StatusMessage | undefined {
  const [message, setMessage] = useState(current);
  useEffect(() => {
    listeners.add(setMessage);
    // A message published between the first render and this effect is not missed.
    if (message !== current) setMessage(current);
    return () => {
      listeners.delete(setMessage);
    };
  }, []);
  return message;
}
