import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { publishedSummaryValidator } from '../../tests/helpers/summarySchema';
import { CHECK_IN_QUESTIONS } from '../model/checkIn';
import { VISIBILITIES, type Visibility } from '../model/constants';
import type { AnyRecord } from '../model/kinds';
import { KIND_NAMES, kindInfo } from '../model/registry';
import { buildSummary, cadenceGaps } from './buildSummary';
import { checkInRatingLine, ratingTrendLine } from './summaryText';
import { journalOf, record } from './testRecords';
import { fileSlug, toJson } from './toJson';

const TODAY = '2025-09-01';
const options = { today: TODAY, role: 'mentee' as const };

describe('buildSummary: what the committee reads', () => {
  test('states the format, the day, who made it and the pair’s facts with the programme progress', () => {
    const summary = buildSummary([], journalOf({ menteeConfirmedOn: '2025-01-20' }), options);
    expect(summary.format).toBe('mentoring-journal-committee-summary');
    expect(summary.formatVersion).toBe(2);
    expect(summary.generatedOn).toBe(TODAY);
    expect(summary.generatedBy).toBe('mentee');
    expect(summary.journal).toEqual({
      menteeName: 'Zofia Łukasiewicz',
      mentorName: 'Grace Ọkafọ',
      programme: 'Regional library mentoring',
      startDate: '2025-01-15',
      lengthMonths: 18,
      endDate: '2026-07-15',
      monthsElapsed: 7,
      percentElapsed: 41,
      phase: 'running',
    });
    expect(summary.agreement).toEqual({ menteeConfirmedOn: '2025-01-20' });
  });

  test('leaves out the agreement’s purpose and ways of communicating', () => {
    const summary = buildSummary(
      [],
      journalOf({ purpose: 'Secret purpose words', communication: 'Call my cell 555' }),
      options,
    );
    const json = JSON.stringify(summary);
    expect(json).not.toContain('Secret purpose words');
    expect(json).not.toContain('555');
  });

  test('meetings held: count, dates and ways only — never notes, agenda, actions or place', () => {
    const meeting = record('meeting', 'committee', {
      date: '2025-02-10',
      mode: 'video',
      status: 'held',
      place: 'Room 12',
      sharedNotes: 'We discussed the budget',
      summary: 'Agreed two milestones',
      nextTopics: 'Conference',
    });
    const agenda = record('agendaItem', 'committee', { meetingId: meeting.id, text: 'Agenda point A' });
    const action = record('actionItem', 'committee', { meetingId: meeting.id, text: 'Action point B' });
    const records = [
      meeting,
      agenda,
      action,
      record('meeting', 'pair', { date: '2025-04-20', mode: 'in-person', status: 'held' }),
      record('meeting', 'pair', { date: '2025-06-01', status: 'planned' }),
      record('meeting', 'pair', { date: '2025-05-01', status: 'cancelled' }),
      record('meeting', 'pair', { date: '2025-05-02', status: 'held' }, { deleted: true }),
      record('meeting', 'private', { date: '2025-05-03', status: 'held' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.meetings.heldCount).toBe(2);
    expect(summary.meetings.held).toEqual([
      { date: '2025-02-10', mode: 'video' },
      { date: '2025-04-20', mode: 'in-person' },
    ]);
    const json = JSON.stringify(summary);
    for (const text of ['Room 12', 'budget', 'two milestones', 'Conference', 'Agenda point', 'Action point'])
      expect(json).not.toContain(text);
  });

  test('the cadence is kept when no stretch from the start, between meetings or to today is over 91 days', () => {
    const records = ['2025-03-01', '2025-05-20', '2025-08-01'].map((date) =>
      record('meeting', 'pair', { date, status: 'held' }),
    );
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.meetings.cadenceDays).toBe(91);
    expect(summary.meetings.cadenceKept).toBe(true);
    expect(summary.meetings.gapsOverCadence).toEqual([]);
  });

  test('a stretch between meetings longer than the cadence is flagged with its days', () => {
    const records = ['2025-02-01', '2025-07-01'].map((date) =>
      record('meeting', 'pair', { date, status: 'held' }),
    );
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.meetings.cadenceKept).toBe(false);
    expect(summary.meetings.gapsOverCadence).toEqual([
      { from: '2025-02-01', to: '2025-07-01', days: 150, open: false },
    ]);
  });

  test('no meeting for longer than the cadence up to today is flagged as an open stretch', () => {
    const summary = buildSummary([], journalOf(), options);
    expect(summary.meetings.heldCount).toBe(0);
    expect(summary.meetings.gapsOverCadence).toEqual([
      { from: '2025-01-15', to: TODAY, days: 229, open: true },
    ]);
  });

  test('cadenceGaps stops counting at the programme end', () => {
    expect(cadenceGaps(['2025-01-10'], '2025-01-01', '2025-03-01', '2026-01-01', 30)).toEqual([
      { from: '2025-01-10', to: '2025-03-01', days: 50, open: true },
    ]);
  });

  test('goals and milestones marked for the committee appear with their fields; others do not', () => {
    const committeeGoal = record('goal', 'committee', {
      title: 'Lead a small project',
      status: 'active',
      targetDate: '2025-12-01',
      successCriteria: 'Project delivered on time',
      description: 'Goal description words',
      gapNow: 'Gap now words',
    });
    const pairGoal = record('goal', 'pair', { title: 'Pair goal title' });
    const records = [
      committeeGoal,
      pairGoal,
      record('goal', 'private', { title: 'Private goal title' }),
      record('goal', 'committee', { title: 'Deleted goal title' }, { deleted: true }),
      record('milestone', 'committee', {
        title: 'Write the plan',
        goalId: committeeGoal.id,
        dueDate: '2025-06-01',
        status: 'done',
        doneDate: '2025-05-30',
        evidence: 'Evidence words',
      }),
      record('milestone', 'committee', { title: 'Under the pair goal', goalId: pairGoal.id }),
      record('milestone', 'pair', { title: 'Pair milestone title' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.goals).toEqual([
      {
        id: committeeGoal.id,
        title: 'Lead a small project',
        status: 'active',
        targetDate: '2025-12-01',
        pastTarget: false,
        successCriteria: 'Project delivered on time',
      },
    ]);
    expect(summary.milestones.map(({ id: _, ...m }) => m)).toEqual([
      {
        title: 'Write the plan',
        dueDate: '2025-06-01',
        status: 'done',
        doneDate: '2025-05-30',
        goalTitle: 'Lead a small project',
      },
      // Its goal is only the pair's: the milestone says nothing of it.
      { title: 'Under the pair goal', status: 'planned' },
    ]);
    const json = JSON.stringify(summary);
    for (const text of [
      'Pair goal title',
      'Private goal title',
      'Deleted goal title',
      'Pair milestone title',
      'Goal description words',
      'Gap now words',
      'Evidence words',
    ])
      expect(json).not.toContain(text);
  });

  test('stories marked for the committee show title, problem, action and result only', () => {
    const records = [
      record('story', 'committee', {
        title: 'Teen reading club',
        problem: 'Teens stopped coming',
        action: 'Asked them what they wanted',
        result: '40 teens a week',
        soWhat: 'So-what words',
        short: 'Short telling words',
        skills: [{ name: 'Skill words', enjoyed: true }],
      }),
      record('story', 'pair', { title: 'Pair story title' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.stories.map(({ id: _, ...s }) => s)).toEqual([
      {
        title: 'Teen reading club',
        problem: 'Teens stopped coming',
        action: 'Asked them what they wanted',
        result: '40 teens a week',
      },
    ]);
    const json = JSON.stringify(summary);
    for (const text of ['So-what words', 'Short telling words', 'Skill words', 'Pair story title'])
      expect(json).not.toContain(text);
  });

  test('check-ins and notes marked for the committee appear; private ones do not', () => {
    const records = [
      record(
        'checkIn',
        'committee',
        { date: '2025-07-01', howItIsGoing: 'Going well', changes: 'Meet monthly' },
        { author: 'mentor' },
      ),
      record('checkIn', 'pair', { date: '2025-07-02', howItIsGoing: 'Pair check-in words' }),
      record('note', 'committee', { parentKind: 'goal', parentId: 'x', text: 'A note for the committee' }),
      record('note', 'private', { parentKind: 'meeting', parentId: 'y', text: 'My private worry' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.checkIns.map(({ id: _, ...c }) => c)).toEqual([
      {
        date: '2025-07-01',
        author: 'mentor',
        answers: [
          { question: 'How is our partnership going overall?', answer: 'Going well' },
          {
            question: 'What should change, in how we work or in how the programme runs?',
            answer: 'Meet monthly',
          },
        ],
      },
    ]);
    expect(summary.notes.map((n) => n.text)).toEqual(['A note for the committee']);
    const json = JSON.stringify(summary);
    expect(json).not.toContain('Pair check-in words');
    expect(json).not.toContain('My private worry');
  });

  test('carries the partnership ratings of the check-ins shared with the committee, and no others', () => {
    const records = [
      record('checkIn', 'committee', { date: '2025-07-01', rating: 4 }, { author: 'mentor' }),
      record('checkIn', 'committee', { date: '2025-07-03', rating: 2 }, { author: 'mentee' }),
      record('checkIn', 'committee', { date: '2025-08-01' }, { author: 'mentee' }),
      record('checkIn', 'pair', { date: '2025-07-02', rating: 1 }, { author: 'mentee' }),
      record('checkIn', 'private', { date: '2025-07-04', rating: 5 }, { author: 'mentor' }),
      // A value off the scale (a newer version's) is never passed on as a rating.
      record('checkIn', 'committee', { date: '2025-08-02', rating: 9 }, { author: 'mentor' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.checkIns.map((c) => [c.date, c.author, c.rating])).toEqual([
      ['2025-07-01', 'mentor', 4],
      ['2025-07-03', 'mentee', 2],
      ['2025-08-01', 'mentee', undefined],
      ['2025-08-02', 'mentor', undefined],
    ]);
    expect(ratingTrendLine(summary)).toBe(
      'Partnership ratings (1–5) over time: the mentee 2 (3 Jul 2025); the mentor 4 (1 Jul 2025).',
    );
    expect(summary.checkIns.map(checkInRatingLine)).toEqual([
      'How is the partnership working? 4 of 5 (Working well).',
      'How is the partnership working? 2 of 5 (Struggling).',
      undefined,
      undefined,
    ]);
    expect(ratingTrendLine(buildSummary([records[3]!], journalOf(), options))).toBeUndefined();
  });

  test('records of another journal are ignored', () => {
    const summary = buildSummary(
      [record('goal', 'committee', { title: 'Elsewhere' }, { journalId: 'other' })],
      journalOf(),
      options,
    );
    expect(summary.goals).toEqual([]);
  });
});

describe('toJson', () => {
  test('shows progress: each goal’s latest %, past its target or not; milestones counted; meetings held against the cadence; the latest check-in’s date', () => {
    const late = record('goal', 'committee', {
      title: 'Late goal',
      status: 'active',
      targetDate: '2025-08-01',
    });
    const done = record('goal', 'committee', {
      title: 'Done goal',
      status: 'achieved',
      targetDate: '2025-08-01',
    });
    const records = [
      late,
      done,
      record('progressEntry', 'pair', { goalId: late.id, date: '2025-05-01', percent: 30 }),
      record('progressEntry', 'pair', {
        goalId: late.id,
        date: '2025-07-01',
        percent: 60,
        note: 'Private words',
      }),
      record('progressEntry', 'pair', { goalId: late.id, date: '2025-06-01', percent: 45 }),
      record('milestone', 'pair', {
        title: 'A',
        dueDate: '2025-06-01',
        status: 'done',
        doneDate: '2025-05-30',
      }),
      record('milestone', 'pair', {
        title: 'B',
        dueDate: '2025-06-01',
        status: 'done',
        doneDate: '2025-06-10',
      }),
      record('milestone', 'pair', { title: 'C', dueDate: '2025-08-31', status: 'planned' }),
      record('milestone', 'pair', { title: 'D', dueDate: '2025-09-01', status: 'planned' }),
      record('milestone', 'pair', { title: 'E', dueDate: '2025-04-01', status: 'missed' }),
      record('milestone', 'pair', { title: 'F', dueDate: '2025-04-01', status: 'dropped' }),
      record('milestone', 'private', { title: 'G', dueDate: '2025-04-01', status: 'planned' }),
      record('meeting', 'pair', { date: '2025-02-01', status: 'held' }),
      record('meeting', 'pair', { date: '2025-03-01', status: 'held' }),
      record('meeting', 'pair', { date: '2025-07-01', status: 'held' }),
      record('checkIn', 'private', { date: '2025-06-15', goingWell: 'Kept to ourselves' }),
      record('checkIn', 'pair', { date: '2025-03-15' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.goals.map((g) => [g.title, g.pastTarget, g.latestPercent, g.latestProgressOn])).toEqual([
      ['Done goal', false, undefined, undefined],
      ['Late goal', true, 60, '2025-07-01'],
    ]);
    // Dropped and private milestones are not counted; C is due yesterday: overdue; D is due today.
    expect(summary.milestoneCounts).toEqual({ total: 5, done: 2, onTime: 1, overdue: 1, missed: 1 });
    // 15 Jan to 1 Sep is 229 days: two full 91-day cadences. The longest stretch: 1 Mar to 1 Jul.
    expect(summary.meetings).toMatchObject({
      heldCount: 3,
      expectedCount: 2,
      lastHeldOn: '2025-07-01',
      longestGapDays: 122,
    });
    expect(summary.latestCheckInOn).toBe('2025-06-15');
    expect(JSON.stringify(summary)).not.toContain('Kept to ourselves');
    expect(JSON.stringify(summary)).not.toContain('Private words');
  });

  test('covers only a period when asked, and leaves out the sections the pair chose', () => {
    const records = [
      record('meeting', 'pair', { date: '2025-02-01', status: 'held' }),
      record('meeting', 'pair', { date: '2025-05-01', status: 'held' }),
      record('milestone', 'committee', {
        title: 'In May',
        dueDate: '2025-05-10',
        status: 'done',
        doneDate: '2025-05-09',
      }),
      record('milestone', 'committee', { title: 'In February', dueDate: '2025-02-10', status: 'done' }),
      record('story', 'committee', { title: 'A story', problem: 'P' }),
      record('checkIn', 'committee', { date: '2025-02-15', goingWell: 'Early' }),
    ];
    const summary = buildSummary(records, journalOf(), {
      ...options,
      period: { from: '2025-04-01', to: '2025-06-30' },
      leaveOut: ['stories'],
    });
    expect(summary.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(summary.leftOut).toEqual(['stories']);
    expect(summary.meetings.held.map((m) => m.date)).toEqual(['2025-05-01']);
    expect(summary.milestones.map((m) => m.title)).toEqual(['In May']);
    expect(summary.milestoneCounts.total).toBe(1);
    expect(summary.stories).toEqual([]);
    expect(summary.checkIns).toEqual([]);
    expect(summary.latestCheckInOn).toBeUndefined();
    // 1 Apr to 30 Jun is 90 days: no full 91-day cadence, so none expected yet.
    expect(summary.meetings.expectedCount).toBe(0);
  });

  test('shows opportunities once done, with takeaways, and the reflection answers chosen for the committee', () => {
    const records = [
      record('opportunity', 'committee', {
        title: 'Leadership institute',
        status: 'done',
        type: 'institute',
        takeaways: 'Delegate more',
      }),
      record('opportunity', 'committee', { title: 'Still applying', status: 'applied' }),
      record('opportunity', 'pair', { title: 'Pair only', status: 'done' }),
      record('reflection', 'committee', {
        promptId: 'nope',
        answer: 'Towards management',
        answeredOn: '2025-04-01',
      }),
      record('reflection', 'private', { promptId: 'nope', answer: 'Secret doubts' }),
    ];
    const summary = buildSummary(records, journalOf(), options);
    expect(summary.opportunities.map((o) => [o.title, o.type, o.takeaways])).toEqual([
      ['Leadership institute', 'institute', 'Delegate more'],
    ]);
    expect(summary.reflections).toEqual([
      expect.objectContaining({
        question: 'A reflection',
        answer: 'Towards management',
        answeredOn: '2025-04-01',
      }),
    ]);
    expect(JSON.stringify(summary)).not.toContain('Secret doubts');
  });

  test('names the file after the mentee and the day, and pretty-prints the summary', () => {
    const summary = buildSummary([], journalOf(), options);
    const file = toJson(summary);
    expect(file.fileName).toBe('committee-summary-zofia-łukasiewicz-2025-09-01.json');
    expect(
      file.text.startsWith(
        '{\n  "$schema": "urn:mentoring-journal:committee-summary:2",\n  "format": "mentoring-journal-committee-summary",\n',
      ),
    ).toBe(true);
    expect(JSON.parse(file.text)).toEqual(summary);
  });

  test('a name with only punctuation still gives a file name', () => {
    expect(fileSlug('  ?? ')).toBe('journal');
    expect(fileSlug('Grace Ọkafọ')).toBe('grace-ọkafọ');
  });
});

// ---------------------------------------------------------------------------------------------------
// The privacy property

/** Free-text fields of each kind, and which of them the summary may show when the record is committee. */
const TEXT_FIELDS: Partial<Record<AnyRecord['kind'], { all: string[]; shown: string[] }>> = {
  goal: {
    all: ['title', 'description', 'whyItMatters', 'successCriteria', 'gapNow', 'gapTarget', 'gapBridge'],
    shown: ['title', 'successCriteria'],
  },
  progressEntry: { all: ['note'], shown: [] },
  milestone: { all: ['title', 'evidence'], shown: ['title'] },
  meeting: { all: ['place', 'sharedNotes', 'nextTopics', 'summary'], shown: [] },
  agendaItem: { all: ['text'], shown: [] },
  actionItem: { all: ['text'], shown: [] },
  note: { all: ['text'], shown: ['text'] },
  story: {
    all: ['title', 'problem', 'action', 'result', 'soWhat', 'short', 'period'],
    shown: ['title', 'problem', 'action', 'result'],
  },
  reflection: { all: ['answer'], shown: ['answer'] },
  contact: { all: ['name', 'role', 'organisation', 'notes'], shown: [] },
  // Shown only once done (see buildRecords).
  opportunity: { all: ['title', 'link', 'takeaways'], shown: ['title', 'takeaways'] },
  checkIn: { all: [...CHECK_IN_QUESTIONS], shown: [...CHECK_IN_QUESTIONS] },
  duty: { all: ['text'], shown: [] },
  agreementChange: { all: ['field', 'from', 'to'], shown: [] },
  theme: { all: ['skill', 'jobsAndPlaces'], shown: [] },
};
const KINDS_WITH_TEXT = Object.keys(TEXT_FIELDS) as AnyRecord['kind'][];

/** Random text, with characters JSON must escape and scripts beyond Latin-1. */
const textArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('"', '\\', '\n', 'Ł', 'Ọ', '</script>', ''),
);

const draftArb = fc.record({
  kind: fc.constantFrom(...KINDS_WITH_TEXT),
  visibility: fc.constantFrom<Visibility>(...VISIBILITIES),
  deleted: fc.boolean(),
  status: fc.constantFrom(undefined, 'held', 'planned', 'active', 'done'),
  date: fc.constantFrom(undefined, '2025-02-01', '2025-06-30', '2025-08-31'),
  link: fc.nat(30),
  texts: fc.array(textArb, { minLength: 8, maxLength: 8 }),
});

type Draft = typeof draftArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Each text carries a unique marker: finding the marker in the output means the field leaked,
 * whatever random text follows it.
 */
function buildRecords(drafts: Draft[]) {
  const ids = drafts.map((_, i) => `rec-${i}`);
  const secret: string[] = [];
  const expected: string[] = [];
  const records = drafts.map((d, i) => {
    const fields = TEXT_FIELDS[d.kind]!;
    const content: Record<string, unknown> = {};
    fields.all.forEach((field, f) => {
      const value = `⟦${i}:${field}⟧${d.texts[f % d.texts.length]}`;
      content[field] = value;
      const shown =
        d.visibility === 'committee' &&
        !d.deleted &&
        fields.shown.includes(field) &&
        (d.kind !== 'opportunity' || d.status === 'done');
      (shown ? expected : secret).push(value);
    });
    if (d.status) content.status = d.status;
    if (d.date) content.date = d.date;
    const target = ids[d.link % ids.length]!;
    if (d.kind === 'milestone' || d.kind === 'progressEntry') content.goalId = target;
    if (d.kind === 'agendaItem' || d.kind === 'actionItem') content.meetingId = target;
    if (d.kind === 'note')
      Object.assign(content, { parentKind: drafts[d.link % drafts.length]!.kind, parentId: target });
    if (d.kind === 'story' || d.kind === 'opportunity') content.goalIds = [target];
    if (d.kind === 'story') content.skills = [{ name: `⟦${i}:skill⟧`, enjoyed: true }];
    if (d.kind === 'story') secret.push(`⟦${i}:skill⟧`);
    return record(d.kind, d.visibility, content, { id: ids[i], deleted: d.deleted });
  });
  return { records, secret, expected };
}

describe('privacy property', () => {
  test('for any records, no text of a private or pair record (nor an unlisted field) is anywhere in the JSON file, and the file matches the published schema', () => {
    const validate = publishedSummaryValidator();
    fc.assert(
      fc.property(
        fc.array(draftArb, { maxLength: 25 }),
        fc.constantFrom('mentee' as const, 'mentor' as const),
        (drafts, role) => {
          const { records, secret, expected } = buildRecords(drafts);
          const summary = buildSummary(records, journalOf(), { today: TODAY, role });
          const { text } = toJson(summary);
          expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
          const parsed = JSON.stringify(JSON.parse(text));
          for (const value of secret) {
            const marker = value.slice(0, value.indexOf('⟧') + 1);
            expect(text).not.toContain(marker);
            expect(parsed).not.toContain(marker);
          }
          // And what is meant to be there is there, whole.
          const strings: string[] = [];
          JSON.parse(text, (_key, v) => {
            if (typeof v === 'string') strings.push(v);
            return v;
          });
          for (const value of expected) expect(strings.some((s) => s.includes(value.trim()))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('buildSummary and the registry of kinds', () => {
  const CONTENT: Record<string, Record<string, unknown>> = {
    goal: { title: 'Registry goal' },
    milestone: { title: 'Registry milestone', dueDate: '2025-05-01' },
    story: { title: 'Registry story', problem: 'P', action: 'A', result: 'R', status: 'ready' },
    note: { text: 'Registry note', parentKind: 'journal' },
    checkIn: { date: '2025-03-01', [CHECK_IN_QUESTIONS[0]!]: 'Going well' },
    opportunity: { title: 'Registry webinar', status: 'done', takeaways: 'Learnt a lot' },
    reflection: { promptId: 'direction', answer: 'Towards management', answeredOn: '2025-04-01' },
  };

  test('shows a committee-marked record of exactly the kinds the registry marks as in the summary', () => {
    for (const kind of KIND_NAMES) {
      if (kind === 'journal') continue;
      const committee = record(kind, 'committee', CONTENT[kind] ?? { title: `A ${kind}` });
      const json = JSON.stringify(buildSummary([committee], journalOf(), options));
      expect(json.includes(committee.id), kind).toBe(kindInfo(kind).inSummary === true);
    }
  });
});
