import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
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

  it('duplicates a story as a new draft titled "(copy)"', async () => {
    const original = await repo('story').create(JOURNAL, {
      title: 'Budget',
      ...complete,
      status: 'ready',
      skills: [{ name: 'Budgeting', enjoyed: true }],
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
});
