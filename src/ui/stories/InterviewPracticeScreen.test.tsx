import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { INTERVIEW_QUESTIONS } from '../../model/interviewQuestions';
import { InterviewPracticeScreen } from './InterviewPracticeScreen';
import { StoryBankExport } from './StoryBankExport';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

const DISAGREEMENT = INTERVIEW_QUESTIONS.find((q) => q.id === 'disagreement')!;
const BUDGET = INTERVIEW_QUESTIONS.find((q) => q.id === 'doing-more-with-less')!;

function card(question: string): HTMLElement {
  return screen.getByRole('heading', { level: 2, name: question }).closest('li')!;
}

describe('interview practice', () => {
  it('lists under each question the stories whose skills match, and marks the others as gaps', async () => {
    await repo('story').create(JOURNAL, {
      title: 'Calmed the reading-room row',
      skills: [{ name: 'Résolving CONFLICT', enjoyed: false }],
    });
    renderInJournal(<InterviewPracticeScreen />, fresh.current);
    await screen.findByText(`1 of ${INTERVIEW_QUESTIONS.length} questions have a story`);
    const answered = card(DISAGREEMENT.text);
    expect(within(answered).getByRole('link', { name: 'Calmed the reading-room row' })).toBeTruthy();
    expect(within(answered).getByText('(skill: Résolving CONFLICT)')).toBeTruthy();
    expect(within(answered).queryByText('Gap: no story yet')).toBeNull();
    expect(within(card(BUDGET.text)).getByText('Gap: no story yet')).toBeTruthy();
    expect(screen.getAllByText('Gap: no story yet')).toHaveLength(INTERVIEW_QUESTIONS.length - 1);
  });

  it('a story linked by hand answers the question, is stored on the story, and can be unlinked', async () => {
    const story = await repo('story').create(JOURNAL, { title: 'Summer reading on no budget' });
    renderInJournal(<InterviewPracticeScreen />, fresh.current);
    await screen.findByText(`0 of ${INTERVIEW_QUESTIONS.length} questions have a story`);
    const user = userEvent.setup();
    await user.selectOptions(within(card(BUDGET.text)).getByLabelText('Link a story by hand'), story.id);
    await user.click(within(card(BUDGET.text)).getByRole('button', { name: 'Link' }));
    await within(card(BUDGET.text)).findByText('(linked by you)');
    expect((await repo('story').get(story.id))?.questionIds).toEqual([BUDGET.id]);
    expect(within(card(BUDGET.text)).queryByText('Gap: no story yet')).toBeNull();

    await user.click(
      within(card(BUDGET.text)).getByRole('button', { name: 'Unlink Summer reading on no budget' }),
    );
    await within(card(BUDGET.text)).findByText('Gap: no story yet');
    expect((await repo('story').get(story.id))?.questionIds).toEqual([]);
  });
});

describe('choosing the stories of the story bank', () => {
  it('ticks shared stories and leaves private ones unticked until the owner ticks them', async () => {
    await repo('story').create(JOURNAL, { title: 'Shared one' });
    await repo('story').create(JOURNAL, { title: 'My own one' }, { visibility: 'private' });
    renderInJournal(<StoryBankExport />, fresh.current);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export the story bank…' }));
    const shared = await screen.findByRole('checkbox', { name: 'Shared one' });
    const mine = screen.getByRole('checkbox', { name: 'My own one (only me)' });
    expect((shared as HTMLInputElement).checked).toBe(true);
    expect((mine as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('1 of 2 stories chosen.')).toBeTruthy();
    await user.click(mine);
    await waitFor(() => expect(screen.getByText('2 of 2 stories chosen.')).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Untick all' }));
    expect(screen.getByText('0 of 2 stories chosen.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Download story bank (PDF)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
