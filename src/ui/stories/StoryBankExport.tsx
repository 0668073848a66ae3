import { useMemo, useState } from 'preact/hooks';
import { repo } from '../../db';
import type { RecordFor } from '../../model/kinds';
import { compareStories } from '../../model/storyRules';
import { downloadFile } from '../../report/download';
import { today } from '../components/labels';
import { SaidHere, useSaid } from '../components/Said';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { storyTitle } from './storyLabels';

type StoryRecord = RecordFor<'story'>;

/**
 * "Take my stories to an interview": the owner ticks the stories to take (private ones start
 * unticked and go in only when ticked) and downloads them as a PDF or as Markdown. Made on this
 * device; the app sends it nowhere.
 */
export function StoryBankExport() {
  const [open, setOpen] = useState(false);
  return (
    <section class="story-bank-export" aria-labelledby="bank-export-title">
      <h2 id="bank-export-title">Take your stories to an interview</h2>
      {open ? (
        <StoryBankChooser onClose={() => setOpen(false)} />
      ) : (
        <>
          <p>Export the stories you choose, each with all its parts and its 90-second version.</p>
          <div class="actions">
            <button type="button" onClick={() => setOpen(true)}>
              Export the story bank…
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function StoryBankChooser({ onClose }: { onClose: () => void }) {
  const { journalId, journal } = useJournal();
  const all = useLive(() => repo('story').live(journalId), [journalId]);
  const stories = useMemo(
    () => (all ?? []).filter((s) => !s.deleted).sort((a, b) => compareStories(b, a)),
    [all],
  );
  // Untouched, a story is ticked unless it is private; a tick or untick is remembered by id.
  const [choice, setChoice] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [said, say, sayError] = useSaid();
  const isChosen = (s: StoryRecord) => choice[s.id] ?? s.visibility !== 'private';
  const chosen = stories.filter(isChosen);

  const make = async (format: 'pdf' | 'md') => {
    setBusy(true);
    try {
      const { buildStoryBank, storyBankMarkdown } = await import('../../report/storyBank');
      const bank = buildStoryBank(stories, new Set(chosen.map((s) => s.id)), {
        owner: journal.menteeName ?? '',
        today: today(),
      });
      if (format === 'md') {
        const file = storyBankMarkdown(bank);
        downloadFile(file.fileName, file.text, file.type);
        say(`Saved ${file.fileName} to your downloads.`);
      } else {
        const [{ storyBankPdf }, { loadFont }, { pageSizeForLocale }] = await Promise.all([
          import('../../report/storyBankPdf'),
          import('../../report/font'),
          import('../../report/pageSize'),
        ]);
        // The paper of the person's region, as the committee summary's default.
        const file = await storyBankPdf(bank, await loadFont(), pageSizeForLocale(navigator.language));
        downloadFile(file.fileName, file.bytes as BlobPart, file.type);
        say(`Saved ${file.fileName} to your downloads.`);
      }
    } catch (error) {
      sayError(error);
    } finally {
      setBusy(false);
    }
  };

  if (all === undefined) return <p class="empty">Loading your stories…</p>;
  if (!stories.length) {
    return (
      <>
        <p class="empty">No stories to export yet.</p>
        <div class="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <fieldset class="bank-choice">
        <legend>Stories to include</legend>
        <p class="hint">
          Stories only you can see start unticked: tick one to take it along. The file is made on this device
          and goes only where you send it.
        </p>
        <div class="actions">
          <button
            type="button"
            onClick={() => setChoice(Object.fromEntries(stories.map((s) => [s.id, true])))}
          >
            Tick all
          </button>
          <button
            type="button"
            onClick={() => setChoice(Object.fromEntries(stories.map((s) => [s.id, false])))}
          >
            Untick all
          </button>
        </div>
        {stories.map((s) => (
          <label key={s.id} class="check-row">
            <input
              type="checkbox"
              checked={isChosen(s)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setChoice((c) => ({ ...c, [s.id]: checked }));
              }}
            />
            {storyTitle(s)}
            {s.visibility === 'private' ? ' (only me)' : ''}
          </label>
        ))}
      </fieldset>
      <p class="meta" aria-live="polite">
        {chosen.length} of {stories.length} {stories.length === 1 ? 'story' : 'stories'} chosen.
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !chosen.length} onClick={() => make('pdf')}>
          Download story bank (PDF)
        </button>
        <button type="button" disabled={busy || !chosen.length} onClick={() => make('md')}>
          Download story bank (Markdown)
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <SaidHere said={said} />
      </div>
    </>
  );
}
