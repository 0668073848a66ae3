import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface BaseProps {
  label: string;
  /** A short guiding prompt shown under the label and read with the field. */
  hint?: ComponentChildren;
  /** A validation message, shown and read with the field. */
  error?: string;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: BaseProps & { id: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The hint under a label, with the id `describedBy()` points to. */
function Hint({ id, hint }: { id: string; hint: BaseProps['hint'] }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** The validation message of a field, with the id `describedBy()` points to. */
function FieldError({ id, error }: { id: string; error: BaseProps['error'] }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

function describedBy(id: string, { hint, error }: BaseProps) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** The attributes that mark a control invalid and tie it to its hint and error. */
function validity(id: string, props: BaseProps) {
  return { 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy(id, props) };
}

/** A labelled one-line text input. */
export function TextField(
  props: BaseProps & {
    value: string | undefined;
    onInput: (value: string) => void;
    type?: 'text' | 'email' | 'url' | 'tel' | 'search' | 'number' | 'time';
    name?: string;
    required?: boolean;
    autoComplete?: string;
  },
) {
  const id = useId();
  return (
    <FieldFrame id={id} {...props}>
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        required={props.required}
        autoComplete={props.autoComplete}
        {...validity(id, props)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line text area. */
export function TextArea(
  props: BaseProps & {
    value: string | undefined;
    onInput: (value: string) => void;
    rows?: number;
    name?: string;
  },
) {
  const id = useId();
  return (
    <FieldFrame id={id} {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value ?? ''}
        {...validity(id, props)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** A labelled date input; the value is a calendar date (YYYY-MM-DD) or undefined when cleared. */
export function DateField(
  props: BaseProps & {
    value: string | undefined;
    onInput: (value: string | undefined) => void;
    name?: string;
    required?: boolean;
  },
) {
  const id = useId();
  return (
    <FieldFrame id={id} {...props}>
      <input
        id={id}
        name={props.name}
        type="date"
        value={props.value ?? ''}
        required={props.required}
        {...validity(id, props)}
        onInput={(e) => props.onInput(e.currentTarget.value || undefined)}
      />
    </FieldFrame>
  );
}

/** A labelled select over fixed options. */
export function SelectField<T extends string>(
  props: BaseProps & {
    value: T | undefined;
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
    placeholder?: string;
    name?: string;
  },
) {
  const id = useId();
  return (
    <FieldFrame id={id} {...props}>
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        {...validity(id, props)}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * A labelled group of radio buttons (one choice among a few, all visible: one tap on a phone).
 * The group carries the validation state, so a form can focus it when nothing is chosen.
 */
export function RadioGroup<T extends string>(
  props: BaseProps & {
    value: T | undefined;
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
    name?: string;
  },
) {
  const id = useId();
  return (
    <div
      class="field field-radios"
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      {...validity(id, props)}
    >
      <p class="field-label" id={`${id}-label`}>
        {props.label}
      </p>
      <Hint id={id} hint={props.hint} />
      {props.options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={props.name ?? id}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxField(props: {
  label: string;
  checked: boolean | undefined;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked ?? false}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}
