import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { addDays } from '../../model/schedule';
import { PAGE_SIZE } from '../components/ShowMore';
import { StoriesScreen } from './StoriesScreen';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

function open() {
  return renderInJournal(<StoriesScreen />, fresh.current);
}

const complete = { problem: 'p', action: 'a', result: 'r' };

describe('story bank', () => {
  it('counts ready stories toward the six the workshop recommends', async () => {
    await repo('story').create(JOURNAL, { title: 'One', ...complete, status: 'ready' });
    await repo('story').create(JOURNAL, { title: 'Two', ...complete, status: 'ready' });
    await repo('story').create(JOURNAL, { title: 'Three', status: 'draft' });
    open();
    expect((await screen.findByText('2 of 6 stories ready')).tagName).toBe('STRONG');
  });

  it('filters by skill (any spelling), context and status, newest first', async () => {
    await repo('story').create(JOURNAL, {
      title: 'Old',
      date: '2024-01-05',
      context: 'work',
      skills: [{ name: 'Leadership', enjoyed: false }],
    });
    await repo('story').create(JOURNAL, {
      title: 'New',
      date: '2025-03-01',
      context: 'volunteering',
      skills: [{ name: 'leadership ', enjoyed: true }],
    });
    await repo('story').create(JOURNAL, { title: 'Other', date: '2024-06-01', context: 'work' });
    open();
    const titles = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    await screen.findByText('New');
    expect(titles()).toEqual(['New', 'Other', 'Old']);
    await userEvent.selectOptions(screen.getByLabelText('Skill'), 'leadership');
    expect(titles()).toEqual(['New', 'Old']);
    await userEvent.selectOptions(screen.getByLabelText('Context'), 'work');
    expect(titles()).toEqual(['Old']);
    expect(screen.getByText('1 of 3 stories match.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Skill'), '');
    await userEvent.selectOptions(screen.getByLabelText('Order'), 'oldest');
    expect(titles()).toEqual(['Old', 'Other']);
  });

  it('duplicates a story as a new draft titled "(copy)", its interview-question links too', async () => {
    const original = await repo('story').create(JOURNAL, {
      title: 'Budget',
      ...complete,
      status: 'ready',
      skills: [{ name: 'Budgeting', enjoyed: true }],
      questionIds: ['doing-more-with-less'],
    });
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Duplicate Budget' }));
    await waitFor(async () => expect(await repo('story').list(JOURNAL)).toHaveLength(2));
    const copy = (await repo('story').list(JOURNAL)).find((s) => s.id !== original.id);
    expect(copy).toMatchObject({
      title: 'Budget (copy)',
      problem: 'p',
      action: 'a',
      result: 'r',
      status: 'draft',
      skills: [{ name: 'Budgeting', enjoyed: true }],
      questionIds: ['doing-more-with-less'],
    });
  });

  it('deletes a story only after I confirm', async () => {
    const story = await repo('story').create(JOURNAL, { title: 'Gone soon' });
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Gone soon' }));
    const group = await screen.findByRole('group', { name: 'Delete “Gone soon”?' });
    await userEvent.click(within(group).getByRole('button', { name: 'Keep it' }));
    expect((await repo('story').get(story.id))?.deleted).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Gone soon' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect((await repo('story').get(story.id))?.deleted).toBe(true));
    expect(await screen.findByText('No stories yet. Start with one thing you are proud of.')).toBeTruthy();
  });

  /** 120 stories, one a day from 1 Jan 2025, titled by number; the three oldest are the ready ones. */
  async function manyStories() {
    const base = await repo('story').create(JOURNAL, {
      title: 'S000',
      date: '2025-01-01',
      ...complete,
      status: 'ready',
    });
    const rows = Array.from({ length: 119 }, (_, i) => ({
      ...base,
      id: `story-${i + 1}`,
      title: `S${String(i + 1).padStart(3, '0')}`,
      date: addDays('2025-01-01', i + 1),
      status: i < 2 ? ('ready' as const) : ('draft' as const),
    }));
    await fresh.db.table('stories').bulkPut(rows);
  }

  const cards = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

  it(`shows ${PAGE_SIZE} stories at first, the next page on request with focus on its first story, and counts them all`, async () => {
    await manyStories();
    open();
    await screen.findByText('S119');
    expect(cards()).toHaveLength(PAGE_SIZE);
    expect(cards()[0]).toBe('S119');
    // The three ready stories are the oldest, far past the first page: they still count.
    expect(screen.getByText('3 of 6 stories ready').tagName).toBe('STRONG');
    expect(screen.getByText(/117 still in draft\./)).toBeTruthy();
    expect(screen.getByText('120 stories.')).toBeTruthy();

    const more = screen.getByRole('button', { name: 'Show 50 more stories (70 not shown)' });
    more.focus();
    await userEvent.keyboard('{Enter}');
    expect(cards()).toHaveLength(PAGE_SIZE * 2);
    await waitFor(() => expect(document.activeElement?.querySelector('h3')?.textContent).toBe('S069'));
    await userEvent.click(screen.getByRole('button', { name: 'Show 20 more stories' }));
    expect(cards()).toHaveLength(120);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('filters and orders the whole bank, not only the page shown, and starts again from the first page', async () => {
    await manyStories();
    open();
    await screen.findByText('S119');
    await userEvent.click(screen.getByRole('button', { name: 'Show 50 more stories (70 not shown)' }));
    await userEvent.selectOptions(screen.getByLabelText('Order'), 'oldest');
    expect(cards()).toHaveLength(PAGE_SIZE);
    expect(cards().slice(0, 2)).toEqual(['S000', 'S001']);
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'ready');
    expect(cards()).toEqual(['S000', 'S001', 'S002']);
    expect(screen.getByText('3 of 120 stories match.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });
});
