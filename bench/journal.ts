/**
 * Realistic journals for the bench: one mentoring pair's journal of exactly `size` records, with
 * every kind of record the app keeps, written the way the app writes them (stamps per field from
 * two devices' clocks, set fields with their element maps, default duties with their derived ids),
 * each record checked against the app's own schema (src/model/validate).
 *
 * The mix at 10,000 records: 5% meetings (with 16% agenda points and 13% action items), 15% milestones,
 * ~25% notes of 50–300 words (half private), 5% stories of 50–300 words a part with skills, goals,
 * progress entries, check-ins, contacts, opportunities, reflections, themes and agreement changes.
 * One goal always has 500 milestones (the "goal with 500 milestones" figure), so at 1,000 records
 * the other kinds are scaled down to make room; meetings stay 5% (50 held meetings at 1k, the
 * committee PDF's "50 meetings").
 */
import { CHECK_IN_QUESTIONS } from '../src/model/checkIn';
import type { Role, Visibility } from '../src/model/constants';
import { DEFAULT_DUTIES, defaultDutyId } from '../src/model/defaultDuties';
import { formatStamp } from '../src/model/hlc';
import { reflectionId, themeId } from '../src/model/ids';
import type { KindName } from '../src/model/kind';
import { KINDS } from '../src/model/kinds';
import { ACTIVITIES, MEETING_MODES } from '../src/model/meeting';
import { editElements, listOf, setFieldsOf } from '../src/model/sets';
import { STORY_CONTEXTS } from '../src/model/story';
import { normaliseSkill } from '../src/model/themes';
import { validateRecord } from '../src/model/validate';
import { line, Random, SKILLS, sentence, text, title } from './text';

/** A record as the app stores it (checked by validateRecord before it is returned). */
export type BenchRecord = Record<string, unknown> & {
  id: string;
  kind: KindName;
  journalId: string;
  visibility: Visibility;
  author: Role;
  stamps: Record<string, string>;
  bases: Record<string, string>;
};

/** What the bench needs to know about a generated journal to drive the app. */
export interface Journal {
  size: number;
  journalId: string;
  records: BenchRecord[];
  counts: Partial<Record<KindName, number>>;
  /** The goal with 500 milestones, and its title (its page's heading). */
  bigGoal: { id: string; title: string };
  /** A private story of the mentee's, edited by the autosave figure (never in a pair file). */
  autosaveStory: string;
  menteeNode: string;
  mentorNode: string;
  /** Held meetings (the committee summary lists their dates). */
  heldMeetings: number;
  /** The day the journal was made for (Home's "due" and "overdue" are relative to it). */
  today: string;
}

const DAY = 24 * 60 * 60 * 1000;
/** Milestones of the one big goal. */
export const BIG_GOAL_MILESTONES = 500;

/** YYYY-MM-DD of a time, on this machine's calendar (the browser's too). */
export function localDay(millis: number): string {
  const d = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** How many records of each kind a journal of `size` records holds (exactly `size` in all). */
export function plan(size: number): Record<KindName, number> {
  const fixed = {
    journal: 1,
    duty: DEFAULT_DUTIES.mentor.length + DEFAULT_DUTIES.mentee.length,
    meeting: Math.round(size * 0.05) + 3,
    goal: Math.max(8, Math.round(size * 0.01)),
    milestone: Math.max(BIG_GOAL_MILESTONES + 20, Math.round(size * 0.15)),
    theme: Math.min(20, Math.max(5, Math.round(size * 0.002))),
  };
  const flexible = {
    agendaItem: size * 0.16,
    actionItem: size * 0.13,
    note: size * 0.2,
    story: size * 0.05,
    progressEntry: size * 0.06,
    checkIn: size * 0.02,
    contact: size * 0.04,
    opportunity: size * 0.03,
    reflection: size * 0.04,
    agreementChange: size * 0.005,
  };
  const room = size - Object.values(fixed).reduce((a, b) => a + b, 0);
  const wanted = Object.values(flexible).reduce((a, b) => a + b, 0);
  const scale = Math.min(1, room / wanted);
  const counts = { ...fixed } as Record<KindName, number>;
  for (const [kind, n] of Object.entries(flexible))
    counts[kind as KindName] = Math.max(1, Math.floor(n * scale));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  counts.note += size - total;
  return counts;
}

/** Makes the journal of `size` records for `now` (the same seed and day give the same journal). */
export function makeJournal(size: number, now = Date.now(), seed = 20_261_122): Journal {
  const random = new Random(seed + size);
  const counts = plan(size);
  const menteeNode = random.node();
  const mentorNode = random.node();
  const journalId = random.uuid();
  const today = localDay(now);
  const start = now - 17 * 30 * DAY;
  const records: BenchRecord[] = [];
  let counter = 0;

  /** A time in the programme so far (never in the future). */
  const past = (from = start, to = now - DAY) => from + random.next() * (to - from);

  const make = (
    kind: KindName,
    content: Record<string, unknown>,
    options: { id?: string; at?: number; author?: Role; visibility?: Visibility } = {},
  ): BenchRecord => {
    const at = Math.min(options.at ?? past(), now - 60_000);
    const author = options.author ?? (random.chance(0.6) ? 'mentee' : 'mentor');
    const stamp = formatStamp({
      millis: Math.floor(at),
      counter: counter++ & 0xffff,
      node: author === 'mentee' ? menteeNode : mentorNode,
    });
    const fields = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined));
    const stamps: Record<string, string> = { visibility: stamp, deleted: stamp };
    for (const field of Object.keys(fields)) stamps[field] = stamp;
    const draft: Record<string, unknown> = { ...fields };
    const sets = setFieldsOf(kind);
    const elements: Record<string, unknown> = {};
    for (const [field, keyProperty] of Object.entries(sets)) {
      if (!Array.isArray(draft[field])) continue;
      const map = editElements({}, draft[field] as unknown[], keyProperty, stamp);
      elements[field] = map;
      draft[field] = listOf(map, keyProperty);
    }
    if (Object.keys(elements).length) draft.elements = elements;
    const id = options.id ?? random.uuid();
    const record = {
      ...draft,
      id,
      journalId: kind === 'journal' ? id : journalId,
      kind,
      createdAt: new Date(Math.floor(at)).toISOString(),
      author,
      visibility: options.visibility ?? 'pair',
      deleted: false,
      stamps,
      bases: {},
    };
    validateRecord(kind, record);
    records.push(record as BenchRecord);
    return record as BenchRecord;
  };

  // The pair's shared facts and the agreement's default duties.
  make(
    'journal',
    {
      menteeName: 'Ana Kowalska',
      mentorName: 'Sam Reid',
      programme: 'Emerging Leaders in Libraries',
      startDate: localDay(start),
      lengthMonths: 18,
      cadenceDays: 30,
      purpose: text(random, 40, 90),
      communication: text(random, 20, 50),
      menteeConfirmedOn: localDay(start + 7 * DAY),
      mentorConfirmedOn: localDay(start + 8 * DAY),
    },
    { id: journalId, at: start, author: 'mentor' },
  );
  for (const role of ['mentor', 'mentee'] as const) {
    for (const [index, dutyText] of DEFAULT_DUTIES[role].entries()) {
      make(
        'duty',
        { role, text: dutyText, order: index, done: random.chance(0.5) },
        { id: defaultDutyId(journalId, role, index), at: start, author: 'mentor' },
      );
    }
  }

  // Committee marks are few, as in a real summary: a handful per kind whatever the journal's size.
  const committeeLeft: Partial<Record<KindName, number>> = {
    goal: 4,
    milestone: 25,
    story: 6,
    checkIn: 4,
    note: 8,
  };
  const shared = (kind: KindName, privateShare = 0): Visibility => {
    if (privateShare && random.chance(privateShare)) return 'private';
    if ((committeeLeft[kind] ?? 0) > 0 && random.chance(0.05)) {
      committeeLeft[kind]! -= 1;
      return 'committee';
    }
    return 'pair';
  };

  const goals: BenchRecord[] = [];
  for (let i = 0; i < counts.goal; i++) {
    const at = past(start, start + 120 * DAY);
    goals.push(
      make(
        'goal',
        {
          title: i === 0 ? 'Lead the library’s first digitisation programme' : title(random),
          description: text(random, 30, 120),
          whyItMatters: text(random, 20, 80),
          successCriteria: text(random, 20, 60),
          targetDate: localDay(at + random.int(180, 540) * DAY),
          status:
            i === 0 ? 'active' : random.pick(['active', 'active', 'active', 'achieved', 'paused', 'dropped']),
          gapNow: text(random, 20, 80),
          gapTarget: text(random, 20, 80),
          gapBridge: text(random, 20, 80),
        },
        { at, author: 'mentee', visibility: shared('goal') },
      ),
    );
  }
  const bigGoal = goals[0]!;

  const meetings: BenchRecord[] = [];
  const pastMeetings = counts.meeting - 3;
  for (let i = 0; i < counts.meeting; i++) {
    const upcoming = i >= pastMeetings;
    const when = upcoming
      ? now + (i - pastMeetings + 1) * 7 * DAY
      : start + ((i + 0.5) / pastMeetings) * (now - start - 2 * DAY);
    const activities = random.some(ACTIVITIES, random.int(1, 2));
    meetings.push(
      make(
        'meeting',
        {
          date: localDay(when),
          time: random.pick(['09:30', '12:00', '15:00', '17:30']),
          durationMinutes: random.pick([30, 45, 60, 90]),
          mode: random.pick(MEETING_MODES),
          place: random.chance(0.5) ? line(random, 2, 4) : undefined,
          status: upcoming ? 'planned' : 'held',
          sharedNotes: upcoming ? undefined : text(random, 40, 200),
          activities,
          nextTopics: text(random, 10, 40),
          summary: upcoming ? undefined : text(random, 20, 80),
        },
        { at: upcoming ? now - random.int(2, 20) * DAY : Math.min(when, now - DAY) },
      ),
    );
  }
  const dateOf = (m: BenchRecord) => Date.parse(`${m.date as string}T12:00:00`);

  const meetingAt = (i: number) => meetings[i % meetings.length]!;
  for (let i = 0; i < counts.agendaItem; i++) {
    const m = meetingAt(i);
    const held = m.status === 'held';
    make(
      'agendaItem',
      {
        meetingId: m.id,
        text: line(random, 4, 12),
        raisedBy: random.pick(['mentee', 'mentor'] as const),
        discussed: held && random.chance(0.9),
        order: Math.floor(i / meetings.length),
      },
      { at: Math.min(dateOf(m) - DAY, now - DAY) },
    );
  }
  for (let i = 0; i < counts.actionItem; i++) {
    const m = meetingAt(i * 7);
    const due = dateOf(m) + random.int(7, 30) * DAY;
    const done = due < now - 10 * DAY ? random.chance(0.9) : random.chance(0.2);
    make(
      'actionItem',
      {
        meetingId: m.id,
        text: line(random, 4, 12),
        owner: random.pick(['mentee', 'mentor'] as const),
        dueDate: localDay(due),
        done,
        doneDate: done ? localDay(Math.min(due, now - DAY)) : undefined,
        order: Math.floor(i / meetings.length),
      },
      { at: Math.min(dateOf(m), now - DAY) },
    );
  }

  const otherGoals = goals.slice(1);
  for (let i = 0; i < counts.milestone; i++) {
    const goal = i < BIG_GOAL_MILESTONES ? bigGoal : random.chance(0.9) ? random.pick(otherGoals) : undefined;
    const due = start + random.next() * (now + 200 * DAY - start);
    const status =
      due < now
        ? random.pick([
            'done',
            'done',
            'done',
            'done',
            'done',
            'done',
            'missed',
            'in-progress',
            'planned',
          ] as const)
        : random.pick(['planned', 'planned', 'in-progress'] as const);
    make(
      'milestone',
      {
        title: title(random),
        goalId: goal?.id,
        dueDate: localDay(due),
        status,
        doneDate: status === 'done' ? localDay(Math.min(due, now - DAY)) : undefined,
        evidence: status === 'done' && random.chance(0.5) ? text(random, 20, 80) : undefined,
        agreedAtMeetingId: random.chance(0.5) ? random.pick(meetings.slice(0, pastMeetings)).id : undefined,
      },
      { at: Math.min(due - 30 * DAY, now - DAY), visibility: shared('milestone', 0.05), author: 'mentee' },
    );
  }

  const stories: BenchRecord[] = [];
  let autosaveStory: string | undefined;
  for (let i = 0; i < counts.story; i++) {
    const at = past();
    const privateStory = i === 0 || random.chance(0.15);
    const ready = random.chance(0.4);
    const story = make(
      'story',
      {
        title: line(random, 3, 9),
        problem: text(random, 50, 300),
        action: text(random, 50, 300),
        result: text(random, 50, 300),
        soWhat: random.chance(0.4) ? text(random, 50, 300) : undefined,
        short: random.chance(0.15) ? text(random, 50, 300) : undefined,
        context: random.pick(STORY_CONTEXTS),
        date: random.chance(0.8) ? localDay(at) : undefined,
        period: random.chance(0.2) ? 'Spring term' : undefined,
        skills: random.some(SKILLS, random.int(1, 4)).map((name) => ({ name, enjoyed: random.chance(0.4) })),
        goalIds: random.some(goals, random.int(0, 2)).map((g) => g.id),
        status: ready ? 'ready' : 'draft',
      },
      { at, author: 'mentee', visibility: privateStory ? 'private' : shared('story') },
    );
    if (i === 0) autosaveStory = story.id;
    stories.push(story);
  }

  for (let i = 0; i < counts.note; i++) {
    const where = random.next();
    const parent =
      where < 0.6
        ? { kind: 'meeting' as const, record: random.pick(meetings.slice(0, pastMeetings)) }
        : where < 0.8
          ? { kind: 'goal' as const, record: random.pick(goals) }
          : { kind: 'story' as const, record: random.pick(stories) };
    const visibility = shared('note', 0.5);
    make(
      'note',
      { parentKind: parent.kind, parentId: parent.record.id, text: text(random, 50, 300) },
      { visibility, author: visibility === 'private' ? 'mentee' : undefined },
    );
  }

  for (let i = 0; i < counts.progressEntry; i++) {
    const at = past();
    make(
      'progressEntry',
      {
        goalId: random.pick(goals).id,
        date: localDay(at),
        note: text(random, 10, 60),
        percent: random.int(0, 20) * 5,
      },
      { at, author: 'mentee' },
    );
  }

  for (let i = 0; i < counts.checkIn; i++) {
    const at = past();
    const answers = Object.fromEntries(CHECK_IN_QUESTIONS.map((q) => [q, text(random, 15, 70)]));
    const author = random.pick(['mentee', 'mentor'] as const);
    const visibility = shared('checkIn', author === 'mentee' ? 0.2 : 0);
    make('checkIn', { date: localDay(at), ...answers }, { at, author, visibility });
  }

  const contacts: BenchRecord[] = [];
  for (let i = 0; i < counts.contact; i++) {
    const at = past();
    contacts.push(
      make(
        'contact',
        {
          name: `${random.pick(['Maria', 'Tom', 'Priya', 'Jonas', 'Chen', 'Amara', 'Lucía', 'Olu'])} ${random.pick(['Nowak', 'Smith', 'Okafor', 'Lindqvist', 'García', 'Dubois', 'Kim'])}`,
          role: random.pick(['Head of digital services', 'Branch manager', 'Archivist', 'Dean of libraries']),
          organisation: `${line(random, 1, 2)} Library`,
          howFound: random.pick(['referral', 'professional-network', 'event', 'other'] as const),
          date: localDay(at),
          notes: text(random, 20, 120),
          followUpDate: random.chance(0.3) ? localDay(at + 30 * DAY) : undefined,
          researched: random.chance(0.7),
          askedReferrals: random.chance(0.5),
          askedResumeReview: random.chance(0.3),
          remembered: random.chance(0.6),
          isSponsor: random.chance(0.1),
        },
        { at, author: 'mentee', visibility: 'private' },
      ),
    );
  }

  for (let i = 0; i < counts.opportunity; i++) {
    const at = past();
    make(
      'opportunity',
      {
        title: `${random.pick(['Institute', 'Webinar', 'Course', 'Reading'])}: ${line(random, 2, 6)}`,
        type: random.pick(['programme', 'institute', 'webinar', 'course', 'reading', 'other'] as const),
        status: random.pick(['interested', 'applied', 'attending', 'done'] as const),
        startDate: localDay(at + 20 * DAY),
        link: 'https://example.org/opportunity',
        takeaways: random.chance(0.6) ? text(random, 20, 120) : undefined,
        goalIds: random.some(goals, random.int(0, 2)).map((g) => g.id),
        sponsorContactId: random.chance(0.1) && contacts.length ? random.pick(contacts).id : undefined,
      },
      { at, author: 'mentee' },
    );
  }

  const prompts = ['what', 'strengths', 'where', 'factors', 'inspires', 'gap'];
  const reflectionIds = new Set<string>();
  for (let i = 0; i < counts.reflection; i++) {
    let at = past();
    let id = '';
    let promptId = '';
    // One answer per prompt per day: move on a day until the id is free.
    do {
      promptId = random.pick(prompts);
      id = reflectionId(journalId, 'mentee', promptId, localDay(at));
      if (reflectionIds.has(id)) at -= DAY;
    } while (reflectionIds.has(id));
    reflectionIds.add(id);
    make(
      'reflection',
      { promptId, answer: text(random, 30, 150), answeredOn: localDay(at) },
      { id, at, author: 'mentee', visibility: 'private' },
    );
  }

  const skillKeys = [...new Set(SKILLS.map(normaliseSkill))];
  // A theme's id comes from its skill: at most one per distinct skill (plan() keeps within that).
  for (let i = 0; i < counts.theme; i++) {
    const skill = skillKeys[i]!;
    make(
      'theme',
      { skill, jobsAndPlaces: text(random, 10, 50) },
      { id: themeId(journalId, skill), author: 'mentee' },
    );
  }

  for (let i = 0; i < counts.agreementChange; i++) {
    const at = past();
    make(
      'agreementChange',
      { changedOn: localDay(at), field: 'communication', from: sentence(random), to: sentence(random) },
      { at, author: random.pick(['mentee', 'mentor'] as const) },
    );
  }

  if (records.length !== size) throw new Error(`bench journal: ${records.length} records, wanted ${size}`);
  const tally: Partial<Record<KindName, number>> = {};
  for (const r of records) tally[r.kind] = (tally[r.kind] ?? 0) + 1;
  return {
    size,
    journalId,
    records,
    counts: tally,
    bigGoal: { id: bigGoal.id, title: bigGoal.title as string },
    autosaveStory: autosaveStory!,
    menteeNode,
    mentorNode,
    heldMeetings: pastMeetings,
    today,
  };
}

/** The field a partner's edit changes in a record of a kind (its first long text, else its text). */
export function editedField(kind: KindName): string | undefined {
  const long = KINDS[kind].longText[0];
  if (long) return long;
  if (kind === 'agendaItem' || kind === 'actionItem' || kind === 'duty') return 'text';
  return undefined;
}
