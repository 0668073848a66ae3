import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { repo } from '../../db';
import type { HowFound } from '../../model/contact';
import type { OpportunityType } from '../../model/opportunity';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { CheckboxField, DateField, SelectField, TextArea, TextField } from '../components/fields';
import { formatDate, optionsOf, SAVE_STATE_TEXT, today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { announceError, announceOnArrival } from '../components/status';
import { useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import {
  OPPORTUNITY_STATUS_LABELS,
  OPPORTUNITY_TYPE_LABELS,
  opportunityTitle,
} from '../opportunities/opportunityLabels';
import { contactName, FOUR_RS, HOW_FOUND_LABELS } from './networkingLabels';
import './networking.css';
import { VisibilityField } from '../components/VisibilityField';

/** One contact at /networking/:id. */
export function ContactScreen() {
  const { params } = useRoute();
  return <ContactEditor id={params.id ?? ''} />;
}

/** Edits one contact; every change saves itself. */
export function ContactEditor({ id }: { id: string }) {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const { record, loaded, missing, set, state } = useAutosave('contact', id);
  const [confirming, setConfirming] = useState(false);

  if (missing || (loaded && (record?.deleted || record?.journalId !== journalId))) {
    return (
      <>
        <h1>Contact not found</h1>
        <p>
          {record?.deleted
            ? 'This contact was deleted.'
            : 'This contact is not in this journal on this device.'}
        </p>
        <p>
          <a href="/networking">Back to networking</a>
        </p>
      </>
    );
  }
  if (!record) return <p class="empty">Loading…</p>;

  const remove = async () => {
    try {
      await repo('contact').remove(id);
      announceOnArrival(`Deleted ${contactName(record)}`, '/networking');
      route('/networking');
    } catch (error) {
      announceError(error);
    }
  };

  return (
    <form class="contact-editor" onSubmit={(e) => e.preventDefault()} noValidate>
      <p class="back-link">
        <a href="/networking">← Networking</a>
      </p>
      <h1>{contactName(record)}</h1>
      <p class="save-state">{SAVE_STATE_TEXT[state]}</p>
      <TextField label="Name" value={record.name} onInput={(v) => set('name', v)} autoComplete="off" />
      <TextField
        label="Role"
        hint="Their job title or what they do."
        value={record.role}
        onInput={(v) => set('role', v)}
      />
      <TextField label="Organisation" value={record.organisation} onInput={(v) => set('organisation', v)} />
      <SelectField<HowFound | ''>
        label="How I found them"
        value={record.howFound ?? ''}
        placeholder="Not said"
        options={optionsOf(HOW_FOUND_LABELS)}
        onChange={(v) => set('howFound', v || undefined)}
      />
      <DateField label="When we met or talked" value={record.date} onInput={(v) => set('date', v)} />
      <TextArea
        label="Notes"
        hint="What they told you about their work and path, advice, names they mentioned."
        value={record.notes}
        onInput={(v) => set('notes', v)}
      />
      <DateField
        label="Follow up by"
        hint="When to get back in touch. Contacts due show first in the list."
        value={record.followUpDate}
        onInput={(v) => set('followUpDate', v)}
      />

      <fieldset>
        <legend>The four R's</legend>
        {FOUR_RS.map((r) => (
          <CheckboxField
            key={r.field}
            label={r.label}
            hint={r.hint}
            checked={record[r.field]}
            onChange={(checked) => {
              set(r.field, checked);
              if (r.field === 'remembered' && checked && !record.thankYouDate) set('thankYouDate', today());
            }}
          />
        ))}
        <DateField
          label="Thank-you sent on"
          value={record.thankYouDate}
          onInput={(v) => set('thankYouDate', v)}
        />
      </fieldset>

      <fieldset>
        <legend>Sponsor</legend>
        <CheckboxField
          label="This person is a sponsor"
          hint="A sponsor does more than advise: they speak up for you and open doors."
          checked={record.isSponsor}
          onChange={(checked) => set('isSponsor', checked)}
        />
        {record.isSponsor && <SponsorLog journalId={journalId} contactId={id} />}
      </fieldset>

      <VisibilityField
        kind="contact"
        author={record?.author}
        label="Who can see this contact"
        value={record.visibility}
        onChange={(v) => set('visibility', v)}
      />

      {confirming ? (
        <ConfirmDelete
          question={`Delete ${contactName(record)}?`}
          detail="The contact and your notes are removed from this journal."
          onConfirm={remove}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="danger" data-delete-opener onClick={() => setConfirming(true)}>
            Delete contact
          </button>
        </div>
      )}
    </form>
  );
}

/** The opportunities a sponsor opened for me, and a quick way to log one. */
function SponsorLog({ journalId, contactId }: { journalId: string; contactId: string }) {
  const opportunities = useLive(() => repo('opportunity').live(journalId), [journalId]);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<OpportunityType>('programme');
  const [error, setError] = useState<string | undefined>(undefined);
  const [said, say, sayError] = useSaid();
  const opened = (opportunities ?? []).filter((o) => o.sponsorContactId === contactId);

  const add = async () => {
    if (!title.trim()) {
      setError('Say what the opportunity was.');
      return;
    }
    try {
      await repo('opportunity').create(journalId, {
        title: title.trim(),
        type,
        status: 'interested',
        startDate: today(),
        sponsorContactId: contactId,
      });
      setTitle('');
      say('Opportunity added');
    } catch (err) {
      sayError(err);
    }
  };

  return (
    <div class="sponsor-log">
      <h2>Opportunities they opened</h2>
      {opened.length === 0 ? (
        <p class="empty">None logged yet.</p>
      ) : (
        <ul class="cards">
          {opened.map((o) => (
            <li key={o.id} class="card">
              <a href={`/opportunities#opportunity-${o.id}`}>{opportunityTitle(o)}</a>
              <p class="meta">
                {[
                  o.type && OPPORTUNITY_TYPE_LABELS[o.type],
                  o.status && OPPORTUNITY_STATUS_LABELS[o.status],
                  o.startDate && formatDate(o.startDate),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label="Opportunity they opened"
        hint="A role they told you about, a committee they put you forward for, a talk they invited you to give."
        value={title}
        onInput={(v) => {
          setTitle(v);
          setError(undefined);
        }}
        error={error}
        autoComplete="off"
      />
      <SelectField<OpportunityType>
        label="Kind"
        value={type}
        options={optionsOf(OPPORTUNITY_TYPE_LABELS)}
        onChange={setType}
      />
      <div class="row-actions">
        <button type="button" onClick={add}>
          Log opportunity
        </button>
        <SaidHere said={said} />
      </div>
    </div>
  );
}
