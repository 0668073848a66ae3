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

// ---------------------------------------------------------------------------------------------
// Write-ahead copy of unsaved changes. IndexedDB writes are asynchronous: a tab killed (or a page
// reloaded) inside the delay would lose the last keystrokes. So every change is also copied,
// synchronously, to localStorage, and the copy is removed once the change is in IndexedDB. The
// next time the record is opened (or its list is shown), a copy left behind is written.

const BACKUP_PREFIX = 'mentoring-journal:unsaved:';

interface Backup {
  kind: KindName;
  id: string;
  /** Fields with a value. */
  set: Record<string, unknown>;
  /** Fields cleared (JSON has no `undefined`). */
  cleared: string[];
}

function backupKey(kind: KindName, id: string) {
  return `${BACKUP_PREFIX}${kind}:${id}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked: autosave still works, without the copy
  }
}

function readBackup(key: string): Backup | undefined {
  try {
    const text = storage()?.getItem(key);
    return text ? (JSON.parse(text) as Backup) : undefined;
  } catch {
    return undefined;
  }
}

function writeBackup(kind: KindName, id: string, patch: Record<string, unknown>) {
  const key = backupKey(kind, id);
  const backup: Backup = { kind, id, set: {}, cleared: [] };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) backup.cleared.push(field);
    else backup.set[field] = value;
  }
  try {
    if (Object.keys(backup.set).length + backup.cleared.length === 0) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(backup));
  } catch {
    // Quota or blocked storage: the IndexedDB write is still on its way.
  }
}

function backupPatch(backup: Backup): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...backup.set };
  for (const field of backup.cleared) patch[field] = undefined;
  return patch;
}

/** Forgets every unsaved copy (e.g. when journals are deleted from this device). */
export function clearUnsavedCopies(): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(BACKUP_PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/**
 * Writes changes a closed or killed page left unsaved: for one record, for one kind, or for all.
 * A copy whose record no longer exists (or is deleted, or refuses it) is dropped. Returns how
 * many records were restored.
 */
export async function recoverUnsaved(kind?: KindName, id?: string): Promise<number> {
  const store = storage();
  if (!store) return 0;
  const prefix = kind ? (id ? backupKey(kind, id) : `${BACKUP_PREFIX}${kind}:`) : BACKUP_PREFIX;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  let restored = 0;
  for (const key of keys) {
    const backup = readBackup(key);
    try {
      if (backup && (await repo(backup.kind).get(backup.id))?.deleted === false) {
        await repo(backup.kind).update(backup.id, backupPatch(backup) as Patch<KindName>);
        restored += 1;
      }
    } catch {
      // An invalid copy cannot be written; keep what is stored.
    }
    store.removeItem(key);
  }
  return restored;
}

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
 *
 * With `options.showsState`, the screen shows `state` itself ("✓ Saved"): "Saved" is then read to
 * screen readers only, not shown a second time.
 */
export function useAutosave<K extends KindName>(
  kind: K,
  id: string | undefined,
  options: { create?: (changes: Patch<K>) => Promise<unknown> } = {},
) {
  const create = useRef(options.create);
  create.current = options.create;
  // null: the record does not exist; undefined: still loading.
  const stored = useLive(() => repo(kind).liveOne(id ?? ''), [kind, id]);
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
      writeBackup(kind, id, patch.current);
      setState('saved');
      announce('Saved');
    } catch (error) {
      // Keep what was typed on screen and queued, so the next change or flush tries again.
      patch.current = { ...changes, ...patch.current };
      setState('error');
      announceError(error);
    }
  }, [kind, id]);

  // A copy left by a page that died before its last save: write it now.
  useEffect(() => {
    if (!id) return;
    const backup = readBackup(backupKey(kind, id));
    if (!backup) return;
    void (async () => {
      try {
        if (create.current && !(await repo(kind).get(id))) {
          await create.current(backupPatch(backup) as Patch<K>);
          storage()?.removeItem(backupKey(kind, id));
        } else {
          await recoverUnsaved(kind, id);
        }
      } catch (error) {
        announceError(error);
      }
    })();
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
      if (id) writeBackup(kind, id, patch.current);
      if (latest.current) latest.current = { ...latest.current, [field]: value };
      setDraft((d) => ({ id, values: { ...(d.id === id ? d.values : {}), [field]: value } as Patch<K> }));
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, id, kind],
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
