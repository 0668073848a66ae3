import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { OpportunitiesScreen } from './OpportunitiesScreen';
import { safeLink } from './opportunityLabels';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

function open() {
  return renderInJournal(<OpportunitiesScreen />, fresh.current);
}

describe('development opportunities', () => {
  it('makes a link clickable only when it is an http or https address', async () => {
    expect(safeLink(' https://example.org/course ')).toBe('https://example.org/course');
    expect(safeLink('http://example.org')).toBe('http://example.org/');
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeLink('example.org')).toBeUndefined();
    await repo('opportunity').create(JOURNAL, { title: 'Safe', link: 'https://example.org/a' });
    await repo('opportunity').create(JOURNAL, { title: 'Unsafe', link: 'javascript:alert(1)' });
    open();
    expect((await screen.findByRole('link', { name: 'https://example.org/a' })).getAttribute('href')).toBe(
      'https://example.org/a',
    );
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('P');
    expect(screen.queryAllByRole('link')).toHaveLength(1);
  });

  it('adds, edits and deletes an opportunity, linked to a goal', async () => {
    const goal = await repo('goal').create(JOURNAL, { title: 'Lead a team' });
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Add opportunity' }));
    await userEvent.type(await screen.findByLabelText('Title'), 'Leadership institute');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'institute');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'applied');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Lead a team' }));
    await userEvent.type(screen.getByLabelText('Takeaways'), 'Ask about budgets');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    const [saved] = await repo('opportunity').list(JOURNAL);
    expect(saved).toMatchObject({
      title: 'Leadership institute',
      type: 'institute',
      status: 'applied',
      goalIds: [goal.id],
      takeaways: 'Ask about budgets',
    });
    expect(await screen.findByText('Goals: Lead a team')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Edit Leadership institute' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect(await repo('opportunity').list(JOURNAL)).toEqual([]));
  });

  it('shows only the opportunities with the status I pick, and all of them again', async () => {
    await repo('opportunity').create(JOURNAL, { title: 'Book club', status: 'interested' });
    await repo('opportunity').create(JOURNAL, { title: 'Leadership institute', status: 'applied' });
    await repo('opportunity').create(JOURNAL, { title: 'Cataloguing course', status: 'done' });
    open();
    const titles = () => screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    await waitFor(() =>
      expect(titles()).toEqual(['Leadership institute', 'Book club', 'Cataloguing course']),
    );
    const filter = screen.getByRole('radiogroup', { name: 'Show by status' });
    expect((within(filter).getByRole('radio', { name: 'All' }) as HTMLInputElement).checked).toBe(true);

    await userEvent.click(within(filter).getByRole('radio', { name: 'Applied' }));
    expect(titles()).toEqual(['Leadership institute']);
    await userEvent.click(within(filter).getByRole('radio', { name: 'Done' }));
    expect(titles()).toEqual(['Cataloguing course']);
    await userEvent.click(within(filter).getByRole('radio', { name: 'Attending' }));
    expect(titles()).toEqual([]);
    expect(screen.getByText('No opportunities marked Attending.')).toBeTruthy();
    await userEvent.click(within(filter).getByRole('radio', { name: 'All' }));
    expect(titles()).toEqual(['Leadership institute', 'Book club', 'Cataloguing course']);
  });

  it('keeps a new opportunity in view while I fill it in, whatever the filter shows', async () => {
    await repo('opportunity').create(JOURNAL, { title: 'Cataloguing course', status: 'done' });
    open();
    await userEvent.click(await screen.findByRole('radio', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add opportunity' }));
    await userEvent.type(await screen.findByLabelText('Title'), 'Webinar on grants');
    expect(screen.getByRole('heading', { level: 2, name: 'Webinar on grants' })).toBeTruthy();
  });
});
