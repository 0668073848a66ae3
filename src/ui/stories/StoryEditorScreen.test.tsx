import { fireEvent, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { AUTOSAVE_DELAY_MS } from '../hooks/useAutosave';
import { StoryEditor } from './StoryEditorScreen';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

function open(id: string) {
  return renderInJournal(<StoryEditor id={id} />, fresh.current);
}

const stored = (id: string) => repo('story').get(id);

describe('story editor', () => {
  it('writes what I type to the database a moment after I stop, with no Save button', async () => {
    const { id } = await repo('story').create(JOURNAL, { status: 'draft' });
    open(id);
    const problem = await screen.findByLabelText('Problem');
    const typedAt = Date.now();
    await userEvent.type(problem, 'The branch had no teen programme.');
    expect((await stored(id))?.problem).toBeUndefined();
    await waitFor(async () => expect((await stored(id))?.problem).toBe('The branch had no teen programme.'));
    expect(Date.now() - typedAt).toBeGreaterThanOrEqual(AUTOSAVE_DELAY_MS);
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('shows what I typed when I open the story again', async () => {
    const { id } = await repo('story').create(JOURNAL, { status: 'draft' });
    const first = open(id);
    await userEvent.type(await screen.findByLabelText('Title'), 'Teen reading club');
    await userEvent.type(screen.getByLabelText('Result'), '40 teens came each week');
    first.unmount(); // leaving the screen writes at once, without waiting for the delay
    await waitFor(async () => expect((await stored(id))?.result).toBe('40 teens came each week'));
    open(id);
    expect(((await screen.findByLabelText('Title')) as HTMLInputElement).value).toBe('Teen reading club');
    expect((screen.getByLabelText('Result') as HTMLTextAreaElement).value).toBe('40 teens came each week');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Teen reading club');
  });

  it('refuses "ready" while title, problem, action or result is missing, and lists what is missing', async () => {
    const { id } = await repo('story').create(JOURNAL, { status: 'draft', title: 'Weeding project' });
    open(id);
    await userEvent.click(await screen.findByRole('radio', { name: 'Ready to tell' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Not ready yet: add the problem, the action and the result.',
    );
    expect((screen.getByRole('radio', { name: 'Draft' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Ready to tell' }) as HTMLInputElement).checked).toBe(false);
    // The refusal queues nothing: the next autosave writes the problem typed after it, and no status.
    await userEvent.type(screen.getByLabelText('Problem'), 'Shelves overflowed');
    await waitFor(async () => expect((await stored(id))?.problem).toBe('Shelves overflowed'));
    expect((await stored(id))?.status).toBe('draft');

    await userEvent.type(screen.getByLabelText('Action'), 'I led the weeding');
    await userEvent.type(screen.getByLabelText('Result'), '2,000 items freed');
    await userEvent.click(screen.getByRole('radio', { name: 'Ready to tell' }));
    await waitFor(async () => expect((await stored(id))?.status).toBe('ready'));
  });

  it('adds skills, marks one enjoyed, suggests skills from other stories, and saves them', async () => {
    await repo('story').create(JOURNAL, { title: 'Other', skills: [{ name: 'Budgeting', enjoyed: false }] });
    const { id } = await repo('story').create(JOURNAL, { status: 'draft' });
    open(id);
    await userEvent.type(await screen.findByLabelText('Add a skill'), 'Public speaking{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: '+ Budgeting' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'I enjoyed using this (Public speaking)' }));
    await waitFor(async () =>
      expect((await stored(id))?.skills).toEqual([
        { name: 'Public speaking', enjoyed: true },
        { name: 'Budgeting', enjoyed: false },
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove Budgeting' }));
    await waitFor(async () =>
      expect((await stored(id))?.skills).toEqual([{ name: 'Public speaking', enjoyed: true }]),
    );
  });

  it('undoes the last change to one field and leaves the others alone', async () => {
    const { id } = await repo('story').create(JOURNAL, { status: 'draft', action: 'I planned it' });
    open(id);
    const action = await screen.findByLabelText('Action');
    await userEvent.type(action, ' and ran it');
    await userEvent.type(screen.getByLabelText('Title'), 'Workshop');
    await waitFor(async () => expect((await stored(id))?.action).toBe('I planned it and ran it'));
    await userEvent.click(screen.getByRole('button', { name: 'Undo the last change to Action' }));
    expect((action as HTMLTextAreaElement).value).toBe('I planned it');
    await waitFor(async () => expect((await stored(id))?.action).toBe('I planned it'));
    expect((await stored(id))?.title).toBe('Workshop');
  });

  it('keeps a copy of a change still waiting for its save, and writes it when a killed page’s story is opened again', async () => {
    const { id } = await repo('story').create(JOURNAL, { status: 'draft', problem: 'Saved part' });
    const first = open(id);
    const problem = await screen.findByLabelText('Problem');
    fireEvent.input(problem, { target: { value: 'Saved part, unsaved part' } });
    // Inside the delay: IndexedDB does not have it yet, the synchronous copy does.
    expect((await stored(id))?.problem).toBe('Saved part');
    const key = `mentoring-journal:unsaved:story:${id}`;
    const copy = localStorage.getItem(key);
    expect(JSON.parse(copy!).set).toEqual({ problem: 'Saved part, unsaved part' });
    await waitFor(async () => expect((await stored(id))?.problem).toBe('Saved part, unsaved part'));
    expect(localStorage.getItem(key)).toBeNull();
    first.unmount();

    // A page killed inside the delay leaves its copy behind; opening the story writes it.
    localStorage.setItem(key, copy!);
    await repo('story').update(id, { problem: 'Saved part' });
    open(id);
    await waitFor(async () => expect((await stored(id))?.problem).toBe('Saved part, unsaved part'));
    const reopened = (await screen.findByLabelText('Problem')) as HTMLTextAreaElement;
    await waitFor(() => expect(reopened.value).toBe('Saved part, unsaved part'));
    expect(localStorage.getItem(key)).toBeNull();
  });
});

describe('story editor and interview practice', () => {
  it('says how many interview questions the story answers, by its skills or by hand', async () => {
    const { id } = await repo('story').create(JOURNAL, {
      title: 'Calmed a row',
      skills: [{ name: 'Conflict resolution', enjoyed: false }],
      questionIds: ['doing-more-with-less'],
    });
    open(id);
    expect(
      await screen.findByText(/^Answers 2 interview questions, by its skills or your links\./),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Interview practice' }).getAttribute('href')).toBe(
      '/stories/practice',
    );
  });
});
