import { cleanup, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { freshJournal, renderInJournal } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import * as download from '../../report/download';
import { CommitteeSummaryScreen } from './CommitteeSummaryScreen';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function journalWithItems() {
  const current = await freshJournal('mentee', {
    menteeName: 'Zofia Łukasiewicz',
    mentorName: 'Grace Ọkafọ',
    startDate: '2025-01-15',
  });
  const { journalId } = current;
  const goal = await repo('goal').create(
    journalId,
    { title: 'Lead a small project', status: 'active' },
    { visibility: 'committee' },
  );
  await repo('goal').create(journalId, { title: 'Pair-only goal' });
  await repo('goal').create(journalId, { title: 'Private goal' }, { visibility: 'private' });
  const story = await repo('story').create(
    journalId,
    { title: 'Teen reading club', problem: 'Teens stopped coming' },
    { visibility: 'committee' },
  );
  const meeting = await repo('meeting').create(journalId, {
    date: '2025-02-10',
    mode: 'video',
    status: 'held',
  });
  await repo('note').create(journalId, {
    parentKind: 'meeting',
    parentId: meeting.id,
    text: 'My private worry',
  });
  return { current, goal, story };
}

describe('CommitteeSummaryScreen', () => {
  test('previews only committee items, with a link to change each one’s visibility, and counts what is left out', async () => {
    const { current, goal, story } = await journalWithItems();
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect(await screen.findByText('Lead a small project')).toBeTruthy();
    expect(screen.getByText('Teen reading club')).toBeTruthy();
    expect(screen.getByText('Zofia Łukasiewicz (mentee) and Grace Ọkafọ (mentor)')).toBeTruthy();
    expect(screen.queryByText(/Pair-only goal/)).toBeNull();
    expect(screen.queryByText(/Private goal/)).toBeNull();
    expect(screen.queryByText(/My private worry/)).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Change who can see it: Lead a small project' }).getAttribute('href'),
    ).toBe(`/goals/${goal.id}`);
    expect(
      screen.getByRole('link', { name: 'Change who can see it: Teen reading club' }).getAttribute('href'),
    ).toBe(`/stories/${story.id}`);
    expect(screen.getByRole('link', { name: '2 goals' }).getAttribute('href')).toBe('/goals');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Committee summary');
  });

  test('Download summary (JSON) hands over the file the preview shows', async () => {
    const { current } = await journalWithItems();
    const spy = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
    renderInJournal(<CommitteeSummaryScreen />, current);
    await screen.findByText('Lead a small project');
    await userEvent.click(screen.getByRole('button', { name: 'Download summary (JSON)' }));
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    const [fileName, text, type] = spy.mock.calls[0]!;
    expect(fileName).toMatch(/^committee-summary-zofia-łukasiewicz-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    const summary = JSON.parse(text as string);
    expect(summary.goals.map((g: { title: string }) => g.title)).toEqual(['Lead a small project']);
    expect(summary.meetings.heldCount).toBe(1);
    expect(text).not.toContain('Pair-only goal');
    expect(text).not.toContain('My private worry');
  });

  test('a section left out in the preview is left out of the file; a period covers only its dates', async () => {
    const { current } = await journalWithItems();
    await repo('meeting').create(current.journalId, { date: '2025-06-10', status: 'held' });
    const spy = vi.spyOn(download, 'downloadFile').mockImplementation(() => undefined);
    renderInJournal(<CommitteeSummaryScreen />, current);
    await screen.findByText('Teen reading club');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Stories' }));
    await waitFor(() => expect(screen.queryByText('Teen reading club')).toBeNull());
    await userEvent.click(screen.getByRole('radio', { name: 'A period' }));
    await userEvent.type(screen.getByLabelText('From'), '2025-06-01');
    await userEvent.type(screen.getByLabelText('To'), '2025-06-30');
    await screen.findByText(/Covers .*Jun 2025 to .*Jun 2025\./);
    await userEvent.click(screen.getByRole('button', { name: 'Download summary (JSON)' }));
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    const summary = JSON.parse(spy.mock.calls[0]![1] as string);
    expect(summary.stories).toEqual([]);
    expect(summary.leftOut).toEqual(['stories']);
    expect(summary.period).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(summary.meetings.held.map((m: { date: string }) => m.date)).toEqual(['2025-06-10']);
  });

  test('a period that ends before it starts says so at the date, and nothing can be downloaded', async () => {
    const { current } = await journalWithItems();
    renderInJournal(<CommitteeSummaryScreen />, current);
    await screen.findByText('Teen reading club');
    await userEvent.click(screen.getByRole('radio', { name: 'A period' }));
    await userEvent.type(screen.getByLabelText('From'), '2025-06-30');
    await userEvent.type(screen.getByLabelText(/^To/), '2025-06-01');
    expect(await screen.findByText('The start of the period must come before its end.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Download summary (JSON)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  test('the PDF’s paper follows the browser’s region until the user picks the other one', async () => {
    const { current } = await journalWithItems();
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('pl-PL');
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect((screen.getByRole('radio', { name: 'A4' }) as HTMLInputElement).checked).toBe(true);
    cleanup();
    language.mockReturnValue('es-MX');
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect((screen.getByRole('radio', { name: 'US Letter' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: 'A4' }));
    expect((screen.getByRole('radio', { name: 'A4' }) as HTMLInputElement).checked).toBe(true);
  });
});
