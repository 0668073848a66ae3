import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { planMilestoneId } from '../../model/ids';
import { PlanScreen } from './PlanScreen';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentor' });

async function open() {
  const journal = await repo('journal').create(
    JOURNAL,
    { startDate: '2026-01-31', lengthMonths: 12 },
    { id: JOURNAL },
  );
  return renderInJournal(<PlanScreen />, { ...fresh.current, journal });
}

const planned = async () =>
  (await repo('milestone').list(JOURNAL)).map((m) => [m.planStep, m.dueDate, m.id]).sort();

describe('the programme plan screen', () => {
  it('adds the steps the pair keeps, at the dates they chose, with derived ids', async () => {
    await open();
    await userEvent.click(await screen.findByRole('checkbox', { name: /Add: First meeting/ }));
    const [agreementDue] = screen.getAllByLabelText('Due') as HTMLInputElement[];
    expect(agreementDue!.value).toBe('2026-02-28');
    await userEvent.clear(agreementDue!);
    await userEvent.type(agreementDue!, '2026-02-20');
    await userEvent.click(screen.getByRole('button', { name: 'Add 4 milestones' }));
    await waitFor(async () =>
      expect(await planned()).toEqual(
        [
          ['agreement', '2026-02-20', planMilestoneId(JOURNAL, 'agreement')],
          ['closing-review', '2027-01-30', planMilestoneId(JOURNAL, 'closing-review')],
          ['goals', '2026-03-31', planMilestoneId(JOURNAL, 'goals')],
          ['mid-point-review', '2026-08-01', planMilestoneId(JOURNAL, 'mid-point-review')],
        ].sort(),
      ),
    );
  });

  it('offers only the steps not yet in the journal', async () => {
    await repo('milestone').create(
      JOURNAL,
      { title: 'Our first meeting', planStep: 'first-meeting', status: 'done' },
      { id: planMilestoneId(JOURNAL, 'first-meeting') },
    );
    await open();
    expect(await screen.findByRole('button', { name: 'Add 4 milestones' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /Add: First meeting/ })).toBeNull();
  });
});
