/**
 * A committee member with no journal backs up the cohorts kept on the device, and restores them
 * on a new device from the first screen's "Restore a backup".
 */
import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { render } from 'preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, test } from 'vitest';
import { useFreshDb } from '../../../tests/helpers/journal';
import { MentoringDb, setDb } from '../../db';
import { keepCohort, keptCohorts } from '../../db/cohorts';
import { RestoreBackup } from '../share/RestoreBackup';
import { CohortBackup } from './CohortBackup';

useFreshDb();

const SUMMARY = {
  format: 'mentoring-journal-committee-summary',
  formatVersion: 2,
  journal: { menteeName: 'Ana' },
};

/** A navigator whose share sheet takes files, keeping what it was given. */
function sharingNavigator(shared: File[]): Navigator {
  return {
    canShare: () => true,
    share: async ({ files }: { files: File[] }) => {
      shared.push(...files);
    },
  } as unknown as Navigator;
}

describe('backing up kept cohorts without a journal', () => {
  test('the backup goes to the share sheet, and a new device restores the cohort from the first screen', async () => {
    const cohort = await keepCohort({ name: 'Spring cohort', summaries: [SUMMARY] });
    const shared: File[] = [];
    const host = document.body.appendChild(document.createElement('div'));
    render(<CohortBackup nav={sharingNavigator(shared)} />, host);
    await userEvent.click(screen.getByRole('button', { name: 'Back up this device' }));
    expect(
      await screen.findByText(/^Backup saved as mentoring-journal-backup-\d{4}-\d{2}-\d{2}\.json\.$/),
    ).toBeTruthy();
    expect(shared).toHaveLength(1);
    render(null, host);

    // A new device, no journal: "Restore a backup" on the first screen.
    const fresh = new MentoringDb(`new-device-${crypto.randomUUID()}`);
    setDb(fresh);
    try {
      render(
        <LocationProvider>
          <RestoreBackup />
        </LocationProvider>,
        host,
      );
      await userEvent.upload(screen.getByLabelText('Choose the backup file'), shared[0]!);
      expect(await screen.findByText(/^A backup of 1 kept cohort \(no journal\), made on /)).toBeTruthy();
      expect(screen.getByRole('list', { name: 'Kept cohorts' }).textContent).toBe('Spring cohort: 1 pair');
      await userEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
      expect(await screen.findByText(/Backup restored: nothing new; 1 kept cohort\./)).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Open the cohort view' }).getAttribute('href')).toBe('/cohort');
      await waitFor(async () => expect(await keptCohorts(fresh)).toEqual([cohort]));
    } finally {
      render(null, host);
      host.remove();
      fresh.close();
      await fresh.delete();
    }
  });
});
