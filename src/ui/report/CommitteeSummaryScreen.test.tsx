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
});
