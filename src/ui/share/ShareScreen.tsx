import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb, liveMembership } from '../../db';
import {
  liveLastImport,
  liveWaitingChoices,
  resolveConflict,
  undoLastImport,
  type WaitingChoice,
} from '../../db/importTransaction';
import { deliverFile, exportBackupFile, exportPairFile } from '../../sync/exportFile';
import { formatDate } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { ImportFlow } from './ImportFlow';
import { EMPTY_PASSPHRASE, NewPassphrase, type PassphraseDraft, passphraseMismatch } from './NewPassphrase';
import { OpenFileHelp } from './OpenFileScreen';
import { CHOICES_ID, choiceHeading } from './waitingChoices';
import './ShareScreen.css';

/** "22 Nov 2026", or "never". */
function when(iso: string | undefined): string {
  return iso ? formatDate(iso.slice(0, 10)) : 'never';
}

/** Share: send the pair file, back up the device, import a file, resolve conflicts, undo an import. */
export function ShareScreen() {
  const { journalId, journal, role } = useJournal();
  const db = getDb();
  const membership = useLive(() => liveMembership(journalId, db), [journalId]);
  const choices = useLive(() => liveWaitingChoices(db, journalId), [journalId]);
  const [pairPass, setPairPass] = useState<PassphraseDraft>(EMPTY_PASSPHRASE);
  const [backupPass, setBackupPass] = useState<PassphraseDraft>(EMPTY_PASSPHRASE);
  // A mismatch is shown once a file was asked for, and goes as soon as the two fields agree.
  const [checked, setChecked] = useState<{ pair?: boolean; backup?: boolean }>({});
  const [busy, setBusy] = useState<'pair' | 'backup' | undefined>();
  // A file that could not be made: the message stays beside its button.
  const [failed, setFailed] = useState<{ kind: 'pair' | 'backup'; message: string } | undefined>();
  const [pairSaid, sayPair] = useSaid();
  const [backupSaid, sayBackup] = useSaid();
  // What a choice or an undo did: said where it stays when their section goes.
  const [resolvedSaid, sayResolved] = useSaid();
  const partner = role === 'mentee' ? journal.mentorName : journal.menteeName;
  const pairError = checked.pair ? passphraseMismatch(pairPass) : undefined;
  const backupError = checked.backup ? passphraseMismatch(backupPass) : undefined;

  const send = async (kind: 'pair' | 'backup') => {
    const draft = kind === 'pair' ? pairPass : backupPass;
    if (passphraseMismatch(draft)) {
      // Never lock a file with a passphrase typed only once, or typed two ways.
      setChecked((c) => ({ ...c, [kind]: true }));
      document.getElementById(`${kind}-passphrase-again`)?.focus();
      return;
    }
    setBusy(kind);
    setFailed(undefined);
    try {
      const exported =
        kind === 'pair'
          ? await exportPairFile(journalId, { passphrase: pairPass.first || undefined })
          : await exportBackupFile({ passphrase: backupPass.first || undefined });
      const how = await deliverFile(exported);
      const say = kind === 'pair' ? sayPair : sayBackup;
      if (how === 'cancelled') say('Sharing was cancelled. You can try again.');
      else if (how === 'shared') say(`Shared ${exported.name}.`);
      else say(`Saved ${exported.name} to your downloads.`);
    } catch (error) {
      setFailed({ kind, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <h1>Share and back up</h1>

      <section class="share-section" aria-labelledby="send-title">
        <h2 id="send-title">Send to my partner</h2>
        <p>
          Makes a pair file with everything you both see in this journal — never your private notes. Send it
          to {partner || 'your partner'} however you like (email, chat, a USB stick); they open it under
          Share.
        </p>
        <NewPassphrase
          id="pair-passphrase"
          label="Passphrase (optional)"
          value={pairPass}
          onInput={setPairPass}
          error={pairError}
          hint="Lock the file if it travels by email or chat. Tell your partner the passphrase some other way."
        />
        <div class="actions">
          <button type="button" class="primary" disabled={busy !== undefined} onClick={() => send('pair')}>
            Send to my partner
          </button>
          <SaidHere said={pairSaid} />
        </div>
        <SendError failed={failed} kind="pair" />
        <p class="meta">Last sent: {when(membership?.lastExportAt)}.</p>
      </section>

      <section class="share-section" aria-labelledby="backup-title">
        <h2 id="backup-title">Back up this device</h2>
        <p>
          A backup holds every journal on this device, private notes included, so you can restore them on a
          new phone or computer. Because of the private notes, we recommend locking it with a passphrase.
        </p>
        <NewPassphrase
          id="backup-passphrase"
          label="Passphrase (recommended)"
          value={backupPass}
          onInput={setBackupPass}
          error={backupError}
          hint="Choose one you will remember: without it, nobody — not even you — can open the backup."
        />
        <div class="actions">
          <button type="button" class="primary" disabled={busy !== undefined} onClick={() => send('backup')}>
            Back up this device
          </button>
          <SaidHere said={backupSaid} />
        </div>
        <SendError failed={failed} kind="backup" />
        <p class="meta">Last backup: {when(membership?.lastBackupAt)}.</p>
      </section>

      <section class="share-section" aria-labelledby="import-title">
        <h2 id="import-title">Open a file from my partner, or a backup</h2>
        <ImportFlow mode="share" choicesWaiting={choices?.length ?? 0} />
        <OpenFileHelp />
        <p class="meta">Last import: {when(membership?.lastImportAt)}.</p>
      </section>

      <SaidHere said={resolvedSaid} />
      <Conflicts choices={choices ?? []} say={sayResolved} />
      <UndoImport say={sayResolved} />
    </>
  );
}

/** Why the file of one section could not be made, beside its button. */
function SendError({
  failed,
  kind,
}: {
  failed: { kind: 'pair' | 'backup'; message: string } | undefined;
  kind: 'pair' | 'backup';
}) {
  return (
    <p class="field-error" role="alert">
      {failed?.kind === kind ? failed.message : ''}
    </p>
  );
}

/** Texts changed by both people at once, each waiting for a choice; a link to CHOICES_PATH scrolls here. */
function Conflicts({ choices, say }: { choices: WaitingChoice[]; say: (text: string) => void }) {
  const section = useRef<HTMLElement>(null);
  const some = choices.length > 0;
  useEffect(() => {
    if (!some || location.hash !== `#${CHOICES_ID}`) return;
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [some]);
  if (!some) return null;
  return (
    <section ref={section} id={CHOICES_ID} class="share-section" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title" tabIndex={-1}>
        Changed by both of you
      </h2>
      <p>
        You and your partner changed these texts at the same time. The journal holds one version now; the
        other is kept here until you choose.
      </p>
      <ul class="cards">
        {choices.map((c) => (
          <ConflictCard key={c.id} conflict={c} say={say} />
        ))}
      </ul>
    </section>
  );
}

function ConflictCard({ conflict, say }: { conflict: WaitingChoice; say: (text: string) => void }) {
  const choose = async (choice: 'local' | 'remote' | 'both') => {
    try {
      await resolveConflict(getDb(), conflict.id, choice);
      say(
        choice === 'both'
          ? 'Both versions kept.'
          : choice === 'local'
            ? 'Your version kept.'
            : 'Their version kept.',
      );
    } catch (error) {
      announceError(error);
    }
  };
  return (
    <li class="card conflict">
      <h3>{choiceHeading(conflict)}</h3>
      <p class="meta">Found on {formatDate(conflict.at.slice(0, 10))}.</p>
      <h4>My version{conflict.kept === 'local' ? ' (in the journal now)' : ''}</h4>
      <p class="conflict-text">{conflict.local}</p>
      <h4>My partner’s version{conflict.kept === 'remote' ? ' (in the journal now)' : ''}</h4>
      <p class="conflict-text">{conflict.remote}</p>
      <div class="actions">
        <button type="button" onClick={() => choose('local')}>
          Keep mine
        </button>
        <button type="button" onClick={() => choose('remote')}>
          Keep theirs
        </button>
        <button type="button" onClick={() => choose('both')}>
          Keep both
        </button>
      </div>
    </li>
  );
}

function UndoImport({ say }: { say: (text: string) => void }) {
  const db = getDb();
  const last = useLive(() => liveLastImport(db), []);
  const [confirming, setConfirming] = useState(false);
  if (!last) return null;
  const undo = async () => {
    try {
      await undoLastImport(db);
      setConfirming(false);
      say('The last import was undone: the journal is as it was before it.');
    } catch (error) {
      announceError(error);
    }
  };
  return (
    <section class="share-section" aria-labelledby="undo-title">
      <h2 id="undo-title">Changed your mind?</h2>
      <p>The last import was made on {formatDate(last.at.slice(0, 10))}. You can put back what it changed.</p>
      {confirming ? (
        <div class="warning">
          <p>
            This puts back every record that import added, changed or removed, exactly as it was before it;
            your changes to those records since then are undone too. Records it did not touch stay as they
            are.
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={undo}>
              Yes, undo the import
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setConfirming(true)}>
            Undo last import
          </button>
        </div>
      )}
    </section>
  );
}
