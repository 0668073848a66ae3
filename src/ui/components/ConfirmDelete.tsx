import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { focusScreenHeading } from './useConfirmFocus';
import './ConfirmDelete.css';

/**
 * An inline "are you sure?" box for deleting something: a question as the legend, an optional
 * line saying what happens, then "Yes, delete" (danger) and a button to keep it.
 *
 * Focus stays where a keyboard user can find it: the box opens on "Keep it" (the safe answer,
 * described by the question); keeping returns focus to the button marked `data-delete-opener` in
 * the same container; deleting lands on the screen's heading once the thing is gone.
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
  onConfirm: () => void | Promise<void>;
  onKeep: () => void;
}) {
  const questionId = useId();
  const boxRef = useRef<HTMLFieldSetElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => keepRef.current?.focus(), []);

  const keep = () => {
    const container = boxRef.current?.parentElement;
    onKeep();
    requestAnimationFrame(() => container?.querySelector<HTMLElement>('[data-delete-opener]')?.focus());
  };

  const confirm = async () => {
    await onConfirm();
    requestAnimationFrame(() => {
      if (!boxRef.current?.isConnected) focusScreenHeading();
    });
  };

  return (
    <fieldset class="confirm" ref={boxRef}>
      <legend id={questionId}>{question}</legend>
      {detail && <p>{detail}</p>}
      <div class="actions">
        <button type="button" class="danger" onClick={confirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={keepRef} aria-describedby={questionId} onClick={keep}>
          {keepLabel}
        </button>
      </div>
    </fieldset>
  );
}
