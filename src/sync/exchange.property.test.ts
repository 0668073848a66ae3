/**
 * Properties over real exchanges: a mentee and a mentor edit their own copies through the
 * repositories (goals, stories with skills, private notes, milestones, meetings with activities,
 * check-ins, opportunities; visibility changes, withdrawals, deletions) and exchange nothing but
 * exported pair files (export → open → restore → merge → apply). Either may move to a new device
 * mid-way (a backup restored there, with a new node id), so a script can span three or more devices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import type { MentoringDb } from '../db/database';
import { repo } from '../db/index';
import { createJournal } from '../db/journals';
import type { AnyRecord } from '../model/kinds';
import { kindInfo } from '../model/registry';
import { canonicalJson } from './canonical';
import { exportBackupFile, exportPairFile } from './exportFile';
import { applyImportFile, previewImport } from './importFile';

const RUNS = Number(process.env.EXCHANGE_RUNS ?? 60);
/** Runs of each conflict property; CONFLICT_RUNS widens the search. */
const CONFLICT_RUNS = Number(process.env.CONFLICT_RUNS ?? 30);
/** The wall clock every device of the current script reads; each script starts it again. */
let wall = 0;
const newDevice = useDevices(() => wall);

type Who = 0 | 1;
type Op =
  | { op: 'goal'; who: Who; title: number }
  | { op: 'story'; who: Who; n: number }
  | { op: 'addSkill'; who: Who; n: number; skill: number }
  | { op: 'removeSkill'; who: Who; n: number; skill: number }
  | { op: 'note'; who: Who; n: number }
  | { op: 'private'; who: Who; n: number }
  | { op: 'share'; who: Who; n: number }
  | { op: 'delete'; who: Who; n: number }
  | { op: 'send'; who: Who }
  | { op: 'other'; who: Who; kind: OtherKind; n: number }
  | { op: 'edit'; who: Who; kind: OtherKind; n: number }
  | { op: 'move'; who: Who };

/** Kinds the script also writes and edits, each with the text field it changes. */
const OTHER: Record<OtherKind, { field: string; content: (n: number) => Record<string, unknown> }> = {
  milestone: {
    field: 'title',
    content: (n) => ({ title: `Milestone ${n}`, dueDate: `2027-0${(n % 9) + 1}-15` }),
  },
  meeting: {
    field: 'sharedNotes',
    content: (n) => ({ date: `2027-01-1${n % 10}`, activities: ['setting-goals'] }),
  },
  agendaItem: { field: 'text', content: (n) => ({ text: `Agenda point ${n}` }) },
  actionItem: { field: 'text', content: (n) => ({ text: `Action ${n}`, owner: 'mentee', done: false }) },
  progressEntry: { field: 'note', content: (n) => ({ date: '2026-12-01', percent: n * 10 }) },
  checkIn: { field: 'wentWell', content: (n) => ({ date: `2026-12-1${n % 10}` }) },
  opportunity: { field: 'title', content: (n) => ({ title: `Opportunity ${n}`, goalIds: [] }) },
  duty: { field: 'text', content: (n) => ({ text: `Duty ${n}`, role: 'mentor', order: n }) },
  // Private by default and never shared by the script: its name must never reach a pair file.
  contact: { field: 'notes', content: (n) => ({ name: `Private contact ${n}` }) },
};
type OtherKind =
  | 'milestone'
  | 'meeting'
  | 'agendaItem'
  | 'actionItem'
  | 'progressEntry'
  | 'checkIn'
  | 'opportunity'
  | 'duty'
  | 'contact';
const otherKind = fc.constantFrom<OtherKind>(...(Object.keys(OTHER) as OtherKind[]));

const who = fc.constantFrom<Who>(0, 1);
const n = fc.integer({ min: 0, max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('goal' as const), who, title: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('story' as const), who, n }),
  fc.record({ op: fc.constant('addSkill' as const), who, n, skill: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('removeSkill' as const), who, n, skill: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('note' as const), who, n }),
  fc.record({ op: fc.constant('private' as const), who, n }),
  fc.record({ op: fc.constant('share' as const), who, n }),
  fc.record({ op: fc.constant('delete' as const), who, n }),
  fc.record({ op: fc.constant('send' as const), who }),
  fc.record({ op: fc.constant('other' as const), who, kind: otherKind, n }),
  fc.record({ op: fc.constant('edit' as const), who, kind: otherKind, n }),
  fc.record({ op: fc.constant('move' as const), who }),
);

const SKILLS = ['Outreach', 'Budgeting', 'Teaching', 'Grant writing', 'Partnerships'];

/** A mentee and a mentor, each on a fresh device, holding one journal; `send` carries a pair file across. */
async function startPair() {
  wall = Date.UTC(2026, 10, 22, 9);
  const tick = () => {
    wall += 1000;
  };
  const [mentee, mentor] = [newDevice(), newDevice()] as [MentoringDb, MentoringDb];
  const journal = await createJournal({ role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' }, mentee);
  const send = async (from: MentoringDb, to: MentoringDb) => {
    tick();
    const { text } = await exportPairFile(journal.id, { db: from, appVersion: 'test' });
    return applyImportFile(await previewImport(text, { db: to }), { db: to, role: 'mentor' });
  };
  await send(mentee, mentor);
  return { mentee, mentor, journalId: journal.id, send, tick };
}

/** `startPair`, with a story both already hold. */
async function pairWithStory() {
  const pair = await startPair();
  const story = await repo('story', pair.mentee).create(pair.journalId, {
    title: 'Teen night',
    problem: 'First draft',
  });
  await pair.send(pair.mentee, pair.mentor);
  return { ...pair, storyId: story.id };
}

describe(`real exchanges through pair files (${RUNS} scripts)`, () => {
  it('converge, never carry private text, and keep every skill someone added and nobody removed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (script) => {
        wall = Date.UTC(2026, 10, 22, 9);
        const devices = [newDevice(), newDevice()] as [MentoringDb, MentoringDb];
        const journal = await createJournal(
          { role: 'mentee', menteeName: 'Ana', mentorName: 'Sam' },
          devices[0],
        );
        const journalId = journal.id;
        const privateTexts = new Set<string>();
        const files: string[] = [];
        const send = async (from: Who) => {
          wall += 1000;
          const { text } = await exportPairFile(journalId, { db: devices[from], appVersion: 'test' });
          files.push(text);
          const to = devices[1 - from]!;
          const preview = await previewImport(text, { db: to });
          await applyImportFile(preview, { db: to, role: 'mentor', acceptClockAhead: true });
        };
        await send(0);
        /** Each person's own stories and records, by slot. */
        const mine: Record<
          Who,
          { stories: string[]; records: { kind: 'goal' | 'story' | 'note' | OtherKind; id: string }[] }
        > = {
          0: { stories: [], records: [] },
          1: { stories: [], records: [] },
        };
        /** Per story id, the skills whose latest edit (in time) was an add. */
        const expectedSkills = new Map<string, Map<string, boolean>>();
        for (const step of script) {
          wall += 1000;
          const db = devices[step.who];
          const own = mine[step.who];
          switch (step.op) {
            case 'goal': {
              const goal = await repo('goal', db).create(journalId, { title: `Goal ${step.title}` });
              own.records.push({ kind: 'goal', id: goal.id });
              break;
            }
            case 'story': {
              const story = await repo('story', db).create(journalId, {
                title: `Story ${step.n}`,
                skills: [],
              });
              own.stories.push(story.id);
              own.records.push({ kind: 'story', id: story.id });
              break;
            }
            case 'addSkill':
            case 'removeSkill': {
              // Either person may edit any story they hold (a shared story is the pair's).
              const held = (await repo('story', db).list(journalId)).filter(
                (s) => s.visibility !== 'private',
              );
              const story = held[step.n % Math.max(held.length, 1)];
              if (!story) break;
              const name = SKILLS[step.skill]!;
              // Adding a skill this copy already holds as it is, or removing one it does not hold, is no edit.
              const enjoyed = step.skill % 2 === 0;
              const holding = (story.skills ?? []).find((s) => s.name === name);
              if (step.op === 'addSkill' && holding?.enjoyed === enjoyed) break;
              if (step.op === 'removeSkill' && !(story.skills ?? []).some((s) => s.name === name)) break;
              const skills = (story.skills ?? []).filter((s) => s.name !== name);
              if (step.op === 'addSkill') skills.push({ name, enjoyed });
              await repo('story', db).update(story.id, { skills });
              const known = expectedSkills.get(story.id) ?? new Map<string, boolean>();
              known.set(name.toLowerCase(), step.op === 'addSkill');
              expectedSkills.set(story.id, known);
              break;
            }
            case 'note': {
              const text = `Private worry ${step.who}-${step.n}-${wall}`;
              privateTexts.add(text);
              await repo('note', db).create(journalId, { text, parentKind: 'journal', parentId: journalId });
              break;
            }
            case 'private':
            case 'share': {
              const record = own.records[step.n % Math.max(own.records.length, 1)];
              if (!record) break;
              // Only kinds that may be private offer “Only me” (meetings, say, are always shared).
              if (step.op === 'private' && !kindInfo(record.kind).mayBePrivate) break;
              const current = await repo(record.kind, db).get(record.id);
              if (!current || current.deleted) break;
              if (step.op === 'private' && record.kind !== 'note') {
                privateTexts.add(JSON.stringify((current as { title?: string }).title ?? ''));
              }
              await repo(record.kind, db).update(record.id, {
                visibility: step.op === 'private' ? 'private' : 'pair',
              } as never);
              break;
            }
            case 'delete': {
              const record = own.records[step.n % Math.max(own.records.length, 1)];
              if (!record) break;
              await repo(record.kind, db).remove(record.id);
              // What a delete clears stays cleared; only later edits bring the story back.
              expectedSkills.delete(record.id);
              break;
            }
            case 'send':
              await send(step.who);
              break;
            case 'other': {
              const record = await repo(step.kind, db).create(
                journalId,
                OTHER[step.kind]!.content(step.n) as never,
              );
              if (step.kind === 'contact') privateTexts.add(String((record as { name?: string }).name));
              else own.records.push({ kind: step.kind, id: record.id });
              break;
            }
            case 'edit': {
              // Either person edits any shared record of the kind they hold.
              const held = (await repo(step.kind, db).list(journalId)).filter(
                (r) => r.visibility !== 'private',
              );
              const record = held[step.n % Math.max(held.length, 1)];
              if (!record) break;
              const field = OTHER[step.kind]!.field;
              await repo(step.kind, db).update(record.id, {
                [field]: `Edited by ${step.who} at ${wall}`,
              } as never);
              break;
            }
            case 'move': {
              // This person moves to a new device: a backup restored there (a new node id); the old one is retired.
              const { text } = await exportBackupFile({ db, appVersion: 'test' });
              const fresh = newDevice();
              await applyImportFile(await previewImport(text, { db: fresh }), { db: fresh });
              devices[step.who] = fresh;
              break;
            }
          }
        }
        // Everyone sends until nothing changes: twice each way is enough for two devices.
        for (const from of [0, 1, 0, 1] as const) await send(from);

        const shared = async (db: MentoringDb) => {
          const out: AnyRecord[] = [];
          for (const table of db.recordTables()) {
            for (const record of await table.toArray()) if (record.visibility !== 'private') out.push(record);
          }
          return out.sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => canonicalJson(r));
        };
        const [a, b] = [await shared(devices[0]), await shared(devices[1])];
        expect(b).toEqual(a);

        for (const file of files) {
          for (const text of privateTexts) if (text.startsWith('Private ')) expect(file).not.toContain(text);
        }

        // A story that both hold, shared and not deleted: its skills are exactly the ones whose
        // latest edit was an add (edits are a second apart, so "latest" is the wall-clock order).
        for (const [storyId, skills] of expectedSkills) {
          const story = await repo('story', devices[0]).get(storyId);
          if (!story || story.deleted || story.visibility === 'private') continue;
          const other = await repo('story', devices[1]).get(storyId);
          expect(other?.skills).toEqual(story.skills);
          const names = new Set((story.skills ?? []).map((s) => s.name.toLowerCase()));
          for (const [name, present] of skills)
            expect(names.has(name), `${name} in ${storyId}`).toBe(present);
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});

describe('lists merge as sets', () => {
  it('two people who each add a different skill offline both keep theirs, and a removal is kept too', async () => {
    const { mentee, mentor, journalId, send, tick } = await startPair();
    const story = await repo('story', mentee).create(journalId, {
      title: 'Teen night',
      skills: [{ name: 'Outreach', enjoyed: true }],
    });
    await send(mentee, mentor);
    tick();
    await repo('story', mentee).update(story.id, {
      skills: [
        { name: 'Outreach', enjoyed: true },
        { name: 'Budgeting', enjoyed: false },
      ],
    });
    tick();
    await repo('story', mentor).update(story.id, {
      skills: [
        { name: 'Outreach', enjoyed: true },
        { name: 'Partnerships', enjoyed: true },
      ],
    });
    await send(mentor, mentee);
    await send(mentee, mentor);
    const names = async (db: MentoringDb) =>
      (await repo('story', db).get(story.id))!.skills!.map((s) => s.name);
    expect(await names(mentee)).toEqual(['Outreach', 'Budgeting', 'Partnerships']);
    expect(await names(mentor)).toEqual(['Outreach', 'Budgeting', 'Partnerships']);

    // The mentor removes Outreach while the mentee, offline, marks Budgeting enjoyed.
    tick();
    await repo('story', mentor).update(story.id, {
      skills: [
        { name: 'Budgeting', enjoyed: false },
        { name: 'Partnerships', enjoyed: true },
      ],
    });
    tick();
    await repo('story', mentee).update(story.id, {
      skills: [
        { name: 'Outreach', enjoyed: true },
        { name: 'Budgeting', enjoyed: true },
        { name: 'Partnerships', enjoyed: true },
      ],
    });
    await send(mentee, mentor);
    await send(mentor, mentee);
    for (const db of [mentee, mentor]) {
      expect((await repo('story', db).get(story.id))!.skills).toEqual([
        { name: 'Budgeting', enjoyed: true },
        { name: 'Partnerships', enjoyed: true },
      ]);
    }
  });
});

describe(`conflicts over real exchanges (${CONFLICT_RUNS} runs each)`, () => {
  const text = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((t) => t.trim() !== '')
    .map((t) => `Problem: ${t}`);

  it('edits of the same long text made without seeing each other always give a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        async (mine, theirs) => {
          fc.pre(mine.at(-1) !== theirs.at(-1));
          const { mentee, mentor, storyId, send, tick } = await pairWithStory();
          for (const problem of mine) {
            tick();
            await repo('story', mentee).update(storyId, { problem });
          }
          for (const problem of theirs) {
            tick();
            await repo('story', mentor).update(storyId, { problem });
          }
          const result = await send(mentor, mentee);
          expect(result.plan.conflicts.map((c) => c.field)).toEqual(['problem']);
          expect(result.plan.conflicts[0]).toMatchObject({ local: mine.at(-1), remote: theirs.at(-1) });
        },
      ),
      { numRuns: CONFLICT_RUNS },
    );
  }, 300_000);

  it('edits made one after the other, each seeing the last, never give a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), text), { minLength: 1, maxLength: 6 }),
        async (turns) => {
          const { mentee, mentor, storyId, send, tick } = await pairWithStory();
          let last = mentee;
          for (const [byMentee, problem] of turns) {
            const editor = byMentee ? mentee : mentor;
            if (editor !== last) {
              const result = await send(last, editor);
              expect(result.plan.conflicts).toEqual([]);
              last = editor;
            }
            tick();
            await repo('story', editor).update(storyId, { problem });
          }
          const other = last === mentee ? mentor : mentee;
          const result = await send(last, other);
          expect(result.plan.conflicts).toEqual([]);
          expect((await repo('story', other).get(storyId))?.problem).toBe(turns.at(-1)![1]);
        },
      ),
      { numRuns: CONFLICT_RUNS },
    );
  }, 300_000);
});
