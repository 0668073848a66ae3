import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import { announceError } from '../components/status';
import { useJournal } from '../journalContext';

/**
 * The "New story" app shortcut (/stories/new): makes a draft story and opens it in place of this
 * address, so going back or reloading does not make a second one.
 */
export function NewStoryScreen() {
  const { journalId } = useJournal();
  const { route } = useLocation();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    repo('story')
      .create(journalId, { status: 'draft' })
      .then((story) => route(`/stories/${story.id}`, true), announceError);
  }, [journalId]);
  return (
    <>
      <h1>New story</h1>
      <p class="empty">Starting a new story…</p>
    </>
  );
}
