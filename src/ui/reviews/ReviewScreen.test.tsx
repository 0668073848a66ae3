import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { reviewAnswerId } from '../../model/ids';
import type { Journal } from '../../model/journal';
import { formatDate } from '../components/labels';
import { Review } from './ReviewScreen';

const JOURNAL = 'journal-1';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2027, 1, 10, 10, 0)); // 10 February 2027, local time
});
afterEach(() => {
  vi.useRealTimers();
});

const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

async function open(stage: string, journal: Partial<Journal> = {}) {
  const record = await repo('journal').create(
    JOURNAL,
    { menteeName: 'Ana', mentorName: 'Sam', startDate: '2026-05-17', lengthMonths: 18, ...journal },
    { id: JOURNAL },
  );
  return renderInJournal(<Review stage={stage} />, { ...fresh.current, journal: record });
}

describe('a review', () => {
  it('saves my answer for each goal as one record, and shows my partner’s shared answer beside it', async () => {
    const goal = await repo('goal').create(JOURNAL, { title: 'Lead the reading club' });
    await repo('review').create(
      JOURNAL,
      { stage: 'mid-point', question: 'achieved', goalId: goal.id, answer: 'Confident chairing' },
      { id: reviewAnswerId(JOURNAL, 'mid-point', 'mentor', 'achieved', goal.id), author: 'mentor' },
    );
    await open('mid-point');
    const section = await screen.findByRole('region', { name: 'Lead the reading club' });
    expect(within(section).getByText('Confident chairing')).toBeTruthy();
    await userEvent.type(
      within(section).getByLabelText('What has this goal achieved so far?'),
      'Ran five sessions',
    );
    const id = reviewAnswerId(JOURNAL, 'mid-point', 'mentee', 'achieved', goal.id);
    await waitFor(async () =>
      expect(await repo('review').get(id)).toMatchObject({
        answer: 'Ran five sessions',
        answeredOn: '2027-02-10',
        author: 'mentee',
        visibility: 'pair',
        goalId: goal.id,
      }),
    );
  });

  it('keeps an answer to myself when I choose “Only me”', async () => {
    await open('mid-point');
    const part = await screen.findByRole('region', { name: 'Our partnership' });
    const [first] = within(part).getAllByLabelText('Who can see this answer');
    await userEvent.selectOptions(first!, 'private');
    await userEvent.type(within(part).getByLabelText('What has worked well in our partnership?'), 'Honesty');
    const id = reviewAnswerId(JOURNAL, 'mid-point', 'mentee', 'worked');
    await waitFor(async () => expect(await repo('review').get(id)).toMatchObject({ visibility: 'private' }));
  });

  it('is done once both have finished their part', async () => {
    await repo('review').create(
      JOURNAL,
      { stage: 'mid-point', question: 'finished', finishedOn: '2027-02-08' },
      { id: reviewAnswerId(JOURNAL, 'mid-point', 'mentor', 'finished'), author: 'mentor' },
    );
    await open('mid-point');
    expect(await screen.findByText(`Sam finished their part on ${formatDate('2027-02-08')}.`)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Finish my part' }));
    expect(await screen.findByText(`Done by both on ${formatDate('2027-02-10')}.`)).toBeTruthy();
  });

  it('the closing review closes the journal, after asking', async () => {
    await open('closing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Closing review' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Close the journal…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close the journal' }));
    await waitFor(async () => expect((await repo('journal').get(JOURNAL))?.closedDate).toBe('2027-02-10'));
  });
});
