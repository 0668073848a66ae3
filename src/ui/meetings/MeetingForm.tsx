import { useRef, useState } from 'preact/hooks';
import { MODE_LABELS } from '../../model/labels';
import { MEETING_MODES, type MeetingMode } from '../../model/meeting';
import { DateField, SelectField, TextField } from '../components/fields';
import {
  type MeetingFormErrors,
  type MeetingFormValues,
  parseLength,
  validateMeetingForm,
} from './meetingForm';

export interface MeetingFormResult {
  date: string;
  time?: string;
  durationMinutes?: number;
  mode?: MeetingMode;
  place?: string;
}

const MODE_OPTIONS = MEETING_MODES.map((value) => ({ value, label: MODE_LABELS[value] }));

/** The form that plans a new meeting: day, time, length, how and where. Checks the values before saving. */
export function MeetingForm(props: {
  initial?: Partial<MeetingFormValues>;
  submitLabel: string;
  onSubmit: (result: MeetingFormResult) => Promise<void> | void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<MeetingFormValues>({
    date: '',
    time: '',
    length: '60',
    mode: 'in-person',
    place: '',
    ...props.initial,
  });
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (field: keyof MeetingFormValues) => (value: string | undefined) =>
    setValues((v) => ({ ...v, [field]: value ?? '' }));

  async function submit(event: Event) {
    event.preventDefault();
    const found = validateMeetingForm(values);
    setErrors(found);
    const first = (Object.keys(found) as (keyof MeetingFormValues)[])[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit({
        date: values.date,
        time: values.time || undefined,
        durationMinutes: parseLength(values.length),
        mode: (values.mode || undefined) as MeetingMode | undefined,
        place: values.place.trim() || undefined,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} class="meeting-form" noValidate onSubmit={submit}>
      <DateField
        label="Day"
        name="date"
        value={values.date}
        onInput={set('date')}
        error={errors.date}
        required
      />
      <TextField
        label="Time"
        name="time"
        type="time"
        value={values.time}
        onInput={set('time')}
        hint="Your local time, for example 14:30."
        error={errors.time}
      />
      <TextField
        label="Length in minutes"
        name="length"
        value={values.length}
        onInput={set('length')}
        error={errors.length}
      />
      <SelectField
        label="How you will meet"
        name="mode"
        value={values.mode as MeetingMode}
        options={MODE_OPTIONS}
        onChange={set('mode')}
      />
      <TextField
        label="Place or link"
        name="place"
        value={values.place}
        onInput={set('place')}
        hint="A room, an address, or the video call link."
        error={errors.place}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
