import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type KeptCohort,
  keepCohort,
  keptCohortSummaries,
  liveKeptCohorts,
  removeKeptCohort,
} from '../../db/cohorts';
import { downloadFile } from '../../report/download';
import { readSummaryValue } from '../../report/readSummary';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { formatDate, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announce, announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { JournalContext } from '../journalContext';
import { CohortBackup } from './CohortBackup';
import {
  addSummary,
  addToCohort,
  type CohortEntry,
  type CohortFile,
  type CohortNotice,
  type RefusedFile,
} from './cohort';
import {
  COHORT_COLUMNS,
  type CohortRow,
  type CohortSort,
  cohortRows,
  DEFAULT_SORT,
  sortRows,
} from './cohortTable';
import { takeHandedFiles } from './handoff';
import './cohort.css';

/** What the latest opening of files gave, as the screen reports it. */
interface Opened {
  files: number;
  added: number;
  notices: CohortNotice[];
  refused: RefusedFile[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A name for a kept cohort: its programmes ("Regional library mentoring"), or its size. */
export function cohortName(entries: readonly CohortEntry[]): string {
  const programmes = [...new Set(entries.map((e) => e.summary.journal.programme.trim()).filter(Boolean))];
  if (programmes.length === 0) return `${plural(entries.length, 'pair', 'pairs')} without a programme name`;
  if (programmes.length <= 2) return programmes.join(' and ');
  return `${programmes.slice(0, 2).join(', ')} and ${programmes.length - 2} more`;
}

/** One sentence for what opening files did. */
function openedSentence({ files, added, notices, refused }: Opened): string {
  const replaced = notices.filter((n) => n.kind === 'replaced').length;
  const parts = [`${plural(added, 'pair', 'pairs')} added`];
  if (replaced)
    parts.push(
      plural(replaced, 'newer summary replaced an older one', 'newer summaries replaced older ones'),
    );
  if (refused.length) parts.push(`${plural(refused.length, 'file', 'files')} could not be read`);
  return `Opened ${plural(files, 'file', 'files')}: ${parts.join('; ')}.`;
}

/** A summary's day, with its time when two of one day are told apart. */
function made(summary: CohortEntry['summary'], other?: CohortEntry['summary']): string {
  const day = formatDate(summary.generatedOn);
  if (!summary.generatedAt || other?.generatedOn !== summary.generatedOn) return day;
  const time = new Date(summary.generatedAt);
  return `${day}, ${time.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

function noticeText(notice: CohortNotice): string {
  switch (notice.kind) {
    case 'replaced':
      return `A newer summary of ${notice.pair} (made ${made(notice.newer, notice.older)}, ${notice.fileName}) replaced the one made ${made(notice.older, notice.newer)}.`;
    case 'older-ignored':
      return `An older summary of ${notice.pair} (made ${made(notice.ignored, notice.kept)}, ${notice.fileName}) was not used: the one already open, made ${made(notice.kept, notice.ignored)}, is newer.`;
    case 'same':
      return `${notice.fileName} is the same summary of ${notice.pair} as one already open.`;
    case 'older-format':
      return `${notice.fileName} is an older summary (format version 1) of ${notice.pair}: it has no journal id, so its pair is known by the names and programme, and it lists only the check-ins shown to the committee.`;
  }
}

/**
 * The cohort view, for programme committee members, with or without a journal of their own: many
 * pairs' committee summaries in one sortable table, the pairs that need attention flagged with the
 * reasons, as CSV or printed. Nothing is stored unless the person keeps the cohort on this device.
 */
export function CohortScreen() {
  const hasJournal = useContext(JournalContext) !== undefined;
  const [entries, setEntries] = useState<CohortEntry[]>([]);
  const [opened, setOpened] = useState<Opened | undefined>();
  const [sort, setSort] = useState<CohortSort>(DEFAULT_SORT);
  const [kept, setKept] = useState<KeptCohort | undefined>();
  // What closing said (the table goes), and what the table's buttons did.
  const [openSaid, sayAtOpen] = useSaid();
  const [tableSaid, sayAtTable, sayAtTableError] = useSaid();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>();
  const keptList = useLive(() => liveKeptCohorts(), []);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;

  const rows = useMemo(() => sortRows(cohortRows(entries), sort), [entries, sort]);
  const flagged = rows.filter((r) => r.reasons.length > 0).length;

  /** Saves the cohort again when it is kept: a kept cohort follows what is opened into it. */
  const saveIfKept = async (next: CohortEntry[], keptNow: KeptCohort | undefined) => {
    if (!keptNow) return;
    setKept(
      await keepCohort({ id: keptNow.id, name: keptNow.name, summaries: next.map((e) => e.summary.file) }),
    );
  };

  const openFiles = async (files: readonly CohortFile[]) => {
    if (files.length === 0) return;
    const change = addToCohort(entriesRef.current, files);
    setEntries(change.entries);
    const report = {
      files: files.length,
      added: change.added,
      notices: change.notices,
      refused: change.refused,
    };
    setOpened(report);
    announce(openedSentence(report), change.refused.length ? 'error' : 'info');
    try {
      await saveIfKept(change.entries, kept);
    } catch (error) {
      announceError(error);
    }
  };

  const chooseFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const read = await Promise.all(
        files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
      );
      await openFiles(read);
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    // A summary opened under Share is handed over in memory.
    const handed = takeHandedFiles();
    if (handed.length) void openFiles(handed);
  }, []);

  const keep = async () => {
    try {
      const saved = await keepCohort({
        name: cohortName(entries),
        summaries: entries.map((e) => e.summary.file),
      });
      setKept(saved);
      announce(
        'Kept on this device. It is never put in a pair file; remove it here when it is no longer needed.',
      );
    } catch (error) {
      announceError(error);
    }
  };

  const remove = async (id: string) => {
    try {
      await removeKeptCohort(id);
      setConfirmRemove(undefined);
      if (kept?.id === id) {
        setKept(undefined);
        sayAtTable('Removed from this device. The table stays open until you close it.');
      } else announce('Removed from this device.');
    } catch (error) {
      sayAtTableError(error);
    }
  };

  const openKept = async (cohort: KeptCohort) => {
    try {
      const stored = (await keptCohortSummaries(cohort.id)) ?? [];
      const next: CohortEntry[] = [];
      const notices: CohortNotice[] = [];
      const refused: RefusedFile[] = [];
      stored.forEach((value, i) => {
        const reading = readSummaryValue(value);
        if (reading.ok) addSummary(next, notices, reading.summary, `kept summary ${i + 1}`);
        else refused.push({ fileName: `Kept summary ${i + 1}`, reason: reading.reason });
      });
      setEntries(next);
      setKept(cohort);
      setOpened(
        refused.length ? { files: stored.length, added: next.length, notices: [], refused } : undefined,
      );
      announce(`Opened ${cohort.name}: ${plural(next.length, 'pair', 'pairs')}.`);
    } catch (error) {
      announceError(error);
    }
  };

  const close = () => {
    setEntries([]);
    setKept(undefined);
    setOpened(undefined);
    sayAtOpen(
      kept ? 'Cohort closed. It is still kept on this device.' : 'Cohort closed. Nothing was stored.',
    );
  };

  const downloadCsv = async () => {
    try {
      // The CSV writer (papaparse) loads only when asked for.
      const { cohortCsv, cohortCsvName } = await import('./cohortCsv');
      const name = cohortCsvName(today());
      downloadFile(name, cohortCsv(rows), 'text/csv;charset=utf-8');
      sayAtTable(`Saved ${name} to your downloads.`);
    } catch (error) {
      sayAtTableError(error);
    }
  };

  const otherKept = (keptList ?? []).filter((c) => c.id !== kept?.id);

  return (
    <div class="cohort-screen">
      <h1>Cohort view</h1>
      <p class="cohort-intro">
        For the programme committee: open the committee summaries your pairs send you (the JSON files), and
        read every pair in one table, with the pairs that need attention flagged. The files are read on this
        device only, and nothing is stored unless you choose to keep the cohort.
      </p>
      {!hasJournal && (
        <p class="cohort-no-journal">
          <a href="/">Start a journal of my own instead</a>
        </p>
      )}

      {otherKept.length > 0 && (
        <section class="cohort-kept" aria-labelledby="cohort-kept-title">
          <h2 id="cohort-kept-title">Kept on this device</h2>
          <ul class="cards">
            {otherKept.map((c) => (
              <li key={c.id} class="card">
                <p>
                  <strong>{c.name}</strong>: {plural(c.pairCount, 'pair', 'pairs')}, kept{' '}
                  {formatDate(today(new Date(c.keptAt)))}
                </p>
                {confirmRemove === c.id ? (
                  <ConfirmDelete
                    question={`Remove ${c.name} from this device?`}
                    detail="The summaries kept with it are deleted from this device. The pairs’ own files are not touched."
                    confirmLabel="Yes, remove"
                    onConfirm={() => remove(c.id)}
                    onKeep={() => setConfirmRemove(undefined)}
                  />
                ) : (
                  <div class="actions">
                    <button type="button" aria-label={`Open ${c.name}`} onClick={() => openKept(c)}>
                      Open
                    </button>
                    <button
                      type="button"
                      aria-label={`Remove ${c.name} from this device`}
                      data-delete-opener
                      onClick={() => setConfirmRemove(c.id)}
                    >
                      Remove from this device
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="cohort-open" aria-labelledby="cohort-open-title">
        <h2 id="cohort-open-title">Open summaries</h2>
        <fieldset
          class={`drop-zone${dragging ? ' dragging' : ''}`}
          aria-describedby="cohort-drop-hint"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void chooseFiles([...(e.dataTransfer?.files ?? [])]);
          }}
        >
          <legend>Drop committee summaries here</legend>
          <label class="file-label">
            <span>Choose summary files</span>
            <input
              type="file"
              multiple
              accept=".json,application/json"
              onChange={(e) => {
                const input = e.currentTarget;
                const files = [...(input.files ?? [])];
                input.value = '';
                void chooseFiles(files);
              }}
            />
          </label>
          <p class="hint" id="cohort-drop-hint">
            Choose as many as you like, or drop them on this box. Each pair’s newest summary is the one shown.
          </p>
        </fieldset>
        {busy && <p role="status">Opening the files…</p>}
        <SaidHere said={openSaid} />
      </section>

      {opened && <OpenedReport opened={opened} />}

      {rows.length > 0 && (
        <div class="cohort-pairs">
          <div class="actions cohort-actions">
            <button type="button" class="primary" onClick={downloadCsv}>
              Download the table (CSV)
            </button>
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
            {kept ? null : (
              <button type="button" onClick={keep}>
                Keep this cohort on this device
              </button>
            )}
            <button type="button" onClick={close}>
              Close this cohort
            </button>
            <SaidHere said={tableSaid} />
          </div>
          {kept && (
            <div class="cohort-kept-state">
              <p class="meta">
                Kept on this device since {formatDate(today(new Date(kept.keptAt)))}; summaries you open now
                are kept with it.
              </p>
              {confirmRemove === kept.id ? (
                <ConfirmDelete
                  question="Remove this cohort from this device?"
                  detail="The table stays open until you close it; the pairs’ own files are not touched."
                  confirmLabel="Yes, remove"
                  onConfirm={() => remove(kept.id)}
                  onKeep={() => setConfirmRemove(undefined)}
                />
              ) : (
                <div class="actions">
                  <button type="button" data-delete-opener onClick={() => setConfirmRemove(kept.id)}>
                    Remove from this device
                  </button>
                </div>
              )}
            </div>
          )}
          <CohortTable rows={rows} sort={sort} onSort={setSort} flagged={flagged} />
        </div>
      )}
      {(keptList ?? []).length > 0 && <CohortBackup />}
    </div>
  );
}

function OpenedReport({ opened }: { opened: Opened }) {
  return (
    <section class="cohort-opened" aria-labelledby="cohort-opened-title">
      <h2 id="cohort-opened-title">What was opened</h2>
      <p>{openedSentence(opened)}</p>
      {opened.notices.length > 0 && (
        <ul class="cohort-notices">
          {opened.notices.map((n, i) => (
            <li key={i}>{noticeText(n)}</li>
          ))}
        </ul>
      )}
      {opened.refused.length > 0 && (
        <div class="warning cohort-refused">
          <h3>Not read</h3>
          <ul>
            {opened.refused.map((r, i) => (
              <li key={i}>
                <strong>{r.fileName}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function CohortTable({
  rows,
  sort,
  onSort,
  flagged,
}: {
  rows: CohortRow[];
  sort: CohortSort;
  onSort: (sort: CohortSort) => void;
  flagged: number;
}) {
  const sortedBy = COHORT_COLUMNS.find((c) => c.id === sort.column)!;
  return (
    <section class="cohort-scroll" aria-labelledby="cohort-caption">
      <table class="cohort-table">
        <caption id="cohort-caption">
          Pairs in this cohort: {rows.length}, of which {flagged} need{flagged === 1 ? 's' : ''} attention.{' '}
          <span class="cohort-sorted">
            Sorted by {sortedBy.header.toLowerCase()}, {sort.direction}.
          </span>
        </caption>
        <thead>
          <tr>
            {COHORT_COLUMNS.map((c) => {
              const current = sort.column === c.id;
              return (
                <th
                  key={c.id}
                  scope="col"
                  class={`col-${c.id}${c.numeric ? ' numeric' : ''}`}
                  aria-sort={current ? sort.direction : undefined}
                >
                  <button
                    type="button"
                    class="sort-button"
                    onClick={() =>
                      onSort({
                        column: c.id,
                        direction: current && sort.direction === 'ascending' ? 'descending' : 'ascending',
                      })
                    }
                  >
                    {c.header}
                    <span class="sort-mark" aria-hidden="true">
                      {current ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} class={row.reasons.length ? 'needs-attention' : undefined}>
              {row.cells.map((text, i) => {
                const column = COHORT_COLUMNS[i]!;
                const cls = `col-${column.id}${column.numeric ? ' numeric' : ''}`;
                if (i === 0)
                  return (
                    <th key={column.id} scope="row" class={cls}>
                      {text}
                    </th>
                  );
                if (column.id === 'attention')
                  return (
                    <td key={column.id} class={cls}>
                      <span class={row.reasons.length ? 'badge warn' : 'badge'}>{text}</span>
                    </td>
                  );
                return (
                  <td key={column.id} class={cls}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
