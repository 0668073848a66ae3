import type { ComponentChildren } from 'preact';

/**
 * An inline "are you sure?" box for deleting something: a question as the legend, an optional
 * line saying what happens, then "Yes, delete" (danger) and a button to keep it.
 */
export function ConfirmDelete({
  question,
  detail,
  confirmLabel = 'Yes, delete',
  keepLabel = 'Keep it',
  onConfirm,
  onKeep,
}: {
  question: ComponentChildren;
  detail?: string;
  confirmLabel?: string;
  keepLabel?: string;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <fieldset class="confirm warning">
      <legend>{question}</legend>
      {detail && <p>{detail}</p>}
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onKeep}>
          {keepLabel}
        </button>
      </div>
    </fieldset>
  );
}
