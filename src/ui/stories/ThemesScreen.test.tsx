import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInJournal, useFreshDb } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { themeId } from '../../model/ids';
import { ThemesScreen } from './ThemesScreen';

const JOURNAL = 'journal-1';
const fresh = useFreshDb({
  journalId: JOURNAL,
  role: 'mentee',
  prepare: (db) => {
    let wall = Date.UTC(2025, 0, 1, 9);
    db.wallClock = () => (wall += 60_000); // each record a minute after the last: a fixed order
  },
});

function open() {
  return renderInJournal(<ThemesScreen />, fresh.current);
}

describe('skills and themes screen', () => {
  it('proposes a skill from two stories as a theme, lists its stories, and saves jobs and places for it', async () => {
    await repo('story').create(JOURNAL, {
      title: 'Reading club',
      skills: [
        { name: 'Leadership', enjoyed: true },
        { name: 'Outreach', enjoyed: false },
      ],
    });
    await repo('story').create(JOURNAL, {
      title: 'Budget',
      skills: [{ name: 'leadership ', enjoyed: false }],
    });
    open();
    const themes = (await screen.findByRole('heading', { name: 'Your themes' }))
      .nextElementSibling as HTMLElement;
    const card = themes.querySelector('.theme-card') as HTMLElement;
    expect(
      within(themes)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Leadership']);
    expect(within(card).getByText('2 stories, enjoyed in 1')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Reading club' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Budget' })).toBeTruthy();
    expect(screen.getByText('1 story')).toBeTruthy(); // Outreach, in the list of all skills

    await userEvent.type(screen.getByLabelText('Jobs and places that use Leadership'), 'Branch manager');
    await waitFor(async () =>
      expect(await repo('theme').get(themeId(JOURNAL, 'leadership'))).toMatchObject({
        skill: 'leadership',
        jobsAndPlaces: 'Branch manager',
      }),
    );
  });
});
