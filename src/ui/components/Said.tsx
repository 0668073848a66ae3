import { useEffect, useRef, useState } from 'preact/hooks';

/** How long a passing word beside a control stays ("Added", "Saved to your downloads"). */
export const SAID_MS = 6000;

export interface Said {
  text: string;
  error?: boolean;
  seq: number;
}

/**
 * What the last press did, said beside the control that did it: in the page's flow, where it covers
 * nothing. `say` shows a passing message for a few seconds; an error (`sayError`) stays until the
 * next press.
 * The words are read by screen readers from the `<SaidHere>` live region, not from the app-wide one.
 */
export function useSaid(): [
  Said | undefined,
  (text: string, options?: { error?: boolean }) => void,
  (error: unknown) => void,
] {
  const [said, setSaid] = useState<Said>();
  const seq = useRef(0);
  useEffect(() => {
    if (!said || said.error) return;
    const timer = setTimeout(() => setSaid((now) => (now?.seq === said.seq ? undefined : now)), SAID_MS);
    return () => clearTimeout(timer);
  }, [said?.seq]);
  const say = (text: string, options: { error?: boolean } = {}) => {
    seq.current += 1;
    setSaid({ text, error: options.error, seq: seq.current });
  };
  // An error of the press, in plain words, beside the same button.
  const sayError = (error: unknown) =>
    say(error instanceof Error ? error.message : String(error), { error: true });
  return [said, say, sayError];
}

/** The live region of `useSaid`: always rendered, so its first message is announced too. */
export function SaidHere({ said }: { said: Said | undefined }) {
  return (
    <span class={said?.error ? 'said field-error' : 'said'} role="status">
      {said?.text}
    </span>
  );
}
