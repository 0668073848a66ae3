import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type StatusMessage, useStatus } from '../ui/components/status';

/** How long "Saved" and other passing messages stay on screen. */
const INFO_MS = 4000;

/**
 * The message shown now, and a way to hide it. An error belongs to the screen it was made on: it is
 * not shown once the person has moved to another screen.
 */
function useShownStatus(path: string): { shown?: StatusMessage; hide: () => void } {
  const status = useStatus();
  const [hiddenSeq, setHiddenSeq] = useState(0);
  const madeAt = useRef<{ seq: number; path: string }>({ seq: 0, path });
  if (status && status.seq !== madeAt.current.seq) madeAt.current = { seq: status.seq, path };
  useEffect(() => {
    if (status?.tone === 'error' || !status) return;
    const timer = setTimeout(() => setHiddenSeq(status.seq), INFO_MS);
    return () => clearTimeout(timer);
  }, [status?.seq]);
  const current = status && status.seq !== hiddenSeq ? status : undefined;
  const stale = current?.tone === 'error' && madeAt.current.path !== path;
  // Once left behind, an error stays hidden: coming back to its screen does not bring it back.
  useEffect(() => {
    if (stale && status) setHiddenSeq(status.seq);
  }, [stale]);
  return { shown: stale ? undefined : current, hide: () => status && setHiddenSeq(status.seq) };
}

/**
 * The app-wide live region for passing messages ("Saved", "Goal added"): read by screen readers and
 * never shown. What sighted people see of a message lies in the page's flow — beside the control
 * that did it (`useSaid`) or at the top of the screen it opened (`ArrivalNote`) — so that no
 * message ever lies over a control.
 */
export function PassingStatus({ path = '' }: { path?: string }) {
  const { shown } = useShownStatus(path);
  const text = shown && shown.tone !== 'error' ? shown.text : '';
  return (
    <div class="status visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}

// Arriving messages the person has reached and then left: not shown again.
const reached = new Set<number>();
const left = new Set<number>();

/**
 * An arriving message ("Goal deleted. Its milestones are kept."), shown in the page's flow at the top
 * of the screen it was meant for, until the person leaves that screen. It is plain text: the live
 * region has read it already.
 */
export function ArrivalNote({ path }: { path: string }) {
  const status = useStatus();
  const arriving = status?.tone === 'arriving' ? status : undefined;
  if (arriving && path === arriving.at) reached.add(arriving.seq);
  else if (arriving && reached.has(arriving.seq)) left.add(arriving.seq);
  if (!arriving || path !== arriving.at || left.has(arriving.seq)) return null;
  return <p class="arrival-note">{arriving.text}</p>;
}

/**
 * Errors that belong to no one field (the database closed, no room left): a bar in the page's flow,
 * above the header, so it covers nothing. It stays until dismissed, replaced, or the person moves to
 * another screen; a new error is scrolled into view unless the person is typing.
 */
export function ErrorBar({ path = '' }: { path?: string }) {
  const { shown, hide } = useShownStatus(path);
  const error = shown?.tone === 'error' ? shown.text : '';
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Brought into view, unless the person is typing: the page never jumps away from their words.
    const typing = document.activeElement?.matches('input, textarea, select, [contenteditable]');
    if (error && !typing) bar.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown?.seq]);
  return (
    <div ref={bar} class={error ? 'error-bar shown' : 'error-bar'}>
      <div class="error-text" role="alert">
        {error}
      </div>
      {error && (
        <button type="button" onClick={hide}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** PassingStatus and ErrorBar for where the current path is known from the router. */
export function RoutedStatus({ part }: { part: 'passing' | 'error' }) {
  const { path } = useLocation();
  return part === 'passing' ? <PassingStatus path={path} /> : <ErrorBar path={path} />;
}
