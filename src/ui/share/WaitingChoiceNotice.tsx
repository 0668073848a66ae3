import { getDb } from '../../db';
import { liveWaitingChoices } from '../../db/importTransaction';
import { fieldLabel } from '../../model/labels';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { CHOICES_PATH, recordInWords } from './waitingChoices';

/**
 * On a record's own screen: a text of it that both people changed at once waits for a choice.
 * Says which text, and links to where the choice is made.
 */
export function WaitingChoiceNotice({ recordId }: { recordId: string }) {
  const { journalId } = useJournal();
  const db = getDb();
  const choices = useLive(() => liveWaitingChoices(db, journalId, recordId), [journalId, recordId]);
  const first = choices?.[0];
  if (!first) return null;
  const fields = choices.map((c) => fieldLabel(c.kind, c.field));
  const named =
    fields.length === 1 ? `“${fields[0]}”` : `${fields.length} of its texts (${fields.join(', ')})`;
  return (
    <section class="warning waiting-choice" aria-label="A text waiting for your choice">
      <p>
        You and your partner both changed {named} of {recordInWords(first)}. The journal shows one version for
        now; the other is kept until you choose.
      </p>
      <p>
        <a href={CHOICES_PATH}>Choose what to keep</a>
      </p>
    </section>
  );
}
