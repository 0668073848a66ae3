import { render } from 'preact';
import { readHomeSnapshot } from '../db/homeSnapshot';
import { today } from '../ui/components/labels';
import { OffScreenHome } from '../ui/home/HomeScreen';
import { keepHomeSnapshot, onHomeChangedInBulk } from '../ui/home/homeSnapshot';
import { JournalContext } from '../ui/journalContext';
import { useShellState } from './useCurrentJournal';

/** The longest an off-screen Home is given to draw before it is given up. */
const DRAW_LIMIT_MS = 15_000;

let drawing: HTMLElement | undefined;

function stop() {
  if (!drawing) return;
  render(null, drawing);
  drawing = undefined;
}

/** Home of the current journal as the device holds it now (the shell's live read), off screen. */
function CurrentHomeOffScreen({ holder }: { holder: HTMLElement }) {
  const current = useShellState()?.current;
  if (!current) return null;
  return (
    <JournalContext.Provider value={current}>
      <OffScreenHome
        onSettled={() => {
          keepHomeSnapshot(current.journalId, today(), holder);
          stop();
        }}
      />
    </JournalContext.Provider>
  );
}

/** Draws Home off screen and keeps it for the next cold start (db/homeSnapshot.ts). */
function drawAndKeepHome() {
  if (drawing) return;
  const holder = document.createElement('div');
  drawing = holder;
  render(<CurrentHomeOffScreen holder={holder} />, holder);
  setTimeout(() => drawing === holder && stop(), DRAW_LIMIT_MS);
}

/**
 * Keeps Home for the next cold start when it is not on screen to keep itself: when the app is put
 * away (another app, the phone locked) on another screen with no Home kept for today, and after an
 * import, which changes Home in bulk. So the next start shows Home at once even after a change made
 * elsewhere. Returns the function that stops listening.
 */
export function keepHomeWhenHidden(journalId: string): () => void {
  const onVisibility = () => {
    if (document.visibilityState !== 'hidden' || location.pathname === '/') return;
    const kept = readHomeSnapshot();
    if (kept && kept.journalId === journalId && kept.today === today()) return;
    drawAndKeepHome();
  };
  document.addEventListener('visibilitychange', onVisibility);
  const stopListening = onHomeChangedInBulk(() => location.pathname !== '/' && drawAndKeepHome());
  // A drawing under way goes on when the current journal changes (an import makes its journal the
  // current one): it draws the journal that is current when it settles.
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    stopListening();
  };
}
