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

const WORDS = (
  'the reading club met again and we talked about how to reach teenagers after school, ' +
  'Zofia Łukasiewicz suggested a poster for the branch, Ελένη Παπαδοπούλου offered to help with ' +
  'the budget, we agreed to draft a short plan before the next meeting and to ask the branch head ' +
  'for time on the staff agenda; the volunteers want clearer roles, the summer programme needs ' +
  'partners, and the library board expects a report with numbers, stories and a timeline'
).split(' ');

/** A small deterministic generator, so every run makes the same journal. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** `count` words of plain prose, Polish and Greek names among them. */
function prose(random: () => number, count: number): string {
  const out: string[] = [];
  let at = Math.floor(random() * WORDS.length);
  for (let i = 0; i < count; i++) {
    at += 1 + Math.floor(random() * 3);
    out.push(WORDS[at % WORDS.length]!);
  }
  return `${out.join(' ')}.`;
}

/**
 * A journal as a pair that journals for years would hold it: the journal, then meetings with their
 * agenda and action items, notes of 50–300 words, milestones, goals, stories and check-ins, in
 * realistic proportions, `count` records in all. Deterministic for a given `seed`.
 */
export function realisticJournal(count: number, options: { seed?: number; node?: string } = {}): AnyRecord[] {
  const random = seeded(options.seed ?? 7);
  const node = options.node ?? NODE_A;
  const records: AnyRecord[] = [makeJournal(stampAt(0, node))];
  const goals: string[] = [];
  let meeting = '';
  for (let i = 1; records.length < count; i++) {
    const stamp = stampAt(i, node);
    const id = `r-${String(i).padStart(6, '0')}`;
    const day = `20${String(20 + ((i >> 9) % 9)).padStart(2, '0')}-${String(((i >> 5) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const roll = i % 20;
    const author = random() < 0.5 ? 'mentee' : 'mentor';
    let record: AnyRecord;
    if (roll === 0 || !meeting) {
      meeting = id;
      record = makeRecord(
        'meeting',
        id,
        {
          date: day,
          status: 'held',
          mode: 'video',
          durationMinutes: 60,
          sharedNotes: prose(random, 50 + Math.floor(random() * 250)),
        },
        { stamp, author },
      );
    } else if (roll < 5) {
      record = makeRecord(
        'agendaItem',
        id,
        { meetingId: meeting, text: prose(random, 8), order: roll, discussed: random() < 0.7 },
        { stamp, author },
      );
    } else if (roll < 8) {
      record = makeRecord(
        'actionItem',
        id,
        { meetingId: meeting, text: prose(random, 10), owner: author, dueDate: day, done: random() < 0.5 },
        { stamp, author },
      );
    } else if (roll < 14) {
      record = makeRecord(
        'note',
        id,
        { parentKind: 'meeting', parentId: meeting, text: prose(random, 50 + Math.floor(random() * 250)) },
        { stamp, author, visibility: random() < 0.8 ? 'pair' : 'committee' },
      );
    } else if (roll < 17 || goals.length === 0) {
      if (goals.length === 0 || random() < 0.15) {
        goals.push(id);
        record = makeRecord(
          'goal',
          id,
          { title: prose(random, 6), status: 'active', description: prose(random, 60) },
          { stamp, author, visibility: 'committee' },
        );
      } else {
        record = makeRecord(
          'milestone',
          id,
          {
            title: prose(random, 7),
            goalId: goals[Math.floor(random() * goals.length)]!,
            dueDate: day,
            status: 'planned',
            evidence: prose(random, 30),
          },
          { stamp, author, visibility: random() < 0.5 ? 'pair' : 'committee' },
        );
      }
    } else if (roll < 19) {
      record = makeRecord(
        'story',
        id,
        {
          title: prose(random, 5),
          problem: prose(random, 80),
          action: prose(random, 120),
          result: prose(random, 80),
          status: 'ready',
        },
        { stamp, author, visibility: 'committee' },
      );
    } else {
      record = makeRecord(
        'checkIn',
        id,
        { date: day, howItIsGoing: prose(random, 60), supportWanted: prose(random, 40) },
        { stamp, author, visibility: random() < 0.5 ? 'pair' : 'committee' },
      );
    }
    records.push(record);
  }
  return records;
}
