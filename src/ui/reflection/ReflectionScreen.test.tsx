import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { REFLECTION_PROMPTS } from '../../model/reflectionPrompts';
import { ReflectionScreen } from './ReflectionScreen';

const JOURNAL = 'journal-1';

// Registered before the database hooks: the clock is fixed before the database is made and
// restored after it is deleted.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 5, 10, 0)); // 5 March 2026, local time
});
afterEach(() => {
  vi.useRealTimers();
});

const fresh = useFreshDb({ journalId: JOURNAL, role: 'mentee' });

function open() {
  return renderInJournal(<ReflectionScreen />, fresh.current);
}

const answers = async () =>
  (await repo('reflection').list(JOURNAL))
    .filter((r) => r.promptId === 'where')
    .map((r) => [r.answeredOn, r.answer])
    .sort();

describe('reflection', () => {
  it('asks every career-direction prompt', async () => {
    open();
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual(REFLECTION_PROMPTS.map((p) => p.text));
  });

  it('keeps an earlier day’s answer when I revise it, and updates today’s answer in place', async () => {
    await repo('reflection').create(JOURNAL, {
      promptId: 'where',
      answer: 'A big city library',
      answeredOn: '2026-01-10',
    });
    open();
    const section = await screen.findByRole('region', { name: 'Where do I want to do it?' });
    const box = within(section).getByLabelText('My answer') as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('A big city library'));
    await userEvent.clear(box);
    await userEvent.type(box, 'A small rural library');
    await waitFor(async () =>
      expect(await answers()).toEqual([
        ['2026-01-10', 'A big city library'],
        ['2026-03-05', 'A small rural library'],
      ]),
    );
    await userEvent.type(box, ' near the coast');
    await waitFor(async () =>
      expect(await answers()).toEqual([
        ['2026-01-10', 'A big city library'],
        ['2026-03-05', 'A small rural library near the coast'],
      ]),
    );
    await userEvent.click(within(section).getByText(/How my answer changed/));
    expect(within(section).getByText('A big city library')).toBeTruthy();
    expect(within(section).getByText('10 Jan 2026')).toBeTruthy();
  });

  it('keeps my answers private by default', async () => {
    open();
    const section = await screen.findByRole('region', { name: 'What will weigh most when I decide?' });
    await userEvent.type(within(section).getByLabelText('My answer'), 'Balance first');
    await waitFor(async () =>
      expect((await repo('reflection').list(JOURNAL)).map((r) => [r.answer, r.visibility])).toEqual([
        ['Balance first', 'private'],
      ]),
    );
  });

  it('lets me share one answer with my partner, and a revised answer on a later day starts private', async () => {
    open();
    const section = await screen.findByRole('region', { name: 'Where do I want to do it?' });
    await userEvent.type(within(section).getByLabelText('My answer'), 'A big city library');
    const who = within(section).getByLabelText('Who can see this answer') as HTMLSelectElement;
    expect(who.value).toBe('private');
    await userEvent.selectOptions(who, 'My partner and me');
    const saved = async () =>
      (await repo('reflection').list(JOURNAL))
        .filter((r) => r.promptId === 'where')
        .map((r) => [r.answeredOn, r.answer, r.visibility])
        .sort();
    await waitFor(async () => expect(await saved()).toEqual([['2026-03-05', 'A big city library', 'pair']]));

    cleanup();
    vi.setSystemTime(new Date(2026, 2, 6, 10, 0)); // the next day
    open();
    const again = await screen.findByRole('region', { name: 'Where do I want to do it?' });
    const box = within(again).getByLabelText('My answer') as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('A big city library'));
    expect((within(again).getByLabelText('Who can see this answer') as HTMLSelectElement).value).toBe('pair');
    await userEvent.type(box, ' near the coast');
    expect((within(again).getByLabelText('Who can see this answer') as HTMLSelectElement).value).toBe(
      'private',
    );
    await waitFor(async () =>
      expect(await saved()).toEqual([
        ['2026-03-05', 'A big city library', 'pair'],
        ['2026-03-06', 'A big city library near the coast', 'private'],
      ]),
    );
  });
});
