import { render } from 'preact';
import { readHomeSnapshot } from '../db/homeSnapshot';
import { today } from '../ui/components/labels';
import { OffScreenHome } from '../ui/home/HomeScreen';
import { keepHomeSnapshot } from '../ui/home/homeSnapshot';
import { type CurrentJournal, JournalContext } from '../ui/journalContext';

/** The longest an off-screen Home is given to draw before it is given up. */
const DRAW_LIMIT_MS = 15_000;

/**
 * When the app is put away (another app, the phone locked) on another screen than Home and no Home
 * is kept for today, Home is drawn off screen and kept (db/homeSnapshot.ts): the next cold start
 * shows it at once even after a change made elsewhere — a milestone ticked on Milestones, a file
 * imported under Share. Returns the function that stops listening.
 */
export function keepHomeWhenHidden(current: CurrentJournal): () => void {
  let drawing: HTMLElement | undefined;
  const stop = () => {
    if (!drawing) return;
    render(null, drawing);
    drawing = undefined;
  };
  const onVisibility = () => {
    if (document.visibilityState !== 'hidden' || drawing || location.pathname === '/') return;
    const kept = readHomeSnapshot();
    const day = today();
    if (kept && kept.journalId === current.journalId && kept.today === day) return;
    const holder = document.createElement('div');
    drawing = holder;
    render(
      <JournalContext.Provider value={current}>
        <OffScreenHome
          onSettled={() => {
            keepHomeSnapshot(current.journalId, day, holder);
            stop();
          }}
        />
      </JournalContext.Provider>,
      holder,
    );
    setTimeout(() => drawing === holder && stop(), DRAW_LIMIT_MS);
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    stop();
  };
}
