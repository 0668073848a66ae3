import { useState } from 'preact/hooks';
import { announceError } from '../components/status';

/**
 * "Back up this device" for a committee member: the backup holds the cohorts kept here (and any
 * journal on this device), so a committee member with no journal of their own can move to a new
 * device too — restored from the first screen with "Restore a backup".
 */
export function CohortBackup({ nav }: { nav?: Navigator }) {
  const [state, setState] = useState<'idle' | 'saving' | { saved: string }>('idle');
  const backUp = async () => {
    setState('saving');
    try {
      // The backup code loads only when asked for.
      const { exportBackupFile, deliverFile } = await import('../../sync/exportFile');
      const file = await exportBackupFile();
      const outcome = await deliverFile(file, nav);
      if (outcome === 'cancelled') return setState('idle');
      setState({ saved: file.name });
    } catch (error) {
      setState('idle');
      announceError(error);
    }
  };
  return (
    <section class="cohort-backup" aria-labelledby="cohort-backup-title">
      <h2 id="cohort-backup-title">Back up the kept cohorts</h2>
      <p>
        Kept cohorts live only in this browser. Save a backup of this device to keep them safe or to move
        them: on the new device, choose “Restore a backup” on the first screen.
      </p>
      <div class="actions">
        <button type="button" onClick={backUp} disabled={state === 'saving'}>
          {state === 'saving' ? 'Saving the backup…' : 'Back up this device'}
        </button>
      </div>
      <p role="status" class="meta">
        {typeof state === 'object' ? `Backup saved as ${state.saved}.` : ''}
      </p>
    </section>
  );
}
