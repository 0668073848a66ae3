/** A write the device refused; the message says what happened in plain words, and that nothing changed. */
export class StorageError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** A write refused because the journal is closed: read-only until someone reopens it. */
export class ClosedJournalError extends StorageError {
  constructor() {
    super(
      'This journal is closed, so it can no longer be changed. Nothing was changed. Reopen it to edit it again.',
    );
    this.name = 'ClosedJournalError';
  }
}

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { name?: string; inner?: unknown; cause?: unknown };
    if (e.name) found.push(e.name);
    current = e.inner ?? e.cause;
  }
  return found;
}

/** Turns a Dexie or IndexedDB failure into a StorageError a person can act on. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageError || (error as Error)?.name === 'ValidationError') return error;
  const all = names(error);
  if (all.includes('QuotaExceededError')) {
    return new StorageError(
      'This device has no room left to save the journal. Nothing was changed. Free some space, or back up and remove an old journal, then try again.',
      error,
    );
  }
  if (
    all.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'VersionChangeError')
  ) {
    return new StorageError(
      'The journal’s storage was closed, perhaps because the app was updated in another tab. Reload this page: everything saved so far is kept.',
      error,
    );
  }
  return new StorageError(
    `The journal could not be saved (${all[all.length - 1] ?? 'unknown error'}). Nothing was changed. Try again, or reload the page.`,
    error,
  );
}
