import { ImportFlow } from './ImportFlow';

/** First run: bring back what a backup holds — journals, kept cohorts, or a committee member's cohorts alone. */
export function RestoreBackup() {
  return (
    <section class="restore-backup" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore a backup</h2>
      <p>
        Moving to a new device, or after clearing the browser? Open the backup file you saved (“Back up this
        device”): its journals and the cohorts kept with it come back.
      </p>
      <ImportFlow mode="restore" />
    </section>
  );
}
