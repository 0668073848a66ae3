import { useState } from 'preact/hooks';

/** A passphrase being chosen: what was typed in the first field and in the second. */
export interface PassphraseDraft {
  first: string;
  again: string;
}

export const EMPTY_PASSPHRASE: PassphraseDraft = { first: '', again: '' };

/** The message when the two fields differ; undefined when they agree (or no passphrase is set). */
export function passphraseMismatch(draft: PassphraseDraft): string | undefined {
  if (draft.first === '' && draft.again === '') return undefined;
  if (draft.again === '') return 'Type the passphrase a second time, to be sure it is the one you meant.';
  if (draft.first !== draft.again)
    return 'The two passphrases are not the same. Type them again, or tick “Show the passphrase” to check.';
  return undefined;
}

/**
 * Choosing a passphrase that locks a file: typed twice, and shown on request, so that a typo can
 * never lock a file for good. `error` is shown at the second field.
 */
export function NewPassphrase(props: {
  id: string;
  label: string;
  hint: string;
  value: PassphraseDraft;
  onInput: (value: PassphraseDraft) => void;
  error?: string;
}) {
  const [shown, setShown] = useState(false);
  const { id, value } = props;
  // The input's typing has one type per element; the shown one is text.
  const type = (shown ? 'text' : 'password') as 'password';
  return (
    <div class="new-passphrase">
      <div class="field">
        <label for={id}>{props.label}</label>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
        <input
          id={id}
          type={type}
          autoComplete="new-password"
          spellcheck={false}
          value={value.first}
          aria-describedby={`${id}-hint`}
          onInput={(e) => props.onInput({ ...value, first: e.currentTarget.value })}
        />
      </div>
      {(value.first !== '' || value.again !== '') && (
        <div class="field">
          <label for={`${id}-again`}>The same passphrase again</label>
          <input
            id={`${id}-again`}
            type={type}
            autoComplete="new-password"
            spellcheck={false}
            value={value.again}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? `${id}-again-error` : undefined}
            onInput={(e) => props.onInput({ ...value, again: e.currentTarget.value })}
          />
          {props.error && (
            <p class="field-error" id={`${id}-again-error`}>
              {props.error}
            </p>
          )}
        </div>
      )}
      <label class="check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.currentTarget.checked)} /> Show the
        passphrase
      </label>
    </div>
  );
}
