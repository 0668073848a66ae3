import type { ComponentProps } from 'preact';
import type { Role, Visibility } from '../../model/constants';
import type { KindName } from '../../model/kind';
import { visibilityChoices } from '../../model/visibility';
import { useJournal } from '../journalContext';
import { SelectField } from './fields';
import { VISIBILITY_LABELS } from './labels';

type Props = Omit<ComponentProps<typeof SelectField<Visibility>>, 'options'> & {
  kind: KindName;
  /** Who wrote the record; undefined for one not saved yet (mine). */
  author: Role | undefined;
};

/** "Who can see it": "Only me" is offered only on my own records of a kind that may be private. */
export function VisibilityField({ kind, author, ...props }: Props) {
  const { role } = useJournal();
  const options = visibilityChoices(kind, author, role, props.value).map((value) => ({
    value,
    label: VISIBILITY_LABELS[value],
  }));
  return <SelectField<Visibility> {...props} options={options} />;
}
