import { useEffect, useState } from 'preact/hooks';
import type { WaitingChoice } from '../../db/importTransaction';
import { CHOICES_PATH, recordInWords, textsInWords } from '../share/waitingChoices';

/** How many records Home names before "and N more". */
const NAMED = 3;

/**
 * Home: texts both people changed at once that still wait for a choice, naming their records, with
 * a link to where the choice is made. Dexie loads after the first paint (see db/firstLoad.ts), so
 * this reads once it has: nothing shows until then.
 */
export function WaitingChoices({ journalId }: { journalId: string }) {
  const [choices, setChoices] = useState<WaitingChoice[]>([]);
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    Promise.all([import('../../db'), import('../../db/importTransaction')]).then(
      ([{ getDb }, { liveWaitingChoices }]) => {
        if (!live) return;
        const subscription = liveWaitingChoices(getDb(), journalId).subscribe({
          next: setChoices,
          error: () => setChoices([]),
        });
        stop = () => subscription.unsubscribe();
      },
      () => {},
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [journalId]);
  if (choices.length === 0) return null;
  const records = [...new Map(choices.map((c) => [c.recordId, recordInWords(c)])).values()];
  const named = records.slice(0, NAMED).join(', ');
  const more = records.length - NAMED;
  return (
    <section class="warning waiting-choices" aria-labelledby="waiting-choices-title">
      <h2 id="waiting-choices-title">Waiting for your choice</h2>
      <p>
        You and your partner both changed {textsInWords(choices.length)} at the same time, in {named}
        {more > 0 ? ` and ${more} more` : ''}. Choose which version to keep.
      </p>
      <p>
        <a href={CHOICES_PATH}>Choose what to keep</a>
      </p>
    </section>
  );
}
