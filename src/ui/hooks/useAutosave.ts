import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Patch, repo } from '../../db';
import type { KindName } from '../../model/kind';
import type { RecordFor } from '../../model/kinds';
import { announce, announceError } from '../components/status';
import { registerPendingSave } from './pendingSaves';
import { useLive } from './useLive';

/** Milliseconds after the last change before it is written. */
export const AUTOSAVE_DELAY_MS = 250;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Edits one record with autosave: `set(field, value)` shows the value at once and writes it
 * AUTOSAVE_DELAY_MS after the last change — and at once when the page is hidden or closed, the
 * form unmounts, or the app is about to reload for an update. No Save button is needed.
 */
export function useAutosave<K extends KindName>(kind: K, id: string | undefined) {
  const stored = useLive(() => repo(kind).liveOne(id ?? ''), [kind, id]);
  const patch = useRef<Patch<K>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [draft, setDraft] = useState<Patch<K>>({});
  const [state, setState] = useState<SaveState>('idle');

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const changes = patch.current;
    if (!id || Object.keys(changes).length === 0) return;
    patch.current = {};
    setState('saving');
    try {
      await repo(kind).update(id, changes);
      setState('saved');
      announce('Saved');
    } catch (error) {
      // Keep what was typed on screen and queued, so the next change or flush tries again.
      patch.current = { ...changes, ...patch.current };
      setState('error');
      announceError(error);
    }
  }, [kind, id]);

  useEffect(() => {
    const unregister = registerPendingSave(flush);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  const set = useCallback(
    <F extends keyof Patch<K>>(field: F, value: Patch<K>[F]) => {
      patch.current = { ...patch.current, [field]: value };
      setDraft((d) => ({ ...d, [field]: value }));
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // What the form shows: the stored record with this session's unsaved changes on top.
  const record = stored ? ({ ...stored, ...draft } as RecordFor<K>) : undefined;
  return { record, loaded: stored !== undefined, set, flush, state };
}
