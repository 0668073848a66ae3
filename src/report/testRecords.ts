/** Record factories for the report tests (not shipped: only tests import this file). */
import type { Visibility } from '../model/constants';
import type { Journal } from '../model/journal';
import type { AnyRecord } from '../model/kinds';

export const JOURNAL_ID = 'journal-1';

export function journalOf(content: Partial<Journal> = {}): Journal {
  return {
    id: JOURNAL_ID,
    journalId: JOURNAL_ID,
    kind: 'journal',
    createdAt: '2025-01-01T09:00:00.000Z',
    author: 'mentee',
    visibility: 'pair',
    deleted: false,
    stamps: {},
    bases: {},
    menteeName: 'Zofia Łukasiewicz',
    mentorName: 'Grace Ọkafọ',
    programme: 'Regional library mentoring',
    startDate: '2025-01-15',
    lengthMonths: 18,
    cadenceDays: 91,
    ...content,
  } as Journal;
}

let counter = 0;

/** A record of `kind` in the test journal, with `visibility` and the given content. */
export function record(
  kind: AnyRecord['kind'],
  visibility: Visibility,
  content: Record<string, unknown> = {},
  envelope: Partial<Pick<AnyRecord, 'id' | 'deleted' | 'author' | 'journalId'>> = {},
): AnyRecord {
  counter += 1;
  return {
    id: `${kind}-${counter}`,
    journalId: JOURNAL_ID,
    kind,
    createdAt: '2025-02-01T09:00:00.000Z',
    author: 'mentee',
    visibility,
    deleted: false,
    stamps: {},
    bases: {},
    ...envelope,
    ...content,
  } as AnyRecord;
}
