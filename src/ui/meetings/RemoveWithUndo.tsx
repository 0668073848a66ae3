import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { ActionItem, AgendaItem } from '../../model/meeting';

type ItemKind = 'agendaItem' | 'actionItem';
type Item = AgendaItem | ActionItem;

/** The last item removed from a list, kept so that Undo brings back the same record. */
interface Removed {
  kind: ItemKind;
  record: Item;
  name: string;
}

/** Where the "Removed … — Undo" line stands: nothing yet, a removal that can be undone, or an error. */
type Notice = { removed: Removed } | { error: string } | { restored: string } | undefined;

const NAMES: Record<ItemKind, string> = { agendaItem: 'untitled point', actionItem: 'untitled action' };

/** The id of an item's Remove button, so focus can move to the next one. */
export const removeButtonId = (id: string) => `remove-${id}`;

/**
 * Removing agenda points or action items with Undo. `remove(kind, id)` deletes the item at once and
 * moves focus to the next item's Remove button (or, after the last one, to the add field inside
 * the section around `list`), so keyboard and screen-reader users stay in the list; the line from `<RemovedNotice>`
 * then says what went and offers Undo, which restores the same record and puts focus back on it.
 */
export function useRemoveWithUndo(list: RefObject<HTMLElement | null>) {
  const [notice, setNotice] = useState<Notice>();
  const focusAfterRestore = useRef<string | undefined>(undefined);

  // The restored row comes back through the live query: focus its Remove button once it is there.
  useEffect(() => {
    const id = focusAfterRestore.current;
    if (!id) return;
    const button = document.getElementById(removeButtonId(id));
    if (button) {
      focusAfterRestore.current = undefined;
      button.focus();
    }
  });

  async function remove(kind: ItemKind, id: string) {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('[data-remove]') ?? [])];
    const at = buttons.findIndex((b) => b.id === removeButtonId(id));
    const around = list.current?.closest('section, .step-body') ?? list.current;
    const next = buttons[at + 1] ?? around?.querySelector<HTMLElement>('form.add-item input[name="text"]');
    try {
      const record = await repo(kind).get(id);
      if (!record || record.deleted) return;
      await repo(kind).remove(id);
      setNotice({ removed: { kind, record, name: record.text?.trim() || NAMES[kind] } });
      next?.focus();
    } catch (error) {
      setNotice({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function undo() {
    if (!notice || !('removed' in notice)) return;
    const { kind, record, name } = notice.removed;
    try {
      await repo(kind).restore(record.id, record as never);
      focusAfterRestore.current = record.id;
      setNotice({ restored: name });
    } catch (error) {
      setNotice({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  return { notice, remove, undo };
}

/**
 * "Removed “Budget” — Undo": a line in the flow of the page under the list (it covers nothing and
 * is never covered), read out politely. It stays until the next removal or Undo.
 */
export function RemovedNotice({
  notice,
  onUndo,
  what,
}: {
  notice: Notice;
  onUndo: () => void;
  /** "from the agenda" / "from the action items" */
  what: string;
}) {
  return (
    <div class="removed-notice" role="status">
      {notice && 'removed' in notice && (
        <p>
          <span>
            Removed “{notice.removed.name}” {what} —
          </span>{' '}
          <button type="button" aria-label={`Undo: bring back “${notice.removed.name}”`} onClick={onUndo}>
            Undo
          </button>
        </p>
      )}
      {notice && 'restored' in notice && <p>“{notice.restored}” is back.</p>}
      {notice && 'error' in notice && <p class="field-error">{notice.error}</p>}
    </div>
  );
}
