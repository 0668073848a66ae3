import { useEffect, useState } from 'preact/hooks';

/**
 * A message for the status region: polite ones ("Saved"), quiet ones (read by screen readers only,
 * where the screen already shows the same thing, e.g. its own "✓ Saved") or assertive ones (errors).
 */
export interface StatusMessage {
  text: string;
  tone: 'info' | 'quiet' | 'error';
  /** Increases with every message so the same text is announced again. */
  seq: number;
}

let current: StatusMessage | undefined;
let seq = 0;
const listeners = new Set<(message: StatusMessage | undefined) => void>();

/** Announces a message to everyone, screen readers included (the shell renders it in an aria-live region). */
export function announce(text: string, tone: StatusMessage['tone'] = 'info') {
  seq += 1;
  current = { text, tone, seq };
  for (const listener of listeners) listener(current);
}

/** Announces an error's message, in plain words. */
export function announceError(error: unknown) {
  announce(error instanceof Error ? error.message : String(error), 'error');
}

/** Clears the current message. */
export function clearStatus() {
  current = undefined;
  for (const listener of listeners) listener(current);
}

/** The latest status message. */
export function useStatus(): StatusMessage | undefined {
  const [message, setMessage] = useState(current);
  useEffect(() => {
    listeners.add(setMessage);
    return () => {
      listeners.delete(setMessage);
    };
  }, []);
  return message;
}
