import { useEffect, useRef, useState } from 'preact/hooks';
import { repo } from '../../db';
import { carryIntoMeeting, liveItemsToCarry, setActionDone } from '../../db/meetings';
import { ROLES, type Role } from '../../model/constants';
import type { ActionItem, AgendaItem } from '../../model/meeting';
import { CheckboxField, DateField, SelectField, TextArea, TextField } from '../components/fields';
import { formatDate, ROLE_LABELS, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announce, announceError } from '../components/status';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { byOrder, nextOrder } from './meetingActions';
import { RemovedNotice, removeButtonId, useRemoveWithUndo } from './RemoveWithUndo';

const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** The agenda items of a meeting, in order, live. */
export function useAgenda(journalId: string, meetingId: string): AgendaItem[] | undefined {
  const items = useLive(
    () => repo('agendaItem').live(journalId, { index: 'meetingId', equals: meetingId }),
    [journalId, meetingId],
  );
  return items && [...items].sort(byOrder);
}

/** The action items of a meeting, in order, live. */
export function useActionItems(journalId: string, meetingId: string): ActionItem[] | undefined {
  const items = useLive(
    () => repo('actionItem').live(journalId, { index: 'meetingId', equals: meetingId }),
    [journalId, meetingId],
  );
  return items && [...items].sort(byOrder);
}

/**
 * "2 items are still open from the meeting of 12 Mar 2026", with a button that brings them into this
 * meeting. Showing it writes nothing; the items are copied only when a person asks. Nothing is shown
 * when nothing is left to bring in.
 */
export function CarryNotice({ journalId, meetingId }: { journalId: string; meetingId: string }) {
  const pending = useLive(() => liveItemsToCarry(journalId, meetingId, today()), [journalId, meetingId]);
  const [busy, setBusy] = useState(false);
  const count = (pending?.agendaItems.length ?? 0) + (pending?.actionItems.length ?? 0);
  if (!pending?.from || count === 0) return null;
  const from = pending.from.date ? `the meeting of ${formatDate(pending.from.date)}` : 'the last meeting';
  const what = [
    pending.agendaItems.length > 0 && plural(pending.agendaItems.length, 'agenda point'),
    pending.actionItems.length > 0 && plural(pending.actionItems.length, 'open action item'),
  ]
    .filter(Boolean)
    .join(' and ');
  async function bringIn() {
    setBusy(true);
    try {
      const carried = await carryIntoMeeting(journalId, meetingId, today());
      announce(carried === 1 ? 'Brought in 1 item' : `Brought in ${carried} items`);
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="carry-notice">
      <p>
        Still open from {from}: {what}.
      </p>
      <button type="button" onClick={bringIn} disabled={busy}>
        Bring {count === 1 ? 'it' : 'them'} into this meeting
      </button>
    </div>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "Carried from 12 Mar 2026": where a carried item was first put on the list. */
export function CarriedFrom({ kind, fromId }: { kind: 'agendaItem' | 'actionItem'; fromId: string }) {
  const [date, setDate] = useState<string | null>();
  useEffect(() => {
    let live = true;
    (async () => {
      const source = await repo(kind).get(fromId);
      const meeting = source?.meetingId ? await repo('meeting').get(source.meetingId) : undefined;
      if (live) setDate(meeting?.date ?? null);
    })().catch(() => live && setDate(null));
    return () => {
      live = false;
    };
  }, [kind, fromId]);
  return (
    <span class="badge carried">
      {date ? `Carried from ${formatDate(date)}` : 'Carried from an earlier meeting'}
    </span>
  );
}

/** One agenda point, edited in place with autosave. */
function AgendaRow({
  item,
  index,
  count,
  onMove,
  onRemove,
}: {
  item: AgendaItem;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (id: string) => void;
}) {
  const { record, set, flush } = useAutosave('agendaItem', item.id);
  const shown = record ?? item;
  const name = shown.text?.trim() || 'untitled point';
  return (
    <li class="item-row">
      {shown.carriedFromId && <CarriedFrom kind="agendaItem" fromId={shown.carriedFromId} />}
      <TextField label={`Agenda point ${index + 1}`} value={shown.text} onInput={(v) => set('text', v)} />
      <div class="item-grid">
        <SelectField
          label="Raised by"
          value={shown.raisedBy}
          options={ROLE_OPTIONS}
          placeholder="Not said"
          onChange={(v) => set('raisedBy', (v || undefined) as Role | undefined)}
        />
        <CheckboxField label="Discussed" checked={shown.discussed} onChange={(v) => set('discussed', v)} />
      </div>
      <div class="actions">
        {index > 0 && (
          <button type="button" aria-label={`Move up: “${name}”`} onClick={() => onMove(index, index - 1)}>
            Move up
          </button>
        )}
        {index < count - 1 && (
          <button type="button" aria-label={`Move down: “${name}”`} onClick={() => onMove(index, index + 1)}>
            Move down
          </button>
        )}
        <button
          type="button"
          class="danger"
          id={removeButtonId(item.id)}
          data-remove
          aria-label={`Remove “${name}” from the agenda`}
          onClick={async () => {
            // What was typed a moment ago is saved first, so Undo brings it back too.
            await flush();
            onRemove(item.id);
          }}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** A meeting's agenda: points with who raised them and whether they were discussed; add, remove, reorder. */
export function AgendaEditor({
  journalId,
  meetingId,
  role,
}: {
  journalId: string;
  meetingId: string;
  role: Role;
}) {
  const items = useAgenda(journalId, meetingId);
  const list = useRef<HTMLDivElement>(null);
  const removal = useRemoveWithUndo(list);
  async function move(from: number, to: number) {
    if (!items) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    try {
      await Promise.all(
        next.map((item, order) =>
          item.order === order ? null : repo('agendaItem').update(item.id, { order }),
        ),
      );
      announce('Agenda reordered');
    } catch (error) {
      announceError(error);
    }
  }
  if (!items) return <p class="meta">Loading the agenda…</p>;
  return (
    <div ref={list}>
      {items.length === 0 ? (
        <p class="empty">No agenda points yet.</p>
      ) : (
        <ol class="item-list">
          {items.map((item, index) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              onMove={move}
              onRemove={(id) => removal.remove('agendaItem', id)}
            />
          ))}
        </ol>
      )}
      <RemovedNotice notice={removal.notice} onUndo={removal.undo} what="from the agenda" />
      <AddItemForm
        kind="agendaItem"
        label="New agenda point"
        button="Add to agenda"
        emptyError="Write the agenda point first."
        roleLabel="Raised by"
        defaultRole={role}
        onAdd={(text, who) =>
          repo('agendaItem').create(journalId, {
            meetingId,
            text,
            raisedBy: who,
            discussed: false,
            order: nextOrder(items),
          })
        }
      />
    </div>
  );
}

/** One action item, edited in place with autosave. */
function ActionRow({
  journalId,
  item,
  index,
  onRemove,
}: {
  journalId: string;
  item: ActionItem;
  index: number;
  onRemove: (id: string) => void;
}) {
  const { record, set, flush } = useAutosave('actionItem', item.id);
  const shown = record ?? item;
  const name = shown.text?.trim() || 'untitled action';
  return (
    <li class="item-row">
      {shown.carriedFromId && <CarriedFrom kind="actionItem" fromId={shown.carriedFromId} />}
      <TextField label={`Action ${index + 1}`} value={shown.text} onInput={(v) => set('text', v)} />
      <div class="item-grid">
        <SelectField
          label="Who does it"
          value={shown.owner}
          options={ROLE_OPTIONS}
          placeholder="Not decided"
          onChange={(v) => set('owner', (v || undefined) as Role | undefined)}
        />
        <DateField label="Due by" value={shown.dueDate} onInput={(v) => set('dueDate', v)} />
      </div>
      <CheckboxField
        label="Done"
        checked={shown.done}
        onChange={async (done) => {
          try {
            await flush();
            await setActionDone(journalId, shown, done, today());
            announce(done ? 'Marked done' : 'Marked not done');
          } catch (error) {
            announceError(error);
          }
        }}
      />
      <div class="actions">
        <button
          type="button"
          class="danger"
          id={removeButtonId(item.id)}
          data-remove
          aria-label={`Remove action “${name}”`}
          onClick={async () => {
            await flush();
            onRemove(item.id);
          }}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** A list of action items (text, owner, due date, done), each editable in place. */
export function ActionList({
  journalId,
  items,
  emptyText = 'No action items.',
}: {
  journalId: string;
  items: ActionItem[];
  emptyText?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const removal = useRemoveWithUndo(list);
  return (
    <div ref={list}>
      {items.length === 0 ? (
        <p class="empty">{emptyText}</p>
      ) : (
        <ol class="item-list">
          {items.map((item, index) => (
            <ActionRow
              key={item.id}
              journalId={journalId}
              item={item}
              index={index}
              onRemove={(id) => removal.remove('actionItem', id)}
            />
          ))}
        </ol>
      )}
      <RemovedNotice notice={removal.notice} onUndo={removal.undo} what="from the action items" />
    </div>
  );
}

/** Adds an action item to a meeting. */
export function AddActionItem({
  journalId,
  meetingId,
  role,
  existing,
}: {
  journalId: string;
  meetingId: string;
  role: Role;
  existing: readonly ActionItem[];
}) {
  return (
    <AddItemForm
      kind="actionItem"
      label="New action item"
      button="Add action item"
      emptyError="Write what needs doing first."
      roleLabel="Who does it"
      defaultRole={role}
      withDueDate
      onAdd={(text, who, dueDate) =>
        repo('actionItem').create(journalId, {
          meetingId,
          text,
          owner: who,
          dueDate,
          done: false,
          order: nextOrder(existing),
        })
      }
    />
  );
}

/**
 * What is left in an add field once `saved` has been added: the field held `submitted` when it was
 * sent, and may have been typed on while the save ran. Only the saved text goes; what was typed
 * after it stays (its leading spaces trimmed). A field changed in other ways is left as it is.
 */
export function leftAfterAdd(current: string, submitted: string): string {
  if (current === submitted) return '';
  return current.startsWith(submitted) ? current.slice(submitted.length).trimStart() : current;
}

/**
 * A small form that adds one agenda point or action item, with a message when the text is empty.
 * Typing goes on while an item is saved: the field loses only the text that was saved, and an Enter
 * pressed meanwhile adds what was typed next once the first save is in.
 */
export function AddItemForm(props: {
  kind: string;
  label: string;
  button: string;
  emptyError: string;
  roleLabel: string;
  defaultRole: Role;
  withDueDate?: boolean;
  onAdd: (text: string, who: Role, dueDate: string | undefined) => Promise<unknown>;
}) {
  const [text, setTextState] = useState('');
  const [who, setWho] = useState<Role>(props.defaultRole);
  const [due, setDueState] = useState<string>();
  const [error, setError] = useState<string>();
  const [said, say] = useSaid();
  const formRef = useRef<HTMLFormElement>(null);
  // The latest values, read when a save starts (a second Enter waits for the first save).
  const latest = useRef({ text: '', due: undefined as string | undefined, who: props.defaultRole });
  latest.current.who = who;
  const saving = useRef<Promise<void>>(Promise.resolve());
  const setText = (value: string) => {
    latest.current.text = value;
    setTextState(value);
  };
  const setDue = (value: string | undefined) => {
    latest.current.due = value;
    setDueState(value);
  };

  async function save(input: HTMLInputElement | null | undefined) {
    const submitted = latest.current.text;
    const submittedDue = latest.current.due;
    if (!submitted.trim()) return;
    try {
      await props.onAdd(submitted.trim(), latest.current.who, submittedDue);
      setText(leftAfterAdd(latest.current.text, submitted));
      if (latest.current.due === submittedDue) setDue(undefined);
      say('Added');
      // Back to the field for the next item — unless focus has moved on meanwhile.
      const active = document.activeElement;
      if (active === document.body || (active && formRef.current?.contains(active) && active !== input))
        input?.focus();
    } catch (err) {
      announceError(err);
    }
  }

  return (
    <form
      ref={formRef}
      class="add-item"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = formRef.current?.querySelector<HTMLInputElement>('input[name="text"]');
        if (!latest.current.text.trim()) {
          setError(props.emptyError);
          input?.focus();
          return;
        }
        setError(undefined);
        saving.current = saving.current.then(() => save(input));
      }}
    >
      <TextField label={props.label} name="text" value={text} onInput={setText} error={error} />
      <div class="item-grid">
        <SelectField label={props.roleLabel} value={who} options={ROLE_OPTIONS} onChange={setWho} />
        {props.withDueDate && <DateField label="Due by" value={due} onInput={setDue} />}
      </div>
      <div class="actions">
        <button type="submit">{props.button}</button>
        <SaidHere said={said} />
      </div>
    </form>
  );
}

/**
 * My private note on a meeting: a Note record with visibility private. It stays on this device
 * and is never exported to the partner or the committee. Created on the first keystroke.
 */
export function PrivateNote({
  journalId,
  meetingId,
  hidden = false,
}: {
  journalId: string;
  meetingId: string;
  /** Folded away until opened: meeting mode is one screen that both people look at. */
  hidden?: boolean;
}) {
  const notes = useLive(
    () => repo('note').live(journalId, { index: 'parentId', equals: meetingId }),
    [journalId, meetingId],
  );
  const existing = notes
    ?.filter((n) => n.visibility === 'private' && n.parentKind === 'meeting')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const [createdId, setCreatedId] = useState<string>();
  const id = existing?.id ?? createdId;
  const { record, set } = useAutosave('note', id);
  const [local, setLocal] = useState<string>();
  const creating = useRef<Promise<string> | undefined>(undefined);
  const latest = useRef('');

  async function onInput(value: string) {
    if (id) {
      set('text', value);
      return;
    }
    setLocal(value);
    latest.current = value;
    if (!creating.current) {
      creating.current = repo('note')
        .create(
          journalId,
          { parentKind: 'meeting', parentId: meetingId, text: value },
          { visibility: 'private' },
        )
        .then((note) => note.id);
      try {
        const newId = await creating.current;
        if (latest.current !== value) await repo('note').update(newId, { text: latest.current });
        setCreatedId(newId);
        announce('Saved');
      } catch (error) {
        creating.current = undefined;
        announceError(error);
      }
    }
  }

  const field = (
    <>
      <p class="private-label">Only you can see this.</p>
      <TextArea
        label="My private notes"
        hint="Kept on this device only: never shared with your partner, never in a file or a summary."
        value={id && record ? record.text : (local ?? '')}
        onInput={onInput}
        rows={4}
      />
    </>
  );
  if (hidden)
    return (
      <details class="private-notes">
        <summary>
          <span>My private notes (folded away)</span>
          <span class="meta">Open them when only you are looking at the screen.</span>
        </summary>
        {field}
      </details>
    );
  return <div class="private-notes">{field}</div>;
}
