import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cleanup, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { freshJournal, renderInJournal } from '../../../tests/helpers/journal';
import { repo } from '../../db';
import { CommitteeSummaryScreen } from './CommitteeSummaryScreen';

// The PDF's font, from the package instead of the app's origin (a test has no server).
vi.mock('../../report/font', () => ({
  loadFont: async () =>
    readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
}));

/** A browser whose share sheet takes files (a phone): what it was handed is kept in `shared`. */
function sharingNavigator(shared: File[]): Navigator {
  return {
    canShare: ({ files }: ShareData) => (files ?? []).every((f) => f instanceof File),
    share: async ({ files }: ShareData) => {
      shared.push(...(files ?? []));
    },
  } as unknown as Navigator;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function journalWithItems() {
  const current = await freshJournal('mentee', {
    menteeName: 'Zofia Łukasiewicz',
    mentorName: 'Grace Ọkafọ',
    startDate: '2025-01-15',
  });
  const { journalId } = current;
  const goal = await repo('goal').create(
    journalId,
    { title: 'Lead a small project', status: 'active' },
    { visibility: 'committee' },
  );
  await repo('goal').create(journalId, { title: 'Pair-only goal' });
  await repo('goal').create(journalId, { title: 'Private goal' }, { visibility: 'private' });
  const story = await repo('story').create(
    journalId,
    { title: 'Teen reading club', problem: 'Teens stopped coming' },
    { visibility: 'committee' },
  );
  const meeting = await repo('meeting').create(journalId, {
    date: '2025-02-10',
    mode: 'video',
    status: 'held',
  });
  await repo('note').create(journalId, {
    parentKind: 'meeting',
    parentId: meeting.id,
    text: 'My private worry',
  });
  return { current, goal, story };
}

describe('CommitteeSummaryScreen', () => {
  test('previews only committee items, with a link to change each one’s visibility, and counts what is left out', async () => {
    const { current, goal, story } = await journalWithItems();
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect(await screen.findByText('Lead a small project')).toBeTruthy();
    expect(screen.getByText('Teen reading club')).toBeTruthy();
    expect(screen.getByText('Zofia Łukasiewicz (mentee) and Grace Ọkafọ (mentor)')).toBeTruthy();
    expect(screen.queryByText(/Pair-only goal/)).toBeNull();
    expect(screen.queryByText(/Private goal/)).toBeNull();
    expect(screen.queryByText(/My private worry/)).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Change who can see it: Lead a small project' }).getAttribute('href'),
    ).toBe(`/goals/${goal.id}`);
    expect(
      screen.getByRole('link', { name: 'Change who can see it: Teen reading club' }).getAttribute('href'),
    ).toBe(`/stories/${story.id}`);
    expect(screen.getByRole('link', { name: '2 goals' }).getAttribute('href')).toBe('/goals');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Committee summary');
  });

  test('Share summary (JSON) hands the file the preview shows to the share sheet', async () => {
    const { current } = await journalWithItems();
    const shared: File[] = [];
    renderInJournal(<CommitteeSummaryScreen nav={sharingNavigator(shared)} />, current);
    await screen.findByText('Lead a small project');
    await userEvent.click(screen.getByRole('button', { name: 'Share summary (JSON)' }));
    await waitFor(() => expect(shared).toHaveLength(1));
    expect(shared[0]!.name).toMatch(/^committee-summary-zofia-łukasiewicz-\d{4}-\d{2}-\d{2}\.json$/);
    expect(shared[0]!.type).toBe('application/json');
    const text = await shared[0]!.text();
    const summary = JSON.parse(text);
    expect(summary.goals.map((g: { title: string }) => g.title)).toEqual(['Lead a small project']);
    expect(summary.meetings.heldCount).toBe(1);
    expect(text).not.toContain('Pair-only goal');
    expect(text).not.toContain('My private worry');
  });

  test('a section left out in the preview is left out of the file; a period covers only its dates', async () => {
    const { current } = await journalWithItems();
    await repo('meeting').create(current.journalId, { date: '2025-06-10', status: 'held' });
    const shared: File[] = [];
    renderInJournal(<CommitteeSummaryScreen nav={sharingNavigator(shared)} />, current);
    await screen.findByText('Teen reading club');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Stories' }));
    await waitFor(() => expect(screen.queryByText('Teen reading club')).toBeNull());
    await userEvent.click(screen.getByRole('radio', { name: 'A period' }));
    await userEvent.type(screen.getByLabelText('From'), '2025-06-01');
    await userEvent.type(screen.getByLabelText('To'), '2025-06-30');
    await screen.findByText(/Covers .*Jun 2025 to .*Jun 2025\./);
    await userEvent.click(screen.getByRole('button', { name: 'Share summary (JSON)' }));
    await waitFor(() => expect(shared).toHaveLength(1));
    const summary = JSON.parse(await shared[0]!.text());
    expect(summary.stories).toEqual([]);
    expect(summary.leftOut).toEqual(['stories']);
    expect(summary.period).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(summary.meetings.held.map((m: { date: string }) => m.date)).toEqual(['2025-06-10']);
  });

  test('a period that ends before it starts says so at the date, and nothing can be downloaded', async () => {
    const { current } = await journalWithItems();
    renderInJournal(<CommitteeSummaryScreen />, current);
    await screen.findByText('Teen reading club');
    await userEvent.click(screen.getByRole('radio', { name: 'A period' }));
    await userEvent.type(screen.getByLabelText('From'), '2025-06-30');
    await userEvent.type(screen.getByLabelText(/^To/), '2025-06-01');
    expect(await screen.findByText('The start of the period must come before its end.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Download summary (JSON)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  test('the PDF’s paper follows the browser’s region until the user picks the other one', async () => {
    const { current } = await journalWithItems();
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('pl-PL');
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect((screen.getByRole('radio', { name: 'A4' }) as HTMLInputElement).checked).toBe(true);
    cleanup();
    language.mockReturnValue('es-MX');
    renderInJournal(<CommitteeSummaryScreen />, current);
    expect((screen.getByRole('radio', { name: 'US Letter' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: 'A4' }));
    expect((screen.getByRole('radio', { name: 'A4' }) as HTMLInputElement).checked).toBe(true);
  });

  test('the PDF goes to the share sheet too, as a PDF file on the paper chosen', async () => {
    const { current } = await journalWithItems();
    const shared: File[] = [];
    renderInJournal(<CommitteeSummaryScreen nav={sharingNavigator(shared)} />, current);
    await screen.findByText('Lead a small project');
    await userEvent.click(screen.getByRole('radio', { name: 'A4' }));
    await userEvent.click(screen.getByRole('button', { name: 'Share summary (PDF)' }));
    await waitFor(() => expect(shared).toHaveLength(1), { timeout: 20_000 });
    expect(shared[0]!.name).toMatch(/^committee-summary-zofia-łukasiewicz-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(shared[0]!.type).toBe('application/pdf');
    const bytes = new Uint8Array(await shared[0]!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    // A4's media box: 595.28 × 841.89 points.
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/MediaBox \[\s*0 0 595\.28 841\.89\s*\]/);
    // Said beside the buttons.
    const said = await screen.findByText('Summary shared (PDF)');
    expect(
      said.closest('.actions')?.contains(screen.getByRole('button', { name: 'Share summary (PDF)' })),
    ).toBe(true);
  }, 30_000);

  test('where the browser cannot share files, both buttons download instead, through the same hand-over', async () => {
    const { current } = await journalWithItems();
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    });
    const created = vi.fn((_: Blob) => 'blob:summary');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined }));
    // A desktop browser without Web Share (no canShare at all).
    renderInJournal(<CommitteeSummaryScreen nav={{} as Navigator} />, current);
    await screen.findByText('Lead a small project');
    expect(screen.queryByRole('button', { name: /^Share/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Download summary (JSON)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.name).toMatch(/^committee-summary-zofia-łukasiewicz-\d{4}-\d{2}-\d{2}\.json$/);
    const json = created.mock.calls[0]![0] as Blob;
    expect(json.type).toBe('application/json');
    expect(JSON.parse(await json.text()).goals).toHaveLength(1);
    await screen.findByText('Summary downloaded (JSON)');
  });

  test('a share sheet closed without sending leaves nothing downloaded', async () => {
    const { current } = await journalWithItems();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const nav = {
      canShare: () => true,
      share: async () => {
        throw new DOMException('Share canceled', 'AbortError');
      },
    } as unknown as Navigator;
    renderInJournal(<CommitteeSummaryScreen nav={nav} />, current);
    await screen.findByText('Lead a small project');
    await userEvent.click(screen.getByRole('button', { name: 'Share summary (JSON)' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Share summary (JSON)' })).toBeTruthy());
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
