import { ImportFlow } from './ImportFlow';

/** First run: make this device's copy of a journal from the partner's pair file, or restore a backup. */
export function JoinJournal({ onDone }: { onDone?: () => void }) {
  return (
    <section class="join-journal" aria-labelledby="join-title">
      <h2 id="join-title">Join with my partner’s file, or restore a backup</h2>
      <p>
        If your partner already keeps the journal, ask them to use “Send to my partner” and open that file
        here. You will only be asked whether you are the mentee or the mentor.
      </p>
      <p>
        Moving to a new phone or computer? Open the backup you made on the old one: every journal in it comes
        back, private notes included.
      </p>
      <ImportFlow mode="join" onDone={() => onDone?.()} />
    </section>
  );
}
