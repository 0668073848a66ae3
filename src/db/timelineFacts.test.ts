import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { device, repo } from './index';
import { timelineFacts } from './lists';

const J = 'journal-1';
const OTHER = 'journal-2';
const fresh = useFreshDb({ journalId: J });

describe('the milestone timeline’s read model', () => {
  it('gives this journal’s dated live milestones by due date, overdue ones marked, and only held meetings', async () => {
    await device(fresh.db).setMembership(OTHER, { role: 'mentee' });
    await repo('milestone').create(J, { title: 'Later', dueDate: '2027-05-01', status: 'planned' });
    await repo('milestone').create(J, { title: 'Late', dueDate: '2027-03-01', status: 'in-progress' });
    await repo('milestone').create(J, { title: 'Done late', dueDate: '2027-02-01', status: 'done' });
    await repo('milestone').create(J, { title: 'Undated', status: 'planned' });
    await repo('milestone').create(OTHER, { title: 'Other journal', dueDate: '2027-03-02' });
    const gone = await repo('milestone').create(J, { title: 'Deleted', dueDate: '2027-03-03' });
    await repo('milestone').remove(gone.id);
    await repo('meeting').create(J, { date: '2027-03-02', status: 'held' });
    await repo('meeting').create(J, { date: '2027-03-20', status: 'planned' });
    await repo('meeting').create(J, { date: '2027-01-05', status: 'cancelled' });
    await repo('meeting').create(OTHER, { date: '2027-03-04', status: 'held' });

    const facts = await timelineFacts(J, '2027-03-15');
    expect(facts.milestones.map((m) => [m.title, m.dueDate, m.overdue])).toEqual([
      ['Done late', '2027-02-01', false],
      ['Late', '2027-03-01', true],
      ['Later', '2027-05-01', false],
    ]);
    expect(facts.meetingsHeld.map((m) => m.date)).toEqual(['2027-03-02']);
  });
});
