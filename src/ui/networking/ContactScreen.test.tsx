import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import type { RecordFor } from '../../model/kinds';
import { ContactEditor } from './ContactScreen';
import { NetworkingScreen, orderContacts } from './NetworkingScreen';

const JOURNAL = 'journal-1';

// Registered before the database hooks: the clock is fixed before the database is made and
// restored after it is deleted.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 5, 10, 0)); // 5 March 2026
});
afterEach(() => {
  vi.useRealTimers();
});

const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

function inJournal(children: preact.ComponentChildren) {
  return renderInJournal(children, fresh.current);
}

const contact = (name: string, extra: Partial<RecordFor<'contact'>> = {}) =>
  ({ id: name, name, createdAt: '2026-01-01T00:00:00.000Z', ...extra }) as RecordFor<'contact'>;

describe('networking', () => {
  it('puts follow-ups due first (oldest due first), then planned ones, then the most recently met', () => {
    const { due, rest } = orderContacts(
      [
        contact('Met long ago', { date: '2025-05-01' }),
        contact('Due today', { followUpDate: '2026-03-05' }),
        contact('Next week', { followUpDate: '2026-03-12' }),
        contact('Overdue', { followUpDate: '2026-02-01' }),
        contact('Met recently', { date: '2026-02-20' }),
      ],
      '2026-03-05',
    );
    expect(due.map((c) => c.name)).toEqual(['Overdue', 'Due today']);
    expect(rest.map((c) => c.name)).toEqual(['Next week', 'Met recently', 'Met long ago']);
  });

  it('shows a section of follow-ups due above everyone else', async () => {
    await repo('contact').create(JOURNAL, { name: 'Ana', followUpDate: '2026-03-01' });
    await repo('contact').create(JOURNAL, { name: 'Ben' });
    inJournal(<NetworkingScreen />);
    await screen.findByRole('heading', { name: 'Ben' });
    const headings = screen.getAllByRole('heading');
    expect(headings.map((h) => h.textContent)).toEqual([
      'Networking',
      'Follow-ups due',
      'Ana',
      'Everyone else',
      'Ben',
    ]);
    expect(screen.getByText('Follow up now: 1 Mar 2026')).toBeTruthy();
  });

  it('ticks the four R’s, dates the thank-you, and saves them', async () => {
    const { id } = await repo('contact').create(JOURNAL, { name: 'Ana' });
    inJournal(<ContactEditor id={id} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Researched the organisation' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Made sure to be remembered' }));
    await waitFor(async () =>
      expect(await repo('contact').get(id)).toMatchObject({
        researched: true,
        remembered: true,
        thankYouDate: '2026-03-05',
        visibility: 'private',
      }),
    );
  });

  it('logs an opportunity a sponsor opened', async () => {
    const { id } = await repo('contact').create(JOURNAL, { name: 'Ana' });
    inJournal(<ContactEditor id={id} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'This person is a sponsor' }));
    await userEvent.type(
      await screen.findByLabelText('Opportunity they opened'),
      'State library committee seat',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Log opportunity' }));
    expect(await screen.findByRole('link', { name: 'State library committee seat' })).toBeTruthy();
    const [opportunity] = await repo('opportunity').list(JOURNAL);
    expect(opportunity).toMatchObject({ title: 'State library committee seat', sponsorContactId: id });
    await waitFor(async () => expect((await repo('contact').get(id))?.isSponsor).toBe(true));
  });
});
