import { liveQuery } from 'dexie';
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
 *
 * `undo(field)` puts a field back as it was before its last run of changes (typing without a
 * pause longer than the delay counts as one change); undoing twice redoes. `canUndo(field)` says
 * whether there is anything to undo.
 *
 * With `options.create`, a record that does not exist yet is created by the first save (with the
 * changes so far), for records made on first edit; until then `values` holds what was typed.
 */
export function useAutosave<K extends KindName>(
  kind: K,
  id: string | undefined,
  options: { create?: (changes: Patch<K>) => Promise<unknown> } = {},
) {
  const create = useRef(options.create);
  create.current = options.create;
  // null: the record does not exist; undefined: still loading.
  const stored = useLive(
    () => liveQuery(async () => (id ? ((await repo(kind).get(id)) ?? null) : null)),
    [kind, id],
  );
  const patch = useRef<Patch<K>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // This session's changes, for the record they belong to (reset when the id changes).
  const [draft, setDraft] = useState<{ id: string | undefined; values: Patch<K> }>({ id, values: {} });
  const [state, setState] = useState<SaveState>('idle');
  // Per field: the value before its current (or last) run of changes, and whether a run is open.
  const undoValues = useRef<{ id: string | undefined; values: Record<string, unknown> }>({ id, values: {} });
  const openRuns = useRef(new Set<string>());
  const latest = useRef<RecordFor<K> | undefined>(undefined);
  const [, rerender] = useState(0);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    openRuns.current.clear();
    const changes = patch.current;
    if (!id || Object.keys(changes).length === 0) return;
    patch.current = {};
    setState('saving');
    try {
      if (create.current && !(await repo(kind).get(id))) await create.current(changes);
      else await repo(kind).update(id, changes);
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
      const name = field as string;
      if (undoValues.current.id !== id) undoValues.current = { id, values: {} };
      if (!openRuns.current.has(name)) {
        openRuns.current.add(name);
        undoValues.current.values[name] = (latest.current as Record<string, unknown> | undefined)?.[name];
        rerender((n) => n + 1);
      }
      patch.current = { ...patch.current, [field]: value };
      if (latest.current) latest.current = { ...latest.current, [field]: value };
      setDraft((d) => ({ id, values: { ...(d.id === id ? d.values : {}), [field]: value } as Patch<K> }));
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, id],
  );

  const canUndo = useCallback(
    (field: keyof Patch<K>) => undoValues.current.id === id && field in undoValues.current.values,
    [id],
  );

  const undo = useCallback(
    (field: keyof Patch<K>) => {
      if (!canUndo(field)) return;
      const name = field as string;
      const previous = undoValues.current.values[name];
      openRuns.current.delete(name);
      set(field, previous as Patch<K>[typeof field]);
      // The undo is a run of its own: undoing again puts back what was undone.
      openRuns.current.delete(name);
    },
    [canUndo, set],
  );

  // What the form shows: the stored record with this session's unsaved changes on top.
  const values: Patch<K> = draft.id === id ? draft.values : {};
  const record = stored ? ({ ...stored, ...values } as RecordFor<K>) : undefined;
  latest.current = record;
  return { record, values, loaded: !!stored, missing: stored === null, set, flush, state, undo, canUndo };
}
