import { useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { AnyRecord } from '../../model/kinds';
import { GOAL_STATUS_LABELS, MODE_LABELS } from '../../model/labels';
import { buildSummary, type CommitteeSummary } from '../../report/buildSummary';
import { PAGE_SIZES, type PageSize, pageSizeForLocale } from '../../report/pageSize';
import { SUMMARY_SECTIONS, type SummarySection } from '../../report/summarySchema';
import {
  agreementLines,
  cadenceLine,
  checkInLine,
  checkInRatingLine,
  gapLine,
  goalProgressLine,
  meetingsCountLine,
  meetingsProgressLine,
  milestoneCountsLine,
  milestoneMeta,
  pairLine,
  periodLine,
  progressLines,
  ratingTrendLine,
} from '../../report/summaryText';
import { toJson } from '../../report/toJson';
import { canShareFile, deliverFile } from '../../sync/deliverFile';
import { CheckboxField, DateField } from '../components/fields';
import { formatDate, today, VISIBILITY_LABELS } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './report.css';

const COMMITTEE = VISIBILITY_LABELS.committee;

/** Records the summary draws on, kept by kind so each list updates on its own. */
function useSummaryRecords(journalId: string): AnyRecord[] | undefined {
  const goals = useLive(() => repo('goal').live(journalId), [journalId]);
  const milestones = useLive(() => repo('milestone').live(journalId), [journalId]);
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  const stories = useLive(() => repo('story').live(journalId), [journalId]);
  const checkIns = useLive(() => repo('checkIn').live(journalId), [journalId]);
  const notes = useLive(() => repo('note').live(journalId), [journalId]);
  const progress = useLive(() => repo('progressEntry').live(journalId), [journalId]);
  const opportunities = useLive(() => repo('opportunity').live(journalId), [journalId]);
  const reflections = useLive(() => repo('reflection').live(journalId), [journalId]);
  return useMemo(() => {
    const all = [goals, milestones, meetings, stories, checkIns, notes, progress, opportunities, reflections];
    if (all.some((list) => list === undefined)) return undefined;
    return all.flat() as AnyRecord[];
  }, [goals, milestones, meetings, stories, checkIns, notes, progress, opportunities, reflections]);
}

/** How many items of each kind stay out of the summary (private or pair only). */
function leftOut(records: AnyRecord[]) {
  const count = (kind: AnyRecord['kind']) =>
    records.filter((r) => r.kind === kind && !r.deleted && r.visibility !== 'committee').length;
  return [
    { kind: 'goal', one: 'goal', many: 'goals', href: '/goals', n: count('goal') },
    { kind: 'milestone', one: 'milestone', many: 'milestones', href: '/milestones', n: count('milestone') },
    { kind: 'story', one: 'story', many: 'stories', href: '/stories', n: count('story') },
    { kind: 'checkIn', one: 'check-in', many: 'check-ins', href: '/check-ins', n: count('checkIn') },
  ].filter((k) => k.n > 0);
}

/** "Change who can see it" with the item's name for screen readers. */
function ChangeLink({ href, name }: { href: string; name: string }) {
  return (
    <a href={href} class="change-link" aria-label={`Change who can see it: ${name}`}>
      Change who can see it
    </a>
  );
}

/** What became of a file handed over, in words for the status line. */
const HANDED = { shared: 'shared', downloaded: 'downloaded', cancelled: undefined } as const;

/**
 * Scene 3: a summary of the journal for the programme committee, with a preview of exactly what
 * goes in, as PDF or JSON — to the share sheet where the browser can share files, else downloaded
 * (`deliverFile`, as the pair file). Nothing private: only items marked for the committee, and
 * the dates of meetings held. `nav` is the browser's navigator (a test passes its own).
 */
export function CommitteeSummaryScreen({ nav = navigator }: { nav?: Navigator; id?: string } = {}) {
  const { journalId, journal, role } = useJournal();
  const records = useSummaryRecords(journalId);
  const day = today();
  const [choice, setChoice] = useState<SummaryChoice>({ whole: true, leaveOut: [] });
  const period = choice.whole ? undefined : { from: choice.from, to: choice.to };
  const periodError = !choice.whole && choice.from && choice.to && choice.from > choice.to;
  const summary = useMemo(
    () =>
      records && !periodError
        ? buildSummary(records, journal, { today: day, role, period, leaveOut: choice.leaveOut })
        : undefined,
    [records, journal, day, role, choice],
  );
  const [busy, setBusy] = useState<'pdf' | undefined>(undefined);
  const [said, say] = useSaid();
  // The paper of the person's region (US Letter in the Americas' Letter countries, A4 elsewhere) until they pick.
  const [pageSize, setPageSize] = useState<PageSize>(() => pageSizeForLocale(navigator.language));

  const sharePdf = canShareFile('application/pdf', nav);
  const shareJson = canShareFile('application/json', nav);

  const deliver = async (file: { name: string; bytes: Uint8Array; type: string }, what: string) => {
    const handed = HANDED[await deliverFile(file, nav)];
    if (handed) say(`Summary ${handed} (${what})`);
  };

  const downloadJson = async () => {
    if (!summary) return;
    const file = toJson(summary);
    try {
      await deliver(
        { name: file.fileName, bytes: new TextEncoder().encode(file.text), type: file.type },
        'JSON',
      );
    } catch (error) {
      announceError(error);
    }
  };

  const downloadPdf = async () => {
    if (!summary || busy) return;
    setBusy('pdf');
    try {
      // pdf-lib, fontkit and the font load only now: they are not part of the app's first load.
      const [{ toPdf }, { loadFont }] = await Promise.all([
        import('../../report/toPdf'),
        import('../../report/font'),
      ]);
      const file = await toPdf(summary, await loadFont(), { pageSize });
      await deliver({ name: file.fileName, bytes: file.bytes, type: file.type }, 'PDF');
    } catch (error) {
      announceError(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="summary-screen">
      <h1>Committee summary</h1>
      <p>A summary of your partnership for the programme committee, to download and send. It holds only:</p>
      <ul class="summary-rules">
        <li>your names, the programme, how far along it is, and when each of you confirmed the agreement;</li>
        <li>
          how many meetings you held, with their dates and how you met, and whether you met as often as agreed
          — never meeting notes, agendas or actions;
        </li>
        <li>
          how far you have come: goals’ latest progress, milestones done and overdue, and the date of your
          latest check-in;
        </li>
        <li>
          goals, milestones, stories, check-ins, notes, reflection answers and finished development
          opportunities marked “{COMMITTEE}”.
        </li>
      </ul>
      <p>
        Anything marked “{VISIBILITY_LABELS.private}” or “{VISIBILITY_LABELS.pair}” stays out. To add an item,
        open it and set “Who can see it” to “{COMMITTEE}”.
      </p>

      <SummaryChoices
        choice={choice}
        onChange={setChoice}
        error={periodError ? 'The start of the period must come before its end.' : undefined}
      />

      <fieldset class="paper-size">
        <legend>Paper size of the PDF</legend>
        {(Object.keys(PAGE_SIZES) as PageSize[]).map((size) => (
          <label class="choice" key={size}>
            <input
              type="radio"
              name="paper-size"
              checked={pageSize === size}
              onChange={() => setPageSize(size)}
            />
            {PAGE_SIZES[size].label}
          </label>
        ))}
      </fieldset>

      <div class="actions">
        {/* aria-disabled while busy, not disabled: a disabled button would drop the keyboard focus. */}
        <button
          type="button"
          class="primary"
          onClick={downloadPdf}
          disabled={!summary}
          aria-disabled={busy ? 'true' : undefined}
        >
          {busy === 'pdf' ? 'Preparing the PDF…' : `${sharePdf ? 'Share' : 'Download'} summary (PDF)`}
        </button>
        <button type="button" onClick={downloadJson} disabled={!summary}>
          {shareJson ? 'Share' : 'Download'} summary (JSON)
        </button>
        <SaidHere said={said} />
      </div>

      {summary && records ? <Preview summary={summary} records={records} /> : <p>Loading…</p>}
    </div>
  );
}

/** What the pair chose in the preview: the period it covers and the sections left out. */
interface SummaryChoice {
  whole: boolean;
  from?: string;
  to?: string;
  leaveOut: SummarySection[];
}

const SECTION_LABELS: Record<SummarySection, string> = {
  goals: 'Goals',
  milestones: 'Milestones',
  stories: 'Stories',
  checkIns: 'Partnership check-ins',
  opportunities: 'Development opportunities',
  reflections: 'Reflections',
  notes: 'Notes',
};

/** Whole programme or a period, and which sections go in; the preview below follows at once. */
function SummaryChoices({
  choice,
  onChange,
  error,
}: {
  choice: SummaryChoice;
  onChange: (choice: SummaryChoice) => void;
  error?: string;
}) {
  return (
    <div class="summary-choices">
      <fieldset>
        <legend>What it covers</legend>
        <label class="choice">
          <input
            type="radio"
            name="period"
            checked={choice.whole}
            onChange={() => onChange({ ...choice, whole: true })}
          />
          The whole programme so far
        </label>
        <label class="choice">
          <input
            type="radio"
            name="period"
            checked={!choice.whole}
            onChange={() => onChange({ ...choice, whole: false })}
          />
          A period
        </label>
        {!choice.whole && (
          <div class="period-dates">
            <DateField label="From" value={choice.from} onInput={(from) => onChange({ ...choice, from })} />
            <DateField
              label="To"
              value={choice.to}
              onInput={(to) => onChange({ ...choice, to })}
              error={error}
            />
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Sections to include</legend>
        {SUMMARY_SECTIONS.map((name) => (
          <CheckboxField
            key={name}
            label={SECTION_LABELS[name]}
            checked={!choice.leaveOut.includes(name)}
            onChange={(include) =>
              onChange({
                ...choice,
                leaveOut: include ? choice.leaveOut.filter((n) => n !== name) : [...choice.leaveOut, name],
              })
            }
          />
        ))}
      </fieldset>
    </div>
  );
}

function Preview({ summary, records }: { summary: CommitteeSummary; records: AnyRecord[] }) {
  const outside = leftOut(records);
  const notes = new Map(
    (
      records.filter((r) => r.kind === 'note') as { id: string; parentKind?: string; parentId?: string }[]
    ).map((n) => [n.id, n]),
  );
  const noteHref = (id: string) => {
    const n = notes.get(id);
    if (n?.parentKind === 'goal' && n.parentId) return `/goals/${n.parentId}`;
    if (n?.parentKind === 'meeting' && n.parentId) return `/meetings/${n.parentId}`;
    if (n?.parentKind === 'story' && n.parentId) return `/stories/${n.parentId}`;
    return undefined;
  };

  return (
    <section aria-labelledby="summary-preview" class="summary-preview">
      <h2 id="summary-preview">What goes in</h2>
      <p class="meta">
        Exactly what the files will hold, as of {formatDate(summary.generatedOn)}. {periodLine(summary)}
      </p>

      <h3>The pair</h3>
      <p>{pairLine(summary)}</p>
      <ul class="plain">
        {progressLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {agreementLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h3>Meetings held</h3>
      <p>
        {meetingsCountLine(summary)} {meetingsProgressLine(summary)} {cadenceLine(summary)}
      </p>
      {summary.meetings.gapsOverCadence.length > 0 && (
        <ul>
          {summary.meetings.gapsOverCadence.map((gap) => (
            <li key={gap.from}>{gapLine(gap)}</li>
          ))}
        </ul>
      )}
      {summary.meetings.held.length > 0 && (
        <ul class="plain meeting-dates">
          {summary.meetings.held.map((m, i) => (
            <li key={`${m.date}-${i}`}>
              {formatDate(m.date)}
              {m.mode ? ` — ${MODE_LABELS[m.mode]}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h3>Goals ({summary.goals.length})</h3>
      {summary.goals.length === 0 ? (
        <p class="empty">No goals marked “{COMMITTEE}”.</p>
      ) : (
        <ul class="cards">
          {summary.goals.map((g) => (
            <li class="card" key={g.id}>
              <p class="item-title">{g.title}</p>
              <p class="meta">
                {[GOAL_STATUS_LABELS[g.status], g.targetDate ? `target ${formatDate(g.targetDate)}` : '']
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {goalProgressLine(g) && <p class="meta">{goalProgressLine(g)}</p>}
              {g.successCriteria && <p class="item-text">Success criteria: {g.successCriteria}</p>}
              <ChangeLink href={`/goals/${g.id}`} name={g.title} />
            </li>
          ))}
        </ul>
      )}

      <h3>Milestones ({summary.milestones.length})</h3>
      <p>{milestoneCountsLine(summary)}</p>
      {summary.milestones.length === 0 ? (
        <p class="empty">No milestones marked “{COMMITTEE}”.</p>
      ) : (
        <ul class="cards">
          {summary.milestones.map((m) => (
            <li class="card" key={m.id}>
              <p class="item-title">{m.title}</p>
              <p class="meta">{milestoneMeta(m)}</p>
              <ChangeLink href="/milestones" name={m.title} />
            </li>
          ))}
        </ul>
      )}

      <h3>Stories ({summary.stories.length})</h3>
      {summary.stories.length === 0 ? (
        <p class="empty">No stories marked “{COMMITTEE}”.</p>
      ) : (
        <ul class="cards">
          {summary.stories.map((s) => (
            <li class="card" key={s.id}>
              <p class="item-title">{s.title}</p>
              {s.problem && <p class="item-text">Problem: {s.problem}</p>}
              {s.action && <p class="item-text">Action: {s.action}</p>}
              {s.result && <p class="item-text">Result: {s.result}</p>}
              <ChangeLink href={`/stories/${s.id}`} name={s.title} />
            </li>
          ))}
        </ul>
      )}

      <h3>Check-ins ({summary.checkIns.length})</h3>
      <p>{checkInLine(summary)}</p>
      {ratingTrendLine(summary) && <p>{ratingTrendLine(summary)}</p>}
      {summary.checkIns.length === 0 ? (
        <p class="empty">No check-ins marked “{COMMITTEE}”.</p>
      ) : (
        <ul class="cards">
          {summary.checkIns.map((c) => {
            const name = `Check-in${c.date ? ` of ${formatDate(c.date)}` : ''} by the ${c.author}`;
            return (
              <li class="card" key={c.id}>
                <p class="item-title">{name}</p>
                {checkInRatingLine(c) && <p>{checkInRatingLine(c)}</p>}
                <dl class="answers">
                  {c.answers.map((a) => (
                    <div key={a.question}>
                      <dt>{a.question}</dt>
                      <dd class="item-text">{a.answer}</dd>
                    </div>
                  ))}
                </dl>
                <ChangeLink href="/check-ins" name={name} />
              </li>
            );
          })}
        </ul>
      )}

      {summary.opportunities.length > 0 && (
        <>
          <h3>Development opportunities ({summary.opportunities.length})</h3>
          <ul class="cards">
            {summary.opportunities.map((o) => (
              <li class="card" key={o.id}>
                <p class="item-title">{o.title}</p>
                {o.endDate && <p class="meta">Finished {formatDate(o.endDate)}</p>}
                {o.takeaways && <p class="item-text">What I took away: {o.takeaways}</p>}
                <ChangeLink href="/opportunities" name={o.title} />
              </li>
            ))}
          </ul>
        </>
      )}

      {summary.reflections.length > 0 && (
        <>
          <h3>Reflections ({summary.reflections.length})</h3>
          <ul class="cards">
            {summary.reflections.map((r) => (
              <li class="card" key={r.id}>
                <p class="item-title">{r.question}</p>
                <p class="item-text">{r.answer}</p>
                <ChangeLink href="/reflection" name={r.question} />
              </li>
            ))}
          </ul>
        </>
      )}

      {summary.notes.length > 0 && (
        <>
          <h3>Notes ({summary.notes.length})</h3>
          <ul class="cards">
            {summary.notes.map((n) => {
              const href = noteHref(n.id);
              return (
                <li class="card" key={n.id}>
                  <p class="item-text">{n.text}</p>
                  {href && <ChangeLink href={href} name={`note: ${n.text.slice(0, 40)}`} />}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3>Left out</h3>
      {outside.length === 0 ? (
        <p>Every goal, milestone, story and check-in is marked for the committee.</p>
      ) : (
        <>
          <p>Kept between you two or private, so not in the summary:</p>
          <ul class="plain left-out">
            {outside.map((k) => (
              <li key={k.kind}>
                <a href={k.href}>
                  {k.n} {k.n === 1 ? k.one : k.many}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="meta">
        Private notes, meeting notes, agendas, actions and contacts are never included; opportunities only
        once done.
      </p>
    </section>
  );
}
