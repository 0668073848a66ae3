import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { freshJournal, renderInJournal } from '../../../tests/helpers/journal';
import { type MentoringDb, repo } from '../../db';
import { AddItemForm, AgendaEditor, leftAfterAdd } from './MeetingItems';

let db: MentoringDb | undefined;

afterEach(async () => {
  cleanup();
  db?.close();
  await db?.delete();
  db = undefined;
});

async function agendaWith(...texts: string[]) {
  const current = await freshJournal('mentee');
  db = current.db;
  const meeting = await repo('meeting').create(current.journalId, { date: '2026-03-12', status: 'planned' });
  const items = [];
  for (const [order, text] of texts.entries())
    items.push(
      await repo('agendaItem').create(current.journalId, {
        meetingId: meeting.id,
        text,
        raisedBy: 'mentor',
        discussed: order === 0,
        order,
      }),
    );
  const me = 'mentee' as const;
  renderInJournal(<AgendaEditor journalId={current.journalId} meetingId={meeting.id} role={me} />, current);
  await screen.findByRole('textbox', { name: `Agenda point ${texts.length}` });
  return { current, meeting, items };
}

describe('removing an agenda point', () => {
  it('says what went with an Undo beside it, and moves focus to the next point’s Remove button', async () => {
    const { items } = await agendaWith('Conference poster', 'Budget', 'Book club');
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Budget” from the agenda' }));
    await screen.findByText('Removed “Budget” from the agenda —');
    expect(document.querySelector('.removed-notice[role="status"]')?.textContent).toContain(
      'Removed “Budget” from the agenda',
    );
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove “Book club” from the agenda' }),
    );
    expect((await repo('agendaItem').get(items[1]!.id))?.deleted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Agenda point 3' })).toBeNull());
  });

  it('Undo brings back the same record with its text, who raised it and its place, and focuses it', async () => {
    const { current, items } = await agendaWith('Conference poster', 'Budget', 'Book club');
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Conference poster” from the agenda' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Undo: bring back “Conference poster”' }),
    );
    await screen.findByText('“Conference poster” is back.');
    const back = await repo('agendaItem').get(items[0]!.id);
    expect(back).toMatchObject({
      deleted: false,
      text: 'Conference poster',
      raisedBy: 'mentor',
      discussed: true,
      order: 0,
    });
    expect((await repo('agendaItem').list(current.journalId)).map((a) => a.id).sort()).toEqual(
      items.map((a) => a.id).sort(),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Remove “Conference poster” from the agenda' }),
      ),
    );
    expect((screen.getByRole('textbox', { name: 'Agenda point 1' }) as HTMLInputElement).value).toBe(
      'Conference poster',
    );
  });

  it('removing the last point moves focus to the field for a new one', async () => {
    await agendaWith('Conference poster');
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Conference poster” from the agenda' }));
    await screen.findByText('No agenda points yet.');
    expect(document.activeElement).toBe(screen.getByLabelText('New agenda point'));
    expect(screen.getByRole('button', { name: 'Undo: bring back “Conference poster”' })).toBeTruthy();
  });
});

describe('adding an agenda point or action item', () => {
  it('keeps what was typed while the item was being saved, and clears only the saved text', async () => {
    const added: string[] = [];
    let finish: () => void = () => {};
    render(
      <AddItemForm
        kind="agendaItem"
        label="New agenda point"
        button="Add to agenda"
        emptyError="Write the agenda point first."
        roleLabel="Raised by"
        defaultRole="mentee"
        onAdd={(text) => {
          added.push(text);
          return new Promise<void>((resolve) => {
            finish = resolve;
          });
        }}
      />,
    );
    const field = screen.getByLabelText('New agenda point') as HTMLInputElement;
    await userEvent.type(field, 'Poster{Enter}');
    expect(added).toEqual(['Poster']);
    // The save is still running: the next point is typed meanwhile.
    await userEvent.type(field, ' Budget');
    finish();
    await waitFor(() => expect(field.value).toBe('Budget'));
    // An Enter pressed while a save runs adds the next point once that save is in.
    await userEvent.type(field, '{Enter}');
    await waitFor(() => expect(added).toEqual(['Poster', 'Budget']));
    await userEvent.type(field, 'Bo');
    finish();
    await waitFor(() => expect(field.value).toBe('Bo'));
  });

  it('leaves only what was typed after the saved text', () => {
    expect(leftAfterAdd('Poster', 'Poster')).toBe('');
    expect(leftAfterAdd('Poster Budget', 'Poster')).toBe('Budget');
    expect(leftAfterAdd('Post', 'Poster')).toBe('Post');
  });
});
