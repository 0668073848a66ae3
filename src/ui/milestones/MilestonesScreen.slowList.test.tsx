import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MentoringDb, repo } from '../../db';
import { today } from '../components/labels';
import { freshJournal, renderInJournal } from '../goals/testJournal';
import { MilestonesScreen } from './MilestonesScreen';

/** The meetings' read is held back until `release()`: the timeline is drawn, the list not yet. */
const meetingsRead = vi.hoisted(() => {
  let release = () => {};
  const held = new Promise<void>((done) => {
    release = done;
  });
  return { held, release: () => release() };
});

vi.mock('../../db/lists', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../db/lists')>();
  return {
    ...actual,
    liveMeetingDates: (journalId: string) => ({
      subscribe(observer: Parameters<ReturnType<typeof actual.liveMeetingDates>['subscribe']>[0]) {
        let stopped = false;
        let inner: { unsubscribe(): void } | undefined;
        meetingsRead.held.then(() => {
          if (!stopped) inner = actual.liveMeetingDates(journalId).subscribe(observer);
        });
        return {
          unsubscribe() {
            stopped = true;
            inner?.unsubscribe();
          },
        };
      },
    }),
  };
});

let db: MentoringDb | undefined;
afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
});

describe('the milestone timeline, on a slow device', () => {
  it('a mark followed before the list is drawn opens its milestone once the list is there', async () => {
    const month = today().slice(0, 8);
    const current = await freshJournal('mentee', { startDate: `${month}01`, lengthMonths: 6 });
    db = current.db;
    for (const d of ['01', '02', '03', '04', '05']) {
      await repo('milestone').create(current.journalId, {
        title: `Step ${d}`,
        dueDate: `${month}${d}`,
        status: 'done',
      });
    }
    const user = userEvent.setup();
    renderInJournal(<MilestonesScreen />, { ...current, journal: current.journal as never });
    const chart = await screen.findByRole('group', { name: 'Timeline of the programme' });
    const group = await within(chart).findByRole('link', { name: /^5 milestones in / });
    expect(screen.getByText('Loading…')).toBeTruthy();
    await user.click(group);
    meetingsRead.release();
    const item = await screen.findByRole('heading', { name: 'Step 01' });
    await waitFor(() => expect(document.activeElement).toBe(item.closest('li')));
  });
});
