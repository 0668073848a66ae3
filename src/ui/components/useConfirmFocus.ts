import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps keyboard focus in place around an inline "Delete …? Yes / Keep it" question: when the
 * question opens, focus goes to "Keep it" (the safe answer; the question is its description);
 * when it closes without deleting, focus goes back to the button that asked.
 */
export function useConfirmFocus(confirming: boolean) {
  const askRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (confirming ? keepRef : askRef).current?.focus();
  }, [confirming]);
  return { askRef, keepRef };
}

/** Focuses the screen's heading: where to land when the thing that had focus is gone. */
export function focusScreenHeading() {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (!h1) return;
  if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
  h1.focus();
}
