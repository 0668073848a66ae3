import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../../tests/helpers/journal';
import { device } from '../db';
import { createJournal } from '../db/journals';
import { useStatus } from '../ui/components/status';
import { App } from './App';

// The update bar needs the service-worker registration that only a Vite build provides.
vi.mock('./ReloadPrompt', () => ({ ReloadPrompt: () => null }));

// Registered before the database hooks: every test starts at the root address.
beforeEach(() => {
  history.replaceState(null, '', '/');
});

const fresh = useFreshDb();

/** Every message announced in the status region while the returned Recorder is rendered. */
function recordAnnouncements() {
  const texts: string[] = [];
  function Recorder() {
    const status = useStatus();
    useEffect(() => {
      if (status) texts.push(status.text);
    }, [status?.seq]);
    return null;
  }
  return { texts, Recorder };
}

const switcher = () => screen.getByRole('combobox', { name: /^Current journal/ }) as HTMLSelectElement;
const selectedText = () => switcher().selectedOptions[0]?.textContent;

describe('the shell on a new device', () => {
  it('walks through starting a journal, then shows it with the navigation', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Start a new journal' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    await user.click(screen.getByLabelText('The mentee — I am being mentored'));
    await user.type(screen.getByLabelText('Mentee’s name'), 'Ana');
    await user.type(screen.getByLabelText('Mentor’s name'), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Create journal' }));

    await screen.findByRole('navigation', { name: 'Main' });
    expect(selectedText()).toBe('Ana & Sam');
    const journalId = await device(fresh.db).currentJournalId();
    expect(journalId).toBe(switcher().value);
    expect((await device(fresh.db).membership(journalId!))?.role).toBe('mentee');
  });
});

describe('the journal switcher', () => {
  async function twoJournals() {
    const first = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, fresh.db);
    const second = await createJournal({ role: 'mentor', menteeName: 'Bea', mentorName: 'Kim' }, fresh.db);
    return { first, second };
  }

  it('lists every journal on this device and shows the current one (the last created)', async () => {
    const { second } = await twoJournals();
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    const names = [...switcher().options].map((o) => o.textContent);
    expect(names).toEqual(['Ana & Sam', 'Bea & Kim', '+ Start a new journal…']);
    expect(switcher().value).toBe(second.id);
  });

  it('switching makes the chosen journal current on this device and says so', async () => {
    const user = userEvent.setup();
    const { first } = await twoJournals();
    const announced = recordAnnouncements();
    render(
      <>
        <App />
        <announced.Recorder />
      </>,
    );
    await screen.findByRole('navigation', { name: 'Main' });

    await user.selectOptions(switcher(), first.id);

    // What lasts: the device's current journal and the switcher showing it. The message leaves the
    // screen after 4 s, so it is checked in what was announced, not in what is still shown.
    await waitFor(async () => expect(await device(fresh.db).currentJournalId()).toBe(first.id));
    await waitFor(() => expect(selectedText()).toBe('Ana & Sam'));
    await waitFor(() => expect(announced.texts).toContain('Switched to Ana & Sam'));
  });

  it('"Start a new journal" opens the setup form, and Cancel returns to the current journal unchanged', async () => {
    const user = userEvent.setup();
    const { second } = await twoJournals();
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });

    await user.selectOptions(switcher(), '+ Start a new journal…');
    expect(await screen.findByRole('heading', { level: 1, name: 'Start a new journal' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await screen.findByRole('navigation', { name: 'Main' });
    expect(switcher().value).toBe(second.id);
    expect(await device(fresh.db).currentJournalId()).toBe(second.id);
  });
});

describe('the navigation', () => {
  it('has four screens and More in the bar, and marks the current screen with aria-current', async () => {
    const user = userEvent.setup();
    await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, fresh.db);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const bar = [...nav.querySelectorAll(':scope > ul > li > a, :scope > ul > li > details > summary')];
    expect(bar.map((e) => e.textContent)).toEqual(['Home', 'Goals', 'Meetings', 'Stories', 'More']);
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByText('More'));
    const more = nav.querySelector('details') as HTMLDetailsElement;
    expect(more.open).toBe(true);
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page'),
    );
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(more.open).toBe(false);
    expect(location.pathname).toBe('/settings');
  });

  it('closes the More menu on Escape and puts focus back on More', async () => {
    const user = userEvent.setup();
    await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, fresh.db);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const more = nav.querySelector('details') as HTMLDetailsElement;
    await user.click(screen.getByText('More'));
    expect(more.open).toBe(true);
    await user.keyboard('{Escape}');
    expect(more.open).toBe(false);
    expect(document.activeElement?.textContent).toBe('More');
  });
});
