import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { LocationProvider } from 'preact-iso';
import { describe, expect, test, vi } from 'vitest';
import { useFreshDb } from '../../../tests/helpers/journal';
import { type PairSpec, pairSummary, summaryText } from '../../../tests/helpers/summaries';
import { keptCohorts } from '../../db/cohorts';
import * as download from '../../report/download';
import { CohortScreen } from './CohortScreen';
import { handToCohortView } from './handoff';

const fresh = useFreshDb();
const TODAY = '2025-09-01';

function pair(journalId: string, mentee: string, spec: Partial<PairSpec> = {}) {
  return pairSummary({
    journalId,
    mentee,
    mentor: 'Sam Reid',
    meetings: ['2025-08-20'],
    checkIns: ['2025-07-01'],
    today: TODAY,
    ...spec,
  });
}

const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

/** Four pairs (one of them twice, the later file newer), a PDF and a pair file. */
function files(): File[] {
  return [
    jsonFile('ana.json', summaryText(pair('j-ana', 'Ana Kowalska'))),
    jsonFile(
      'bea.json',
      summaryText(
        pair('j-bea', 'Bea Nowak', {
          meetings: ['2025-03-01'],
          goals: [{ title: 'Run a workshop', targetDate: '2025-08-01' }],
        }),
      ),
    ),
    jsonFile(
      'cleo-march.json',
      summaryText(pair('j-cleo', 'Cleo Dupont', { today: '2025-03-01', meetings: [] })),
    ),
    new File(['%PDF-1.7\n'], 'dan-summary.pdf', { type: 'application/pdf' }),
    jsonFile('cleo-september.json', summaryText(pair('j-cleo', 'Cleo Dupont'))),
    jsonFile(
      'pair-file.json',
      JSON.stringify({ format: 'mentoring-journal', formatVersion: 2, kind: 'pair' }),
    ),
    jsonFile(
      'eve.json',
      summaryText(
        pair('j-eve', 'Eve Martin', { milestones: [{ title: 'Book a room', dueDate: '2025-08-01' }] }),
      ),
    ),
  ];
}

function renderScreen() {
  return render(
    <LocationProvider>
      <CohortScreen />
    </LocationProvider>,
  );
}

async function openFiles(user: ReturnType<typeof userEvent.setup>, list: File[] = files()) {
  await user.upload(screen.getByLabelText('Choose summary files'), list);
  return screen.findByRole('table');
}

/** The mentee names in the order the table shows them. */
const menteesShown = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);

/** The cell of a pair's row under a column. */
function cell(mentee: string, header: string): string {
  const table = screen.getByRole('table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent?.replace(/[▲▼↕]/g, ''));
  const row = screen.getByRole('rowheader', { name: mentee }).closest('tr')!;
  return row.children[headers.indexOf(header)]?.textContent ?? '';
}

describe('the cohort view', () => {
  test('opens many files at once: a row per pair, the flags with reasons, the replaced summary and the refused files said', async () => {
    // The person chose "All files" in the picker, so the PDF is among them.
    const user = userEvent.setup({ applyAccept: false });
    renderScreen();
    const table = await openFiles(user);

    // Caption, and the table in its own labelled region.
    expect(within(table).getByText(/Pairs in this cohort: 4, of which 2 need attention\./)).toBeTruthy();
    expect(screen.getByRole('region', { name: /Pairs in this cohort: 4/ })).toBeTruthy();
    // Opened by need of attention, then by name.
    expect(menteesShown()).toEqual(['Bea Nowak', 'Eve Martin', 'Ana Kowalska', 'Cleo Dupont']);
    expect(cell('Bea Nowak', 'Needs attention')).toBe('Yes');
    expect(cell('Bea Nowak', 'Why')).toBe(
      'No meeting for 184 days (agreed: at least every 91 days); A goal past its target date: “Run a workshop”',
    );
    expect(cell('Eve Martin', 'Why')).toBe('1 milestone overdue');
    expect(cell('Ana Kowalska', 'Needs attention')).toBe('No');
    // The September summary of Cleo replaced the March one.
    expect(cell('Cleo Dupont', 'Days since last meeting')).toBe('12');

    const opened = screen.getByRole('region', { name: 'What was opened' });
    expect(
      within(opened).getByText(
        /^Opened 7 files: 4 pairs added; 1 newer summary replaced an older one; 2 files could not be read\.$/,
      ),
    ).toBeTruthy();
    expect(
      within(opened).getByText(
        /^A newer summary of Cleo Dupont & Sam Reid \(made .*, cleo-september\.json\) replaced the one made /,
      ),
    ).toBeTruthy();
    const refused = within(opened)
      .getAllByRole('listitem')
      .filter((li) => li.querySelector('strong'));
    expect(refused.map((li) => li.textContent)).toEqual([
      'dan-summary.pdf: This is a PDF. Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).',
      'pair-file.json: This is a pair file, meant for the partner: it holds the journal itself, not a committee summary. Ask the pair for the JSON summary (Committee summary → Download summary (JSON)).',
    ]);
    // Nothing was stored.
    expect(await keptCohorts(fresh.db)).toEqual([]);
  });

  test('sorts by any column from the button in its header, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    renderScreen();
    await openFiles(user);
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Needs attention').getAttribute('aria-sort')).toBe('descending');

    await user.click(within(header('Mentee')).getByRole('button'));
    expect(header('Mentee').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Needs attention').hasAttribute('aria-sort')).toBe(false);
    expect(menteesShown()).toEqual(['Ana Kowalska', 'Bea Nowak', 'Cleo Dupont', 'Eve Martin']);

    await user.click(within(header('Mentee')).getByRole('button'));
    expect(header('Mentee').getAttribute('aria-sort')).toBe('descending');
    expect(menteesShown()).toEqual(['Eve Martin', 'Cleo Dupont', 'Bea Nowak', 'Ana Kowalska']);

    await user.click(within(header('Days since last meeting')).getByRole('button'));
    expect(header('Days since last meeting').getAttribute('aria-sort')).toBe('ascending');
    expect(menteesShown()).toEqual(['Ana Kowalska', 'Cleo Dupont', 'Eve Martin', 'Bea Nowak']);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toMatch(
      /Sorted by days since last meeting, ascending\.$/,
    );
  });

  test('downloads the table as a CSV file with a byte-order mark', async () => {
    const saved = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    const user = userEvent.setup();
    renderScreen();
    await openFiles(user);
    await user.click(screen.getByRole('button', { name: 'Download the table (CSV)' }));
    await waitFor(() => expect(saved).toHaveBeenCalledOnce());
    const [name, data, type] = saved.mock.calls[0]!;
    expect(name).toMatch(/^cohort-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(type).toBe('text/csv;charset=utf-8');
    expect(String(data).startsWith('\uFEFFMentee,Mentor,Programme,Needs attention,Why,')).toBe(true);
    saved.mockRestore();
  });

  test('keeps the cohort on this device only when asked, opens it again, and removes it', async () => {
    const user = userEvent.setup();
    renderScreen();
    await openFiles(user);
    await user.click(screen.getByRole('button', { name: 'Keep this cohort on this device' }));
    await waitFor(async () => expect(await keptCohorts(fresh.db)).toHaveLength(1));
    const [kept] = await keptCohorts(fresh.db);
    expect(kept).toMatchObject({ name: 'Regional library mentoring', pairCount: 4 });
    expect(screen.getByText(/^Kept on this device since /)).toBeTruthy();

    // A summary opened into a kept cohort is kept with it.
    await openFiles(user, [jsonFile('fay.json', summaryText(pair('j-fay', 'Fay Lee')))]);
    await waitFor(async () => expect((await keptCohorts(fresh.db))[0]?.pairCount).toBe(5));

    await user.click(screen.getByRole('button', { name: 'Close this cohort' }));
    expect(screen.queryByRole('table')).toBeNull();
    const list = await screen.findByRole('region', { name: 'Kept on this device' });
    await user.click(within(list).getByRole('button', { name: 'Open Regional library mentoring' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(menteesShown()).toHaveLength(5);

    await user.click(screen.getByRole('button', { name: 'Remove from this device' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(async () => expect(await keptCohorts(fresh.db)).toEqual([]));
    // The table stays open until closed, and can be kept again.
    expect(menteesShown()).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Keep this cohort on this device' })).toBeTruthy();
  });

  test('opens a summary handed over from Share', async () => {
    handToCohortView([{ name: 'ana.json', data: summaryText(pair('j-ana', 'Ana Kowalska')) }]);
    renderScreen();
    await screen.findByRole('table');
    expect(menteesShown()).toEqual(['Ana Kowalska']);
  });
});
