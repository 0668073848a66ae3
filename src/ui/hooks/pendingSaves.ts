/**
 * Saves that are waiting for their debounce. Anything that is about to reload the page (the
 * update bar, a journal switch) calls `flushPendingSaves()` first, so nothing typed is lost.
 */
const pending = new Set<() => Promise<void>>();

/** Registers a flush function; returns the function that unregisters it. */
export function registerPendingSave(flush: () => Promise<void>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

/** Writes every save still waiting for its debounce. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}

/** How many saves are waiting (for tests and the "Saving…" state). */
export function pendingSaveCount(): number {
  return pending.size;
}
