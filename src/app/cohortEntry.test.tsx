import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { pairSummary, summaryText } from '../../tests/helpers/summaries';
import { createJournal } from '../db/journals';
import { App } from './App';

// The update bar needs the service-worker registration that only a Vite build provides.
vi.mock('./ReloadPrompt', () => ({ ReloadPrompt: () => null }));

beforeEach(() => {
  history.replaceState(null, '', '/');
});

const fresh = useFreshDb();

const summary = () =>
  summaryText(
    pairSummary({ journalId: 'j-1', mentee: 'Ana Kowalska', mentor: 'Sam Reid', today: '2025-09-01' }),
  );

describe('a programme committee member without a journal', () => {
  it('goes from the first run to the cohort view, reads summaries, and no journal is made', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Start a new journal' });
    await user.click(screen.getByRole('link', { name: 'I’m on the programme committee' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Cohort view' })).toBeTruthy();
    expect(location.pathname).toBe('/cohort');
    await user.upload(
      screen.getByLabelText('Choose summary files'),
      new File([summary()], 'ana.json', { type: 'application/json' }),
    );
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Ana Kowalska' })).toBeTruthy();
    expect(await fresh.db.table('journals').count()).toBe(0);

    await user.click(screen.getByRole('link', { name: 'Start a journal of my own instead' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Start a new journal' })).toBeTruthy();
  });
});

describe('with a journal', () => {
  it('the cohort view is under More, in the shell', async () => {
    await createJournal({ role: 'mentor', menteeName: 'Bea', mentorName: 'Kim' }, fresh.db);
    const user = userEvent.setup();
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByText('More'));
    await user.click(within(nav).getByRole('link', { name: 'Cohort view' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cohort view' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Start a journal of my own instead' })).toBeNull();
  });

  it('a summary opened while starting another journal (Join) opens in the cohort view, in the shell', async () => {
    await createJournal({ role: 'mentor', menteeName: 'Bea', mentorName: 'Kim' }, fresh.db);
    const user = userEvent.setup();
    render(<App />);
    const switcher = await screen.findByRole('combobox', { name: /^Current journal/ });
    await user.selectOptions(switcher, '+ Start a new journal…');
    await user.click(await screen.findByRole('button', { name: 'Join with my partner’s file' }));
    await user.upload(
      await screen.findByLabelText('Choose my partner’s file or a backup'),
      new File([summary()], 'ana.json', { type: 'application/json' }),
    );
    const offer = await screen.findByRole('region', { name: 'This is a committee summary' });
    await user.click(within(offer).getByRole('button', { name: 'Open it in the cohort view' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Cohort view' })).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'Ana Kowalska' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(await fresh.db.table('journals').count()).toBe(1);
  });
});
