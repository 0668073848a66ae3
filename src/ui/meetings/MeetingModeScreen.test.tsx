import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshJournal, renderInJournal } from '../../../tests/helpers/journal';
import { type MentoringDb, repo } from '../../db';
import { formatDate, today } from '../components/labels';
import { MeetingModeScreen, STEPS, WIDE_LAYOUT } from './MeetingModeScreen';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
  db?.close();
  await db?.delete();
});

/** Every record table as it stands (device-only state left out: the step is kept there on purpose). */
async function records(current: MentoringDb) {
  const tables: Record<string, unknown[]> = {};
  for (const table of current.recordTables()) tables[table.name] = await table.toArray();
  return tables;
}

async function openMeetingMode() {
  const current = await freshJournal('mentee');
  db = current.db;
  const meeting = await repo('meeting').create(current.journalId, {
    date: today(),
    time: '14:30',
    status: 'planned',
  });
  await repo('agendaItem').create(current.journalId, {
    meetingId: meeting.id,
    text: 'Poster',
    discussed: false,
    order: 0,
  });
  history.replaceState(null, '', `/meetings/${meeting.id}/run`);
  renderInJournal(
    <Router>
      <Route path="/meetings/:id/run" component={MeetingModeScreen} />
      <Route default component={() => <h1>Meeting page</h1>} />
    </Router>,
    current,
  );
  await screen.findByRole('heading', { level: 2, name: STEPS[0] });
  return { current, meeting };
}

async function stepThroughToSummary() {
  for (const name of STEPS.slice(1)) {
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 2, name });
  }
  await screen.findByText('Agenda: 0 of 1 points discussed.');
}

describe('meeting mode', () => {
  it('showing every step up to the summary writes nothing: the meeting keeps its stamps and content', async () => {
    const { current, meeting } = await openMeetingMode();
    const before = await records(current.db);
    await stepThroughToSummary();
    expect(screen.getByText(/When you press Finish, this is saved as this meeting’s summary/)).toBeTruthy();
    // Give any write a showing step might start the time to land.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await repo('meeting').get(meeting.id)).toEqual(meeting);
    expect(await records(current.db)).toEqual(before);
  });

  it('opening it after a meeting that left items open writes nothing, and offers to bring them in', async () => {
    const current = await freshJournal('mentee');
    db = current.db;
    const earlier = await repo('meeting').create(current.journalId, { date: '2026-01-10', status: 'held' });
    const action = await repo('actionItem').create(current.journalId, {
      meetingId: earlier.id,
      text: 'Send the CV draft',
      done: false,
      order: 0,
    });
    // Planned before the earlier meeting was over, so nothing was carried when it was made.
    const meeting = await repo('meeting').create(current.journalId, {
      date: '2099-01-10',
      status: 'planned',
    });
    const before = await records(current.db);
    history.replaceState(null, '', `/meetings/${meeting.id}/run`);
    renderInJournal(
      <Router>
        <Route path="/meetings/:id/run" component={MeetingModeScreen} />
        <Route default component={() => <h1>Meeting page</h1>} />
      </Router>,
      current,
    );
    await screen.findByText(
      `Still open from the meeting of ${formatDate('2026-01-10')}: 1 open action item.`,
    );
    expect(await records(current.db)).toEqual(before);

    await userEvent.click(screen.getByRole('button', { name: 'Bring it into this meeting' }));
    await waitFor(() => expect(screen.queryByText(/Still open from/)).toBeNull());
    const carried = await repo('actionItem').list(current.journalId, {
      index: 'meetingId',
      equals: meeting.id,
    });
    expect(carried).toEqual([
      expect.objectContaining({ text: 'Send the CV draft', carriedFromId: action.id }),
    ]);
    // The step for last time's actions now lists it, to be marked done or carried on.
    for (const name of STEPS.slice(1, 3)) {
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByRole('heading', { level: 2, name });
    }
    expect(
      within(await screen.findByRole('group', { name: 'Send the CV draft' })).getByLabelText('Done'),
    ).toBeTruthy();
  });

  it('Finish marks the meeting held with the summary shown, and the next meeting agreed is planned', async () => {
    const { current, meeting } = await openMeetingMode();
    for (const name of STEPS.slice(1, 6)) {
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByRole('heading', { level: 2, name });
    }
    const nextDay = '2099-01-15';
    await userEvent.type(screen.getByLabelText('Day of the next meeting'), nextDay);
    await screen.findByText(/The next meeting is planned for .* once you press Finish/);
    // Choosing the day is kept for Finish, not written as a meeting yet.
    expect(await repo('meeting').list(current.journalId)).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Agenda: 0 of 1 points discussed.');
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    // One transaction of several writes: give it time on a loaded machine.
    await screen.findByRole('heading', { level: 1, name: 'Meeting page' }, { timeout: 5000 });
    const held = await repo('meeting').get(meeting.id);
    expect(held?.status).toBe('held');
    expect(held?.summary?.split('\n')[0]).toBe('Agenda: 0 of 1 points discussed.');
    const meetings = await repo('meeting').list(current.journalId);
    const next = meetings.find((m) => m.id !== meeting.id);
    expect(next).toMatchObject({ date: nextDay, time: '14:30', status: 'planned' });
    expect(
      await repo('agendaItem').list(current.journalId, { index: 'meetingId', equals: next!.id }),
    ).toEqual([expect.objectContaining({ text: 'Poster', carriedFromId: expect.any(String) })]);
  });

  it('a new due date in the milestone step plans a missed milestone again, and leaves a done one done', async () => {
    const { current } = await openMeetingMode();
    // Made after meeting mode opened: changed since the last meeting, so the step shows them.
    const missed = await repo('milestone').create(current.journalId, {
      title: 'Find a venue',
      dueDate: '2026-03-01',
      status: 'missed',
    });
    const done = await repo('milestone').create(current.journalId, {
      title: 'Send the invitations',
      dueDate: '2026-03-01',
      status: 'done',
      doneDate: '2026-02-27',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 2, name: STEPS[1] });
    for (const [title, m] of [
      ['Find a venue', missed],
      ['Send the invitations', done],
    ] as const) {
      const review = (await screen.findByRole('heading', { level: 3, name: title })).closest('fieldset')!;
      await userEvent.clear(within(review).getByLabelText('New due date'));
      await userEvent.type(within(review).getByLabelText('New due date'), '2026-06-01');
      await waitFor(async () => expect((await repo('milestone').get(m.id))?.dueDate).toBe('2026-06-01'));
    }
    expect(await repo('milestone').get(missed.id)).toMatchObject({ status: 'planned' });
    expect(await repo('milestone').get(done.id)).toMatchObject({ status: 'done', doneDate: '2026-02-27' });
  });
});

describe('meeting mode, choosing and saying', () => {
  it('the chosen one of Done / Missed carries a tick and its word; “marked missed” is said beside the buttons', async () => {
    const { current } = await openMeetingMode();
    await repo('milestone').create(current.journalId, { title: 'Find a venue', dueDate: today() });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const review = within(await screen.findByRole('group', { name: 'Find a venue' }));
    const done = review.getByRole('button', { name: 'Mark “Find a venue” done' });
    const missed = review.getByRole('button', { name: 'Mark “Find a venue” missed' });
    expect([done.textContent, missed.textContent]).toEqual(['Done', 'Missed']);
    await userEvent.click(missed);
    await waitFor(() => expect(missed.getAttribute('aria-pressed')).toBe('true'));
    expect([done.textContent, missed.textContent]).toEqual(['Done', '✓ Missed']);
    expect(missed.className).toContain('is-chosen');
    expect(review.getByRole('status').textContent).toBe('Marked missed');
    await userEvent.click(done);
    await waitFor(() => expect(done.textContent).toBe('✓ Done'));
    expect(missed.textContent).toBe('Missed');
    expect(review.getByRole('status').textContent).toBe('Marked done');
  });
});

describe('meeting mode at 900 px and wider', () => {
  function wideScreen() {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === WIDE_LAYOUT,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
  }

  it('shows every step at once, in the steps’ order, with Finish at the end; showing it writes nothing', async () => {
    wideScreen();
    const current = await freshJournal('mentee');
    db = current.db;
    const meeting = await repo('meeting').create(current.journalId, { date: today(), status: 'planned' });
    await repo('agendaItem').create(current.journalId, {
      meetingId: meeting.id,
      text: 'Poster',
      discussed: false,
      order: 0,
    });
    const before = await records(current.db);
    history.replaceState(null, '', `/meetings/${meeting.id}/run`);
    renderInJournal(
      <Router>
        <Route path="/meetings/:id/run" component={MeetingModeScreen} />
        <Route default component={() => <h1>Meeting page</h1>} />
      </Router>,
      current,
    );
    await screen.findByText('Agenda: 0 of 1 points discussed.');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([...STEPS]);
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'))).toHaveLength(
      STEPS.length,
    );
    // No step buttons: nothing to step through.
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(screen.queryByText(/^Step \d of/)).toBeNull();
    const finish = screen.getByRole('button', { name: 'Finish' });
    const controls = [...document.querySelectorAll('button, input, select, textarea, summary')];
    expect(controls.at(-1)).toBe(finish);
    // Every step has read its data (the summary is made from all of it), and nothing was written.
    expect(await records(current.db)).toEqual(before);

    // Ticking a point updates the summary beside it; Finish saves it and marks the meeting held.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Poster' }));
    await screen.findByText('Agenda: 1 of 1 points discussed.');
    await userEvent.click(finish);
    await screen.findByRole('heading', { level: 1, name: 'Meeting page' }, { timeout: 5000 });
    const held = await repo('meeting').get(meeting.id);
    expect(held?.status).toBe('held');
    expect(held?.summary?.split('\n')[0]).toBe('Agenda: 1 of 1 points discussed.');
  });
});
