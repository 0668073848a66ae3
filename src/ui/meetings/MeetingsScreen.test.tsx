import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { addDays } from '../../model/schedule';
import { today } from '../components/labels';
import { PAGE_SIZE } from '../components/ShowMore';
import { MeetingsScreen } from './MeetingsScreen';
import { formatWhen } from './meetingLabels';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

/** `past` held meetings, one a week back from last week, and `upcoming` planned ones from tomorrow. */
async function meetings(past: number, upcoming: number) {
  const base = await repo('meeting').create(JOURNAL, {
    date: addDays(today(), -7),
    time: '10:00',
    status: 'held',
    sharedNotes: 'We talked about the poster.',
  });
  const rows = [
    ...Array.from({ length: past - 1 }, (_, i) => ({
      ...base,
      id: `past-${i}`,
      date: addDays(today(), -7 * (i + 2)),
    })),
    ...Array.from({ length: upcoming }, (_, i) => ({
      ...base,
      id: `next-${i}`,
      date: addDays(today(), i + 1),
      status: 'planned' as const,
      sharedNotes: undefined,
    })),
  ];
  await fresh.db.table('meetings').bulkPut(rows);
}

const region = (name: RegExp) => screen.getByRole('region', { name });
const links = (name: RegExp) =>
  within(region(name))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('meetings list', () => {
  it(`shows ${PAGE_SIZE} past meetings at first, latest first, the rest on request; both groups count them all`, async () => {
    await meetings(70, 2);
    renderInJournal(<MeetingsScreen />, fresh.current);
    await screen.findByRole('heading', { name: 'Past (70)' });
    expect(screen.getByRole('heading', { name: 'Upcoming (2)' })).toBeTruthy();
    expect(links(/^Upcoming/)).toEqual(
      [1, 2].map((d) => formatWhen({ date: addDays(today(), d), time: '10:00' })),
    );
    expect(links(/^Past/)).toHaveLength(PAGE_SIZE);
    expect(links(/^Past/)[0]).toBe(formatWhen({ date: addDays(today(), -7), time: '10:00' }));
    expect(within(region(/^Upcoming/)).queryByRole('button', { name: /^Show/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Show 20 more past meetings' }));
    expect(links(/^Past/)).toHaveLength(70);
    // Focus lands on the first meeting the button revealed: the 51st, 51 weeks back.
    const firstRevealed = formatWhen({ date: addDays(today(), -7 * (PAGE_SIZE + 1)), time: '10:00' });
    await waitFor(() => expect(document.activeElement?.querySelector('a')?.textContent).toBe(firstRevealed));
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });
});
