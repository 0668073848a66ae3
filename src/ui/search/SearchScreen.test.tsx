import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { formatDate } from '../components/labels';
import { FIRST_PAGE, MORE_PAGE, SearchScreen } from './SearchScreen';

const JOURNAL = 'journal-search';
const fresh = useFreshDb({ journalId: JOURNAL });

function openSearch() {
  // The query lives in the address, which outlives a test: start each one without it.
  history.replaceState(null, '', '/search');
  renderInJournal(<SearchScreen />, fresh.current);
  return screen.getByLabelText('Search this journal');
}

const headings = () => screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);
const hitsOf = (heading: RegExp) =>
  within(screen.getByRole('region', { name: heading })).queryAllByRole('listitem');

describe('search screen', () => {
  it('shows results on the first key, each opening its page, with the meeting it belongs to', async () => {
    const meeting = await repo('meeting').create(JOURNAL, { date: '2026-03-12', time: '14:30' });
    await repo('agendaItem').create(JOURNAL, { meetingId: meeting.id, text: 'Conference poster' });
    await repo('note').create(
      JOURNAL,
      { parentKind: 'meeting', parentId: meeting.id, text: 'I felt nervous about the poster' },
      { visibility: 'private' },
    );
    const goal = await repo('goal').create(JOURNAL, { title: 'Present at a conference' });
    const box = openSearch();
    await userEvent.type(box, 'p');
    await waitFor(() => expect(headings()).toEqual(['Goals (1)', 'Agenda points (1)', 'Notes (1)']));
    const when = `Meeting ${formatDate('2026-03-12')}, 14:30`;
    const point = await screen.findByRole('link', { name: 'Conference poster' });
    expect(point.getAttribute('href')).toBe(`/meetings/${meeting.id}`);
    expect(within(point.closest('li')!).getByText(when)).toBeTruthy();
    const note = await screen.findByRole('link', { name: 'Private note' });
    expect(note.getAttribute('href')).toBe(`/meetings/${meeting.id}`);
    expect(within(note.closest('li')!).getByText(`${when} · Only you can see this`)).toBeTruthy();
    expect(within(note.closest('li')!).getByText('I felt nervous about the poster')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Present at a conference' }).getAttribute('href')).toBe(
      `/goals/${goal.id}`,
    );
    expect(screen.getByText('3 results for “p”.')).toBeTruthy();
  });

  it(`shows ${FIRST_PAGE} hits of a group, and more on “Show more”`, async () => {
    const meeting = await repo('meeting').create(JOURNAL, { date: '2026-03-12' });
    const count = FIRST_PAGE + MORE_PAGE + 3;
    for (let i = 0; i < count; i++)
      await repo('agendaItem').create(JOURNAL, { meetingId: meeting.id, text: `Outreach point ${i}` });
    const box = openSearch();
    await userEvent.type(box, 'outreach');
    await waitFor(() => expect(hitsOf(/^Agenda points/)).toHaveLength(FIRST_PAGE));
    expect(headings()).toEqual([`Agenda points (${count})`]);
    await userEvent.click(screen.getByRole('button', { name: `Show ${MORE_PAGE} more agenda points` }));
    await waitFor(() => expect(hitsOf(/^Agenda points/)).toHaveLength(FIRST_PAGE + MORE_PAGE));
    await userEvent.click(screen.getByRole('button', { name: 'Show 3 more agenda points' }));
    await waitFor(() => expect(hitsOf(/^Agenda points/)).toHaveLength(count));
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('shows a record written while the screen is open, and drops a deleted one', async () => {
    const contact = await repo('contact').create(JOURNAL, {
      name: 'Dana Ortiz',
      organisation: 'County Library',
    });
    const box = openSearch();
    await userEvent.type(box, 'library');
    const link = await screen.findByRole('link', { name: 'Dana Ortiz' });
    expect(link.getAttribute('href')).toBe(`/networking/${contact.id}`);
    expect(within(link.closest('li')!).getByText('County Library')).toBeTruthy();
    await repo('opportunity').create(JOURNAL, { title: 'Library leadership institute' });
    expect(
      (await screen.findByRole('link', { name: 'Library leadership institute' })).getAttribute('href'),
    ).toBe('/opportunities');
    await repo('contact').remove(contact.id);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Dana Ortiz' })).toBeNull());
    expect(headings()).toEqual(['Opportunities (1)']);
  });

  it('says when nothing is found, and when only close spellings are', async () => {
    await repo('milestone').create(JOURNAL, { title: 'Finish the budget', dueDate: '2026-05-01' });
    const box = openSearch();
    await userEvent.type(box, 'zebra');
    expect(await screen.findByText('Nothing found for “zebra”.')).toBeTruthy();
    await userEvent.clear(box);
    await userEvent.type(box, 'budgat');
    expect(
      await screen.findByText('1 result for “budgat”. Nothing matched exactly: these are close spellings.'),
    ).toBeTruthy();
    const milestone = await screen.findByRole('link', { name: 'Finish the budget' });
    // Its goal is not in the journal, so it opens the milestone timeline.
    expect(milestone.getAttribute('href')).toBe('/milestones');
    expect(within(milestone.closest('li')!).getByText(`Due ${formatDate('2026-05-01')}`)).toBeTruthy();
  });
});
