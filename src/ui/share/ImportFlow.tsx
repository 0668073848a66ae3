import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb, keepHomeNow } from '../../db';
import type { Role } from '../../model/constants';
import { KIND_INFO } from '../../model/tables';
import { MAX_FILE_BYTES, tooBigMessage } from '../../sync/parseJson';
import { SelectField } from '../components/fields';
import { formatDate, optionsOf, ROLE_LABELS, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announce, announceOnArrival } from '../components/status';
import { homeChangedInBulk } from '../home/homeSnapshot';
import './ShareScreen.css';
import { useLocation } from 'preact-iso';
import { capitalize } from '../../model/describe';
import { journalTitle } from '../../model/labels';
import type { CohortFile } from '../cohort/cohort';
import { COHORT_PATH, handToCohortView } from '../cohort/handoff';
import { changeLineText, previewChanges } from './previewChanges';

type ImportModule = typeof import('../../sync/importFile');
type Preview = Awaited<ReturnType<ImportModule['previewImport']>>;

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'passphrase'; bytes: Uint8Array; name: string; wrong?: string }
  | { step: 'preview'; preview: Preview; name: string }
  | { step: 'applying'; preview: Preview }
  | { step: 'done'; message: string; conflicts: number; cohorts: number }
  | { step: 'summary'; file: CohortFile; about: string };

/** "2 texts were changed by both of you — choose what to keep under “Changed by both of you”." */
function conflictSentence(count: number): string {
  return `${count} text${count === 1 ? ' was' : 's were'} changed by both of you — choose what to keep under “Changed by both of you”.`;
}

function names(preview: Preview): string {
  const j = preview.journal;
  const both = [j?.menteeName, j?.mentorName].filter(Boolean);
  return both.length ? both.join(' & ') : 'an untitled journal';
}

function summary(total: Preview['plan']['total']): string {
  const parts = [
    total.added && `${total.added} new`,
    total.changed && `${total.changed} changed`,
    total.deleted && `${total.deleted} deleted`,
    total.withdrawn && `${total.withdrawn} withdrawn`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing new';
}

/** `share`: any file, on the Share screen; first run: `join` a partner's pair file, or `restore` a backup. */
type Mode = 'share' | 'join' | 'restore';

/** "2 journals and 1 kept cohort": what a backup holds. */
function backupContents(file: Preview['file']): string {
  const journals = `${file.journalIds.length} journal${file.journalIds.length === 1 ? '' : 's'}`;
  const cohorts = `${file.cohorts.length} kept cohort${file.cohorts.length === 1 ? '' : 's'}`;
  if (!file.cohorts.length) return journals;
  return file.journalIds.length ? `${journals} and ${cohorts}` : `${cohorts} (no journal)`;
}

/**
 * Opens a pair file or a backup from a file picker or by drag-and-drop, shows what importing it
 * would do, and imports it only when asked. In `join` mode (first run) the file is a pair file for
 * a journal not yet on this device (only my role is asked) or a backup, restored whole; in
 * `restore` mode (first run) it must be a backup — one that holds only a committee member's kept
 * cohorts included.
 */
export function ImportFlow({
  mode,
  onDone,
  file,
  choicesWaiting = 0,
}: {
  mode: Mode;
  /** After an import: the journal it opened, if any (a backup of kept cohorts alone opens none). */
  onDone?: (journalId: string | undefined) => void;
  /** A file from the system (a file launch or a share, see incomingFile.ts): opened at once. */
  file?: File;
  /** How many texts changed by both people still wait for a choice (the Share screen counts them). */
  choicesWaiting?: number;
}) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState<string | undefined>();
  const [said, say] = useSaid();
  const [role, setRole] = useState<Role | undefined>();
  const [roleError, setRoleError] = useState<string | undefined>();
  const [acceptClockAhead, setAcceptClockAhead] = useState(false);
  const [clockError, setClockError] = useState<string | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  // Whether the Share screen has counted this import's conflicts yet (its count lags the import).
  const sawChoices = useRef(false);
  if (state.step !== 'done') sawChoices.current = false;
  else if (choicesWaiting > 0) sawChoices.current = true;
  const location = useLocation();
  // Asked for a passphrase (again, after a wrong one): the cursor is in the field, its text selected.
  const wrong = state.step === 'passphrase' ? (state.wrong ?? '') : undefined;
  useEffect(() => {
    if (wrong === undefined) return;
    passphraseInput.current?.focus();
    passphraseInput.current?.select();
  }, [wrong, state.step]);
  // The import code is fetched, the worker that opens files started and the device's revisions
  // read while the person picks a file, not after: opening starts at once.
  useEffect(() => {
    const loading = import('../../sync/importFile');
    loading.then((m) => m.prepareImport(getDb())).catch(() => {});
    return () => void loading.then((m) => m.endImport()).catch(() => {});
  }, []);

  const open = async (bytes: Uint8Array, name: string, pass?: string) => {
    setError(undefined);
    setState({ step: 'reading' });
    try {
      const { previewImport } = await import('../../sync/importFile');
      const preview = await previewImport(bytes, { passphrase: pass, db: getDb() });
      setState({ step: 'preview', preview, name });
    } catch (e) {
      const fault = (e as { fault?: string }).fault;
      if (fault === 'needs-passphrase' || (fault === 'cannot-decrypt' && pass !== undefined)) {
        setState({
          step: 'passphrase',
          bytes,
          name,
          wrong: fault === 'cannot-decrypt' ? (e as Error).message : undefined,
        });
        return;
      }
      // The message stays beside the file picker (never over a control) until the next file.
      setState({ step: 'idle' });
      setError((e as Error).message);
    }
  };

  // A file handed in (from the system) is opened at once, each one once.
  useEffect(() => {
    if (file) void chooseFile(file);
  }, [file]);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    // What was said about the file before does not outlive it.
    setError(undefined);
    if (file.size > MAX_FILE_BYTES) {
      setState({ step: 'idle' });
      setError(tooBigMessage(file.size));
      return;
    }
    setPassphrase('');
    setAcceptClockAhead(false);
    setClockError(undefined);
    const started = performance.now();
    const bytes = new Uint8Array(await file.arrayBuffer());
    performance.measure?.('mj:read-file', { start: started, end: performance.now() });
    // A committee summary is read by the cohort view, not imported: offer that instead.
    const { readSummary } = await import('../../report/readSummary');
    const reading = readSummary(bytes);
    if (reading.ok) {
      const { summary } = reading;
      const about = `the summary of ${journalTitle(summary)}, made on ${formatDate(summary.generatedOn)}`;
      setError(undefined);
      setState({ step: 'summary', file: { name: file.name, data: bytes }, about });
      return;
    }
    if (reading.kind === 'damaged' || reading.kind === 'newer-version') {
      setState({ step: 'idle' });
      setError(reading.reason);
      return;
    }
    await open(bytes, file.name);
  };

  const apply = async (preview: Preview) => {
    const isNew = preview.newJournalIds.length > 0 && preview.file.kind === 'pair';
    if (isNew && !role) {
      setRoleError('Choose whether you are the mentee or the mentor in this journal.');
      return;
    }
    if (preview.clockAheadMs !== undefined && !acceptClockAhead) {
      setClockError('This file is dated far ahead. Tick the box above to import it anyway, or Cancel.');
      return;
    }
    setState({ step: 'applying', preview });
    try {
      const { applyImportFile, partnerName } = await import('../../sync/importFile');
      const result = await applyImportFile(preview, { role, db: getDb(), acceptClockAhead });
      const journalId = preview.file.journalIds[0];
      const cohorts = preview.file.kind === 'backup' ? preview.file.cohorts.length : 0;
      const myRole = preview.knownJournals[0]?.role ?? role;
      const partner = partnerName(preview.journal, myRole);
      let message: string;
      if (preview.file.kind === 'backup') {
        message = `Backup restored: ${summary(result.plan.total)}${cohorts ? `; ${cohorts} kept cohort${cohorts === 1 ? '' : 's'}` : ''}.`;
      } else if (isNew) {
        message = `Journal added to this device${partner ? ` from ${partner}’s file` : ''}: ${summary(result.plan.total)}. It is now open.`;
      } else {
        message = `Merged into your journal with ${partner ?? 'your partner'} (now open): ${summary(result.plan.total)}.`;
      }
      if (result.aheadByMs)
        message +=
          ' The file’s clock was more than a day ahead of this device’s; check the date on both devices.';
      const conflicts = result.plan.conflicts.length;
      setState({ step: 'done', message, conflicts, cohorts });
      if (conflicts) message += ` ${conflictSentence(conflicts)}`;
      // Under Share the message stays on screen beside the picker; from first run the restored
      // journal opens, and the message is shown at the top of its Home.
      if (mode === 'share') announce(message);
      else announceOnArrival(message, '/');
      // Home's facts changed in bulk: kept again now, so the next start shows Home at once.
      if (journalId) void keepHomeNow(journalId, today());
      // …and its drawing too, once the journal on screen has caught up (app/keepHomeWhenHidden.tsx).
      homeChangedInBulk();
      onDone?.(journalId);
    } catch (e) {
      setState({ step: 'preview', preview, name: '' });
      setError((e as Error).message);
    }
  };

  return (
    <div class="import-flow">
      {(state.step === 'idle' || state.step === 'done' || state.step === 'reading') && (
        <fieldset
          class={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void chooseFile(e.dataTransfer?.files[0]);
          }}
        >
          <legend class="visually-hidden">Choose or drop a file</legend>
          <label class="file-label">
            <span>
              {mode === 'join'
                ? 'Choose my partner’s file or a backup'
                : mode === 'restore'
                  ? 'Choose the backup file'
                  : 'Choose a file to import'}
            </span>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                void chooseFile(file);
              }}
            />
          </label>
          <p class="hint">
            …or drop it here. Nothing is changed until you have seen what it holds and said yes.
          </p>
        </fieldset>
      )}
      {state.step === 'reading' && <p aria-live="polite">Opening the file…</p>}
      <SaidHere said={said} />
      {error && (
        <p class="warning import-error" role="alert">
          {error}
        </p>
      )}
      {state.step === 'done' && (
        <p class="import-done">
          {state.message}
          {/* Gone once every choice is made: the Share screen counts what still waits. */}
          {state.conflicts > 0 &&
            !(sawChoices.current && choicesWaiting === 0) &&
            ` ${conflictSentence(choicesWaiting || state.conflicts)}`}
          {state.cohorts > 0 && (
            <>
              {' '}
              <a href={COHORT_PATH}>Open the cohort view</a>
            </>
          )}
        </p>
      )}

      {state.step === 'summary' && (
        <section class="card" aria-labelledby="import-summary-title">
          <h3 id="import-summary-title">This is a committee summary</h3>
          <p>
            It is {state.about}, for the programme committee: not a file to import into a journal. The cohort
            view reads it, alongside other pairs’ summaries.
          </p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => {
                handToCohortView([state.file]);
                location.route(COHORT_PATH);
              }}
            >
              Open it in the cohort view
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </section>
      )}

      {state.step === 'passphrase' && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void open(state.bytes, state.name, passphrase);
          }}
        >
          <h3>This file is locked</h3>
          <p>Enter the passphrase chosen when the file was made.</p>
          <div class="field">
            <label for="import-passphrase">Passphrase</label>
            <input
              ref={passphraseInput}
              id="import-passphrase"
              type="password"
              autoComplete="off"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
              aria-describedby={state.wrong ? 'import-passphrase-error' : undefined}
            />
            {state.wrong && (
              <p class="field-error" id="import-passphrase-error" role="alert">
                {state.wrong}
              </p>
            )}
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Unlock
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {(state.step === 'preview' || state.step === 'applying') && (
        <PreviewPanel
          preview={state.preview}
          mode={mode}
          busy={state.step === 'applying'}
          role={role}
          roleError={roleError}
          onRole={(r) => {
            setRole(r);
            setRoleError(undefined);
          }}
          onApply={() => apply(state.preview)}
          onCancel={() => {
            setState({ step: 'idle' });
            setError(undefined);
            say('Import cancelled. Nothing was changed.');
          }}
          namesText={names(state.preview)}
          acceptClockAhead={acceptClockAhead}
          onAcceptClockAhead={(accept) => {
            setAcceptClockAhead(accept);
            setClockError(undefined);
          }}
          clockError={clockError}
        />
      )}
    </div>
  );
}

function PreviewPanel(props: {
  preview: Preview;
  mode: Mode;
  busy: boolean;
  role: Role | undefined;
  roleError?: string;
  onRole: (role: Role) => void;
  onApply: () => void;
  onCancel: () => void;
  namesText: string;
  acceptClockAhead: boolean;
  onAcceptClockAhead: (accept: boolean) => void;
  clockError?: string;
}) {
  const { preview, mode } = props;
  const { file, plan } = preview;
  const isNew = file.kind === 'pair' && preview.newJournalIds.length > 0;
  const changes = previewChanges({ plan, local: preview.basis.local });
  const exported = formatDate(file.exportedAt.slice(0, 10));
  const myRole = preview.knownJournals[0]?.role ?? props.role;
  const partner = myRole
    ? myRole === 'mentee'
      ? preview.journal?.mentorName
      : preview.journal?.menteeName
    : undefined;
  // First run joins a journal from a pair file or restores a backup (join takes both: a newcomer
  // may pick either); a pair file of a journal already here belongs under Share, where it is merged.
  const refusal =
    mode === 'join' && file.kind === 'pair' && !isNew
      ? 'This journal is already on this device. Open it and use Share to merge this file.'
      : mode === 'restore' && file.kind === 'pair'
        ? 'This is a pair file, not a backup: choose “Join with my partner’s file” instead.'
        : undefined;
  const joinRefused = refusal !== undefined;
  return (
    <section class="card import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">Before importing: what this file holds</h3>
      <p>
        {file.kind === 'backup'
          ? `A backup of ${backupContents(file)}, made on ${exported}.`
          : `A pair file for the journal of ${props.namesText}${partner ? `, sent by ${partner}` : ''}, made on ${exported}.`}
        {file.encrypted && ' It was locked with a passphrase.'}
      </p>
      {file.kind === 'pair' && !isNew && (
        <p>This journal is on this device: the file will be merged into it, and it will be opened.</p>
      )}
      {file.kind === 'pair' && isNew && (
        <>
          <p>This journal is not on this device yet. It will be added as a new journal.</p>
          <SelectField
            label="In this journal I am the"
            value={props.role}
            placeholder="Choose…"
            options={optionsOf(ROLE_LABELS)}
            onChange={(v) => v && props.onRole(v)}
            error={props.roleError}
          />
        </>
      )}
      {refusal && <p class="warning">{refusal}</p>}
      {file.kind === 'backup' && file.cohorts.length > 0 && (
        <ul class="backup-cohorts" aria-label="Kept cohorts">
          {file.cohorts.map((c) => (
            <li key={c.id}>
              {c.name}: {c.pairCount} pair{c.pairCount === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}
      {preview.clockAheadMs !== undefined && (
        <div class="warning clock-ahead">
          <p>
            Some changes in this file are dated {formatDate(file.maxStamp.slice(0, 10))}, about{' '}
            {Math.round(preview.clockAheadMs / (24 * 60 * 60 * 1000)).toLocaleString('en')} days ahead of this
            device’s clock. If you import it, every edit you make afterwards on this device will be dated
            after that day too, so that your edits still count as the latest. Check the date and time on both
            devices first.
          </p>
          <label class="check">
            <input
              type="checkbox"
              checked={props.acceptClockAhead}
              onChange={(e) => props.onAcceptClockAhead(e.currentTarget.checked)}
              aria-describedby={props.clockError ? 'clock-ahead-error' : undefined}
            />{' '}
            Import anyway, and date my later edits after {formatDate(file.maxStamp.slice(0, 10))}
          </label>
          {props.clockError && (
            <p class="field-error" id="clock-ahead-error">
              {props.clockError}
            </p>
          )}
        </div>
      )}
      {changes.length > 0 ? (
        <ul class="preview-kinds" aria-label="What will change, per kind of record">
          {changes.map(({ kind, lines }) => (
            <li key={kind} class="preview-kind" data-kind={KIND_INFO[kind].label}>
              <h4>{capitalize(KIND_INFO[kind].plural)}</h4>
              <ul class="preview-changes">
                {lines.map((line) => (
                  <li key={line.change} data-change={line.change} data-count={line.count}>
                    {changeLineText(line)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p>The file holds no journal records.</p>
      )}
      <p class="import-total">
        In all: {summary(plan.total)}
        {plan.total.conflicting
          ? `; ${plan.total.conflicting} changed by both of you, to resolve afterwards`
          : ''}
        .
      </p>
      {plan.total.withdrawn > 0 && (
        <p>
          {plan.total.withdrawn} record{plan.total.withdrawn === 1 ? '' : 's'} that{' '}
          {partner ?? 'your partner'} wrote and has since kept private will be removed from this device.
        </p>
      )}
      {plan.keptOut.length > 0 && (
        <details class="dropped" open>
          <summary>
            {plan.keptOut.length} record{plan.keptOut.length === 1 ? ' belongs' : 's belong'} to another
            journal on this device, so {plan.keptOut.length === 1 ? 'it is' : 'they are'} left out and not
            changed
          </summary>
          <ul>
            {plan.keptOut.slice(0, 100).map((k) => (
              <li key={k.id}>{capitalize(k.name)}.</li>
            ))}
            {plan.keptOut.length > 100 && <li>…and {plan.keptOut.length - 100} more.</li>}
          </ul>
        </details>
      )}
      {file.ignoredParts.length > 0 && (
        <p>
          This file has parts this version does not know ({file.ignoredParts.join(', ')}); they are ignored.
        </p>
      )}
      {file.aside.length > 0 && (
        <details class="dropped">
          <summary>
            {file.aside.length} value{file.aside.length === 1 ? '' : 's'} this version cannot use{' '}
            {file.aside.length === 1 ? 'is' : 'are'} kept aside (the rest of each record is imported)
          </summary>
          <ul>
            {file.aside.slice(0, 100).map((a, i) => (
              <li key={i}>
                {capitalize(a.name)}: {a.reason}.
              </li>
            ))}
            {file.aside.length > 100 && <li>…and {file.aside.length - 100} more.</li>}
          </ul>
        </details>
      )}
      {file.dropped.length > 0 && (
        <details class="dropped" open>
          <summary>
            {file.dropped.length} record{file.dropped.length === 1 ? ' was' : 's were'} left out
          </summary>
          <ul>
            {file.dropped.slice(0, 100).map((d, i) => (
              <li key={i}>
                {d.name ? capitalize(d.name) : d.label ? `A ${d.label}` : 'A record'}: {d.reason}.
              </li>
            ))}
            {file.dropped.length > 100 && <li>…and {file.dropped.length - 100} more.</li>}
          </ul>
        </details>
      )}
      <div class="actions">
        {!joinRefused && (
          <button type="button" class="primary" disabled={props.busy} onClick={props.onApply}>
            {isNew
              ? mode === 'join'
                ? 'Join this journal'
                : 'Add as a new journal on this device'
              : file.kind === 'backup'
                ? 'Restore this backup'
                : 'Import'}
          </button>
        )}
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
