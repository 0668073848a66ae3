import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { pairSummary, summaryText } from '../../../tests/helpers/summaries';
import { device as deviceRepo, MentoringDb, repo, setDb } from '../../db';
import { createJournal } from '../../db/journals';
import { payloadChecksum } from '../../sync/envelope';
import { exportBackupFile, exportPairFile } from '../../sync/exportFile';
import { applyImportFile, previewImport } from '../../sync/importFile';
import { takeHandedFiles } from '../cohort/handoff';
import { ImportFlow } from './ImportFlow';

const dbs: MentoringDb[] = [];
afterEach(async () => {
  cleanup();
  setDb(undefined);
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(): MentoringDb {
  const db = new MentoringDb(`import-flow-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** A mentor and a mentee sharing a journal; the mentor's next file is dated in 2099. */
async function fileFromTheFuture() {
  const mentor = device();
  const mentee = device();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid' },
    mentor,
  );
  const first = await exportPairFile(journal.id, { db: mentor });
  await applyImportFile(await previewImport(first.text, { db: mentee }), { db: mentee, role: 'mentee' });
  await repo('goal', mentor).create(journal.id, { title: 'Run a story time' });
  const { file } = await exportPairFile(journal.id, { db: mentor });
  const crafted = JSON.parse(JSON.stringify(file));
  for (const record of crafted.payload.records) {
    if (record.kind === 'goal') record.stamps.title = '2099-03-01T00:00:00.000Z-0000-bbbbbbbbbbbbbbbb';
  }
  crafted.sha256 = await payloadChecksum(crafted.payload);
  return { mentee, journalId: journal.id, text: JSON.stringify(crafted) };
}

describe('importing a file dated far ahead', () => {
  it('names the date, says what importing does to later edits, and imports only after the person agrees', async () => {
    const { mentee, journalId, text } = await fileFromTheFuture();
    setDb(mentee);
    const user = userEvent.setup();
    render(<ImportFlow mode="share" />);
    const input = screen.getByLabelText('Choose a file to import');
    await user.upload(input, new File([text], 'future.json', { type: 'application/json' }));
    const preview = await screen.findByRole('region', { name: 'Before importing: what this file holds' });
    expect(within(preview).getByText(/dated .*2099.*every edit you make afterwards/)).toBeTruthy();

    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    expect(await within(preview).findByText(/Tick the box above to import it anyway/)).toBeTruthy();
    expect(await repo('goal', mentee).list(journalId)).toEqual([]);

    await user.click(
      within(preview).getByRole('checkbox', { name: /Import anyway, and date my later edits after/ }),
    );
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/Merged into your journal/)).toBeTruthy();
    expect((await repo('goal', mentee).list(journalId)).map((g) => g.title)).toEqual(['Run a story time']);
  });
});

describe('opening a committee summary under Share', () => {
  it('recognises it and offers the cohort view instead of refusing it; nothing is imported', async () => {
    const db = device();
    const journal = await createJournal(
      { role: 'mentee', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid' },
      db,
    );
    setDb(db);
    const text = summaryText(
      pairSummary({ journalId: journal.id, mentee: 'Ana Kowalska', mentor: 'Sam Reid', today: '2025-09-01' }),
    );
    const user = userEvent.setup();
    history.replaceState(null, '', '/share');
    render(
      <LocationProvider>
        <ImportFlow mode="share" />
      </LocationProvider>,
    );
    await user.upload(
      screen.getByLabelText('Choose a file to import'),
      new File([text], 'committee-summary-ana-kowalska-2025-09-01.json', { type: 'application/json' }),
    );
    const offer = await screen.findByRole('region', { name: 'This is a committee summary' });
    expect(offer.textContent).toMatch(/the summary of Ana Kowalska & Sam Reid, made on /);
    expect(screen.queryByText(/not a Mentoring Journal file/)).toBeNull();

    await user.click(within(offer).getByRole('button', { name: 'Open it in the cohort view' }));
    expect(location.pathname).toBe('/cohort');
    expect(takeHandedFiles().map((f) => f.name)).toEqual(['committee-summary-ana-kowalska-2025-09-01.json']);
    expect(await repo('goal', db).list(journal.id)).toEqual([]);
  });
});

describe('restoring a backup on the first-run screen of an empty device', () => {
  it('offers to restore it, restores every journal it holds and makes one of them current', async () => {
    const old = device();
    const first = await createJournal(
      { role: 'mentee', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid' },
      old,
    );
    const second = await createJournal(
      { role: 'mentor', menteeName: 'Lee Chan', mentorName: 'Ana Kowalska' },
      old,
    );
    await repo('goal', old).create(first.id, { title: 'Run a story time' });
    const backup = await exportBackupFile({ db: old });

    const fresh = device();
    setDb(fresh);
    const user = userEvent.setup();
    let opened = '';
    render(<ImportFlow mode="join" onDone={(id) => (opened = id ?? '')} />);
    await user.upload(
      screen.getByLabelText('Choose my partner’s file or a backup'),
      new File([backup.text], backup.name, { type: 'application/json' }),
    );
    const preview = await screen.findByRole('region', { name: 'Before importing: what this file holds' });
    expect(preview.textContent).toMatch(/A backup of 2 journals/);
    expect(within(preview).queryByText(/already on this device/)).toBeNull();

    await user.click(within(preview).getByRole('button', { name: 'Restore this backup' }));
    await screen.findByText(/Backup restored/);
    expect((await repo('goal', fresh).list(first.id)).map((g) => g.title)).toEqual(['Run a story time']);
    expect((await repo('journal', fresh).get(second.id))?.menteeName).toBe('Lee Chan');
    const current = await deviceRepo(fresh).currentJournalId();
    expect([first.id, second.id]).toContain(current);
    expect(opened).toBe(current);
  });
});
