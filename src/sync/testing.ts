/** Helpers for the sync tests: stamps and records written by hand, with fixed dates. */
import { formatStamp } from '../model/hlc';
import type { AnyRecord } from '../model/kinds';

export const NODE_A = 'aaaaaaaaaaaaaaaa';
export const NODE_B = 'bbbbbbbbbbbbbbbb';
export const NODE_C = 'cccccccccccccccc';
export const JOURNAL_ID = '11111111-1111-4111-8111-111111111111';
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

/** A stamp `minutes` after 22 Nov 2026 09:00 UTC, from a node. */
export function stampAt(minutes: number, node = NODE_A, counter = 0): string {
  return formatStamp({ millis: T0 + minutes * 60_000, counter, node });
}

/**
 * A record of a kind with its content, every field (and visibility, deleted) stamped `stamp`
 * unless `stamps` says otherwise.
 */
export function makeRecord(
  kind: AnyRecord['kind'],
  id: string,
  content: Record<string, unknown>,
  options: {
    stamp?: string;
    stamps?: Record<string, string>;
    bases?: Record<string, string>;
    visibility?: 'private' | 'pair' | 'committee';
    deleted?: boolean;
    author?: 'mentee' | 'mentor';
    journalId?: string;
  } = {},
): AnyRecord {
  const stamp = options.stamp ?? stampAt(0);
  const stamps: Record<string, string> = { visibility: stamp, deleted: stamp };
  for (const field of Object.keys(content)) stamps[field] = stamp;
  return {
    ...content,
    id,
    journalId: kind === 'journal' ? id : (options.journalId ?? JOURNAL_ID),
    kind,
    createdAt: new Date(T0).toISOString(),
    author: options.author ?? 'mentee',
    visibility: options.visibility ?? 'pair',
    deleted: options.deleted ?? false,
    stamps: { ...stamps, ...options.stamps },
    bases: options.bases ?? {},
  } as AnyRecord;
}

/** The journal record of JOURNAL_ID. */
export function makeJournal(stamp = stampAt(0)): AnyRecord {
  return makeRecord(
    'journal',
    JOURNAL_ID,
    { menteeName: 'Ana Kowalska', mentorName: 'Sam Reid', lengthMonths: 18, cadenceDays: 91 },
    { stamp },
  );
}
