import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import type { RecordFor } from '../../model/kinds';
import { TextField } from '../components/fields';
import { formatDate, today } from '../components/labels';
import { announceError } from '../components/status';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { contactName, FOUR_RS, fourRsDone } from './networkingLabels';
import './networking.css';

type ContactRecord = RecordFor<'contact'>;

/**
 * Contacts in the order to act on them: follow-ups due (today or earlier) first, oldest due
 * first; then those with a follow-up planned, soonest first; then the rest, most recently met first.
 */
export function orderContacts(contacts: readonly ContactRecord[], day: string) {
  const due = contacts
    .filter((c) => c.followUpDate && c.followUpDate <= day)
    .sort((a, b) => a.followUpDate!.localeCompare(b.followUpDate!));
  const rest = contacts
    .filter((c) => !(c.followUpDate && c.followUpDate <= day))
    .sort((a, b) => {
      if (a.followUpDate && b.followUpDate) return a.followUpDate.localeCompare(b.followUpDate);
      if (a.followUpDate) return -1;
      if (b.followUpDate) return 1;
      return (b.date ?? b.createdAt).localeCompare(a.date ?? a.createdAt);
    });
  return { due, rest };
}

/** Networking: the people met through informational interviews and events; follow-ups due first. */
export function NetworkingScreen() {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const contacts = useLive(() => repo('contact').live(journalId), [journalId]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const day = today();
  const { due, rest } = useMemo(() => orderContacts(contacts ?? [], day), [contacts, day]);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Enter the person’s name.');
      return;
    }
    try {
      const contact = await repo('contact').create(journalId, { name: name.trim(), date: day });
      route(`/networking/${contact.id}`);
    } catch (err) {
      announceError(err);
    }
  };

  return (
    <>
      <h1>Networking</h1>
      <p>
        People you have met or talked to about their work: informational interviews, events, referrals. Keep a
        note of what you learned, when to follow up, and the four R's.
      </p>
      <form class="add-contact" onSubmit={add} noValidate>
        <TextField
          label="Name of someone you met"
          value={name}
          onInput={(v) => {
            setName(v);
            setError(undefined);
          }}
          autoComplete="off"
          error={error}
        />
        <button type="submit" class="primary">
          Add contact
        </button>
      </form>

      {contacts === undefined ? (
        <p class="empty">Loading your contacts…</p>
      ) : contacts.length === 0 ? (
        <p class="empty">No contacts yet.</p>
      ) : (
        <>
          {due.length > 0 && (
            <>
              <h2>Follow-ups due</h2>
              <ContactList contacts={due} day={day} />
            </>
          )}
          <h2>{due.length > 0 ? 'Everyone else' : 'Contacts'}</h2>
          {rest.length === 0 ? (
            <p class="empty">No one else yet.</p>
          ) : (
            <ContactList contacts={rest} day={day} />
          )}
        </>
      )}
    </>
  );
}

function ContactList({ contacts, day }: { contacts: ContactRecord[]; day: string }) {
  return (
    <ul class="cards">
      {contacts.map((c) => {
        const overdue = c.followUpDate && c.followUpDate <= day;
        return (
          <li key={c.id} class="card contact-card">
            <h3>
              <a href={`/networking/${c.id}`}>{contactName(c)}</a>
            </h3>
            {(c.role || c.organisation) && (
              <p class="meta">{[c.role?.trim(), c.organisation?.trim()].filter(Boolean).join(', ')}</p>
            )}
            <p class="badges">
              {c.followUpDate && (
                <span class={overdue ? 'badge warn' : 'badge'}>
                  {overdue ? 'Follow up now' : 'Follow up'}: {formatDate(c.followUpDate)}
                </span>
              )}
              <span class="badge">
                {fourRsDone(c)} of {FOUR_RS.length} R's
              </span>
              {c.isSponsor && <span class="badge sponsor">Sponsor</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
