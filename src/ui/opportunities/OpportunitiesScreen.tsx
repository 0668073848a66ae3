import { useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { RecordFor } from '../../model/kinds';
import type { OpportunityStatus, OpportunityType } from '../../model/opportunity';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { DateField, RadioGroup, SelectField, TextArea, TextField } from '../components/fields';
import { GoalLinks } from '../components/GoalLinks';
import { formatDate, optionsOf, SAVE_STATE_TEXT } from '../components/labels';
import { announceError, announceOnArrival } from '../components/status';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { contactName } from '../networking/networkingLabels';
import {
  OPPORTUNITY_STATUS_LABELS,
  OPPORTUNITY_TYPE_LABELS,
  opportunityTitle,
  safeLink,
} from './opportunityLabels';
import './opportunities.css';
import { VisibilityField } from '../components/VisibilityField';

type OpportunityRecord = RecordFor<'opportunity'>;

/** Which opportunities come first: what I am in now, then waiting on, then considering, then done. */
const STATUS_ORDER: Record<OpportunityStatus, number> = { attending: 0, applied: 1, interested: 2, done: 3 };

export function orderOpportunities(list: readonly OpportunityRecord[]): OpportunityRecord[] {
  return [...list].sort(
    (a, b) =>
      STATUS_ORDER[a.status ?? 'interested'] - STATUS_ORDER[b.status ?? 'interested'] ||
      (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

type StatusFilter = OpportunityStatus | 'all';

/** The status filter's choices: everything, or one status. */
const FILTER_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...optionsOf(OPPORTUNITY_STATUS_LABELS),
];

/** Development opportunities: programmes, institutes, webinars, courses and readings. */
export function OpportunitiesScreen() {
  const { journalId } = useJournal();
  const opportunities = useLive(() => repo('opportunity').live(journalId), [journalId]);
  const goals = useLive(() => repo('goal').live(journalId), [journalId]);
  const contacts = useLive(() => repo('contact').live(journalId), [journalId]);
  const [editing, setEditing] = useState<string | undefined>(() =>
    typeof location !== 'undefined' && location.hash.startsWith('#opportunity-')
      ? location.hash.slice('#opportunity-'.length)
      : undefined,
  );
  const [filter, setFilter] = useState<StatusFilter>('all');
  const ordered = useMemo(() => orderOpportunities(opportunities ?? []), [opportunities]);
  // The one being edited stays in view even when its status no longer matches the filter.
  const shown = ordered.filter(
    (o) => filter === 'all' || (o.status ?? 'interested') === filter || o.id === editing,
  );

  const add = async () => {
    try {
      const created = await repo('opportunity').create(journalId, { status: 'interested' });
      setEditing(created.id);
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <>
      <h1>Development opportunities</h1>
      <p>
        Programmes, institutes, webinars, courses and readings that help you grow toward your goals. Note what
        you took away from each: it is good material for your next conversation with your mentor.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={add}>
          Add opportunity
        </button>
      </div>
      {opportunities === undefined ? (
        <p class="empty">Loading…</p>
      ) : ordered.length === 0 ? (
        <p class="empty">Nothing yet. Add a course, a webinar or a book you want to read.</p>
      ) : (
        <>
          <div class="opp-filter">
            <RadioGroup<StatusFilter>
              label="Show by status"
              name="opportunity-status-filter"
              value={filter}
              options={FILTER_OPTIONS}
              onChange={setFilter}
            />
          </div>
          {shown.length === 0 ? (
            <p class="empty">
              No opportunities marked {OPPORTUNITY_STATUS_LABELS[filter as OpportunityStatus]}.
            </p>
          ) : (
            <ul class="cards">
              {shown.map((o) => (
                <li key={o.id} id={`opportunity-${o.id}`} class="card opportunity-card">
                  {editing === o.id ? (
                    <OpportunityEditor
                      id={o.id}
                      goals={goals ?? []}
                      sponsorName={sponsorOf(o, contacts)}
                      onDone={() => setEditing(undefined)}
                    />
                  ) : (
                    <OpportunitySummary
                      opportunity={o}
                      goals={goals ?? []}
                      sponsorName={sponsorOf(o, contacts)}
                      onEdit={() => setEditing(o.id)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function sponsorOf(o: OpportunityRecord, contacts: RecordFor<'contact'>[] | undefined) {
  const sponsor = o.sponsorContactId ? contacts?.find((c) => c.id === o.sponsorContactId) : undefined;
  return sponsor ? contactName(sponsor) : undefined;
}

function dates(o: OpportunityRecord): string | undefined {
  if (o.startDate && o.endDate && o.endDate !== o.startDate)
    return `${formatDate(o.startDate)} – ${formatDate(o.endDate)}`;
  return o.startDate ? formatDate(o.startDate) : o.endDate ? `until ${formatDate(o.endDate)}` : undefined;
}

function OpportunitySummary({
  opportunity: o,
  goals,
  sponsorName,
  onEdit,
}: {
  opportunity: OpportunityRecord;
  goals: RecordFor<'goal'>[];
  sponsorName: string | undefined;
  onEdit: () => void;
}) {
  const href = safeLink(o.link);
  const linked = goals.filter((g) => o.goalIds?.includes(g.id));
  return (
    <>
      <h2>{opportunityTitle(o)}</h2>
      <p class="meta">{[o.type && OPPORTUNITY_TYPE_LABELS[o.type], dates(o)].filter(Boolean).join(' · ')}</p>
      <p>
        <span class={o.status === 'done' ? 'badge' : 'badge opp-active'}>
          {OPPORTUNITY_STATUS_LABELS[o.status ?? 'interested']}
        </span>
      </p>
      {o.link?.trim() &&
        (href ? (
          <p class="link">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {o.link.trim()}
            </a>
          </p>
        ) : (
          <p class="link meta">{o.link.trim()}</p>
        ))}
      {sponsorName && <p class="meta">Opened by {sponsorName}</p>}
      {o.takeaways?.trim() && <p class="takeaways">{o.takeaways.trim()}</p>}
      {linked.length > 0 && (
        <p class="meta">Goals: {linked.map((g) => g.title?.trim() || 'Untitled goal').join(', ')}</p>
      )}
      <div class="actions">
        <button type="button" aria-label={`Edit ${opportunityTitle(o)}`} onClick={onEdit}>
          Edit
        </button>
      </div>
    </>
  );
}

function OpportunityEditor({
  id,
  goals,
  sponsorName,
  onDone,
}: {
  id: string;
  goals: RecordFor<'goal'>[];
  sponsorName: string | undefined;
  onDone: () => void;
}) {
  const { record, set, flush, state } = useAutosave('opportunity', id);
  const [confirming, setConfirming] = useState(false);
  if (!record) return <p class="empty">Loading…</p>;
  const goalIds = record.goalIds ?? [];
  const linkGiven = record.link?.trim();
  const linkError =
    linkGiven && !safeLink(linkGiven)
      ? 'Only web addresses starting with http:// or https:// become links.'
      : undefined;

  const remove = async () => {
    try {
      await repo('opportunity').remove(id);
      announceOnArrival(`Deleted ${opportunityTitle(record)}`);
      onDone();
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <h2>{opportunityTitle(record)}</h2>
      <p class="meta">{SAVE_STATE_TEXT[state]}</p>
      <TextField label="Title" value={record.title} onInput={(v) => set('title', v)} />
      <SelectField<OpportunityType | ''>
        label="Kind"
        value={record.type ?? ''}
        placeholder="Not said"
        options={optionsOf(OPPORTUNITY_TYPE_LABELS)}
        onChange={(v) => set('type', v || undefined)}
      />
      <SelectField<OpportunityStatus>
        label="Status"
        value={record.status ?? 'interested'}
        options={optionsOf(OPPORTUNITY_STATUS_LABELS)}
        onChange={(v) => set('status', v)}
      />
      <div class="date-pair">
        <DateField label="Starts" value={record.startDate} onInput={(v) => set('startDate', v)} />
        <DateField label="Ends" value={record.endDate} onInput={(v) => set('endDate', v)} />
      </div>
      <TextField
        label="Link"
        type="url"
        hint="Its web page, if it has one."
        value={record.link}
        onInput={(v) => set('link', v)}
        error={linkError}
      />
      {sponsorName && <p class="meta">Opened by {sponsorName}</p>}
      <TextArea
        label="Takeaways"
        hint="What you learned, what you will try, what to talk over with your mentor."
        value={record.takeaways}
        onInput={(v) => set('takeaways', v)}
      />
      <GoalLinks
        goals={goals}
        selected={goalIds}
        onChange={(ids) => set('goalIds', ids)}
        empty="No goals yet."
      />
      <VisibilityField
        kind="opportunity"
        author={record?.author}
        label="Who can see it"
        value={record.visibility}
        onChange={(v) => set('visibility', v)}
      />
      {confirming ? (
        <ConfirmDelete
          question={`Delete “${opportunityTitle(record)}”?`}
          onConfirm={remove}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={async () => {
              await flush();
              onDone();
            }}
          >
            Done
          </button>
          <button type="button" class="danger" data-delete-opener onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      )}
    </form>
  );
}
