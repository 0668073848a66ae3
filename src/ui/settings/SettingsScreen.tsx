import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { deleteJournalFromDevice } from '../../db/journals';
import { journalTitle } from '../../model/labels';
import { Dialog } from '../components/Dialog';
import { formatDate, ROLE_LABELS } from '../components/labels';
import { announceError, announceOnArrival } from '../components/status';
import { flushPendingSaves } from '../hooks/pendingSaves';
import { recoverUnsaved } from '../hooks/useAutosave';
import { useJournal } from '../journalContext';
import './settings.css';

/** Bytes as people read them: "0.4 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString()} MB`;
}

type Persistence = 'unknown' | 'unsupported' | 'persisted' | 'not-persisted';

/** Whether the browser keeps this site's data even when space runs low, and how much is used. */
function useStorageState() {
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | undefined>(undefined);

  const refresh = async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persisted) {
      setPersistence('unsupported');
      return;
    }
    try {
      setPersistence((await storage.persisted()) ? 'persisted' : 'not-persisted');
      if (storage.estimate) {
        const { usage = 0, quota = 0 } = await storage.estimate();
        setEstimate({ usage, quota });
      }
    } catch {
      setPersistence('unsupported');
    }
  };

  useEffect(() => {
    void refresh();
  }, []);

  return { persistence, setPersistence, estimate, refresh };
}

/** Settings: the app version, this journal's facts, storage on this device, removing the journal. */
export function SettingsScreen() {
  const { journalId, journal, role } = useJournal();
  const { persistence, setPersistence, estimate, refresh } = useStorageState();
  const [persistResult, setPersistResult] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [backup, setBackup] = useState<'idle' | 'saving' | string>('idle');
  const { route } = useLocation();
  const title = journalTitle({ journal });

  const keepData = async () => {
    try {
      // Asked from this click: browsers only grant it in answer to the person's own action.
      const granted = await navigator.storage.persist();
      setPersistence(granted ? 'persisted' : 'not-persisted');
      const message = granted
        ? 'Done: this browser will keep the journal even when the device runs low on space.'
        : 'The browser said no for now. Installing the app (Add to Home screen) often helps; either way, keep a backup.';
      setPersistResult(message);
      await refresh();
    } catch (error) {
      announceError(error);
    }
  };

  /** Saves a backup of every journal on this device (as on the Share screen, without a passphrase). */
  const backUp = async () => {
    setBackup('saving');
    try {
      const { exportBackupFile, deliverFile } = await import('../../sync/exportFile');
      const file = await exportBackupFile();
      const outcome = await deliverFile(file);
      setBackup(outcome === 'cancelled' ? 'idle' : file.name);
    } catch (error) {
      setBackup('idle');
      announceError(error);
    }
  };

  const remove = async () => {
    setDeleting(true);
    try {
      await flushPendingSaves();
      await deleteJournalFromDevice(journalId);
      // Unsaved-typing copies kept in localStorage: those of the deleted journal have no record
      // left and are dropped (private text must not linger); any others are written back.
      await recoverUnsaved();
      announceOnArrival(`Deleted ${title} from this device.`, '/');
      setConfirming(false);
      route('/');
    } catch (error) {
      setDeleting(false);
      announceError(error);
    }
  };

  return (
    <>
      <h1>Settings</h1>

      <section aria-labelledby="settings-journal">
        <h2 id="settings-journal">This journal</h2>
        <dl class="facts">
          <dt>Mentee</dt>
          <dd>{journal.menteeName || 'Not set'}</dd>
          <dt>Mentor</dt>
          <dd>{journal.mentorName || 'Not set'}</dd>
          <dt>My role on this device</dt>
          <dd>{ROLE_LABELS[role]}</dd>
          <dt>Programme</dt>
          <dd>{journal.programme || 'Not set'}</dd>
          <dt>Starts</dt>
          <dd>{journal.startDate ? formatDate(journal.startDate) : 'Not set'}</dd>
          <dt>Length</dt>
          <dd>{journal.lengthMonths ? `${journal.lengthMonths} months` : 'Not set'}</dd>
          <dt>Meet at least</dt>
          <dd>{journal.cadenceDays ? `every ${journal.cadenceDays} days` : 'Not set'}</dd>
        </dl>
        <p>
          <a href="/agreement">Change these in the Agreement</a>
        </p>
      </section>

      <section aria-labelledby="settings-storage">
        <h2 id="settings-storage">Storage on this device</h2>
        <p>
          The journal lives only in this browser. Browsers may clear a site’s data when space runs low, unless
          you ask them to keep it.
        </p>
        <p data-testid="persist-state">
          {persistence === 'unknown' && 'Checking…'}
          {persistence === 'persisted' && 'This browser keeps the journal’s data for good.'}
          {persistence === 'not-persisted' &&
            'Not yet protected: the browser may clear the data if the device runs low on space.'}
          {persistence === 'unsupported' && 'This browser cannot promise to keep the data. Keep a backup.'}
        </p>
        {persistence !== 'unsupported' && (
          <div class="actions">
            <button type="button" class="primary" onClick={keepData}>
              Keep my data on this device
            </button>
          </div>
        )}
        <p class="persist-result" role="status">
          {persistResult}
        </p>
        {estimate && (
          <p>
            Using {megabytes(estimate.usage)} of the {megabytes(estimate.quota)} this browser allows.
          </p>
        )}
      </section>

      <section aria-labelledby="settings-delete">
        <h2 id="settings-delete">Remove this journal from this device</h2>
        <p>
          Deletes {title} and everything in it from this device. Your partner’s copy is not touched. Make a
          backup first if you may want it back.
        </p>
        <div class="actions">
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Delete this journal from this device…
          </button>
        </div>
      </section>

      <section aria-labelledby="settings-about">
        <h2 id="settings-about">About</h2>
        <p>
          Mentoring Journal, version <span data-testid="app-version">{__APP_VERSION__}</span>. It works
          offline, has no account, and sends nothing anywhere: you share by exchanging a file.
        </p>
      </section>

      <Dialog
        open={confirming}
        title={`Delete ${title} from this device?`}
        onClose={() => setConfirming(false)}
      >
        <p>
          Everything in this journal — goals, meetings, stories, private notes — will be removed from this
          device. This cannot be undone here. Your partner keeps their copy.
        </p>
        <p>Not sure? Save a backup first: you can restore everything from that file later.</p>
        <div class="actions">
          <button type="button" class="primary" onClick={backUp} disabled={backup === 'saving' || deleting}>
            {backup === 'saving' ? 'Saving the backup…' : 'Back up this device first'}
          </button>
        </div>
        <p class="backup-result" role="status">
          {backup !== 'idle' && backup !== 'saving' ? `Backup saved as ${backup}.` : ''}
        </p>
        <p class="meta">
          To protect the backup with a passphrase, use <a href="/share">Back up this device</a> on the Share
          screen.
        </p>
        <div class="actions">
          <button type="button" class="danger" onClick={remove} disabled={deleting}>
            {deleting ? 'Deleting…' : 'Delete from this device'}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={deleting}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}
