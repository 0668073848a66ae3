import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { COHORT_PATH } from '../cohort/handoff';
import { formatDate } from '../components/labels';
import { announceError, announceOnArrival } from '../components/status';
import { useJournal } from '../journalContext';
import './closed.css';

/**
 * Screens that still work in a closed journal: sharing (pair files, import, conflicts), settings
 * (backups), search, the committee summary and the cohort view only read or merge.
 */
const STILL_WORKING = ['/share', '/settings', '/search', '/summary', COHORT_PATH];

/**
 * A closed journal is read-only: a banner says so (with its dates) and offers to reopen it, and
 * every control of the screen below is disabled — except on the screens that sync, back up,
 * search and report, which still work. The repository refuses edits too; this is so nobody types
 * into a form that cannot be saved. Dexie loads for the reopen only.
 */
export function ReadOnlyWhenClosed({ children }: { children: ComponentChildren }) {
  const { journalId, journal } = useJournal();
  const { path } = useLocation();
  const [busy, setBusy] = useState(false);
  const closed = journal.closedDate !== undefined;

  async function reopen() {
    setBusy(true);
    try {
      const { reopenJournal } = await import('../../db/programme');
      await reopenJournal(journalId);
      announceOnArrival('The journal is open again');
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  }

  const readOnly = closed && !STILL_WORKING.some((p) => path === p || path.startsWith(`${p}/`));
  // The screen sits in the same place whether the journal is open or closed, so a close that
  // arrives while it is shown (an import under Share) keeps its state: the import's result stays.
  return (
    <>
      {closed && (
        <div class="closed-journal" role="note">
          <p>
            <strong>Partnership completed</strong>
            {journal.startDate && ` · ${formatDate(journal.startDate)} – ${formatDate(journal.closedDate)}`}.
            This journal is read-only; it still syncs, backs up and exports.
          </p>
          <button type="button" disabled={busy} onClick={reopen}>
            Reopen the journal
          </button>
        </div>
      )}
      <fieldset class="read-only-screen" disabled={readOnly}>
        {children}
      </fieldset>
    </>
  );
}
