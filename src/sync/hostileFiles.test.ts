/**
 * Crafted files whose checksums are made valid, so the targeted check is really reached: each one
 * once took over, erased or froze a journal. Every test here failed before the data core was guarded.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useDevices } from '../../tests/helpers/devices';
import { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { undoLastImport } from '../db/importTransaction';
import { repo } from '../db/index';
import { createJournal } from '../db/journals';
import type { AnyRecord } from '../model/kinds';
import { payloadChecksum } from './envelope';
import { exportBackupFile, exportPairFile } from './exportFile';
import { applyImportFile, previewImport } from './importFile';
import { openFile } from './openFile';
import { MAX_FILE_BYTES } from './parseJson';

let wall = Date.UTC(2026, 10, 22, 9, 0, 0);
const newDevice = useDevices(() => wall);

/** Every table, device-only ones included, in a stable order. */
async function fullDump(db: MentoringDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    out[table.name] = (await table.toArray()).sort((a, b) =>
      JSON.stringify(a).localeCompare(JSON.stringify(b)),
    );
  }
  return out;
}

type Mutable = {
  journalIds: string[];
  payload: { records: Record<string, unknown>[]; withdrawn?: unknown[] };
  sha256: string;
  [key: string]: unknown;
};

/** Changes a file the way a hostile tester would, then makes its checksum match again. */
async function craft(text: string, change: (file: Mutable) => void): Promise<string> {
  const file = JSON.parse(text) as Mutable;
  change(file);
  file.sha256 = await payloadChecksum(file.payload);
  return JSON.stringify(file);
}

async function mentorWithJournal() {
  const mentor = newDevice();
  const journal = await createJournal(
    { role: 'mentor', menteeName: 'Ana Kowalska', mentorName: 'Sam Reid', startDate: '2026-11-01' },
    mentor,
  );
  return { mentor, journalId: journal.id };
}

/** A mentor and a mentee holding the same journal. */
async function pair() {
  const { mentor, journalId } = await mentorWithJournal();
  const mentee = newDevice();
  wall += 60_000;
  const { text } = await exportPairFile(journalId, { db: mentor });
  await applyImportFile(await previewImport(text, { db: mentee }), { db: mentee, role: 'mentee' });
  return { mentor, mentee, journalId };
}

async function send(from: MentoringDb, to: MentoringDb, journalId: string, change?: (file: Mutable) => void) {
  wall += 60_000;
  const { text } = await exportPairFile(journalId, { db: from });
  const crafted = change ? await craft(text, change) : text;
  const preview = await previewImport(crafted, { db: to });
  return { preview, apply: () => applyImportFile(preview, { db: to }) };
}

describe('a file for another journal', () => {
  it('never moves this device’s records into it: they are left out, listed, and undo keeps them', async () => {
    const { mentor, journalId } = await mentorWithJournal();
    const goal = await repo('goal', mentor).create(journalId, { title: 'Present to the board' });
    const { text } = await exportPairFile(journalId, { db: mentor });
    const otherJournal = '22222222-2222-4222-8222-222222222222';
    const crafted = await craft(text, (file) => {
      file.journalIds = [otherJournal];
      for (const record of file.payload.records) {
        if (record.kind === 'journal') record.id = otherJournal;
        record.journalId = otherJournal;
      }
    });
    const before = (await repo('goal', mentor).get(goal.id))!;
    const preview = await previewImport(crafted, { db: mentor });
    expect(preview.plan.total.added).toBe(1);
    expect(preview.plan.keptOut).toContainEqual({
      id: goal.id,
      kind: 'goal',
      name: 'the goal “Present to the board”',
    });
    await applyImportFile(preview, { db: mentor, role: 'mentor' });
    expect(await repo('goal', mentor).get(goal.id)).toEqual(before);
    await undoLastImport(mentor);
    expect(await repo('goal', mentor).get(goal.id)).toEqual(before);
    expect(await repo('journal', mentor).get(journalId)).toBeDefined();
  });
});

describe('a withdrawal', () => {
  it('naming the journal itself or its agreement history removes nothing', async () => {
    const { mentor, mentee, journalId } = await pair();
    const changes = await repo('agreementChange', mentee).list(journalId);
    const { preview, apply } = await send(mentor, mentee, journalId, (file) => {
      file.payload.records = file.payload.records.filter((r) => r.kind !== 'journal');
      file.payload.withdrawn = [
        { id: journalId, kind: 'journal', at: '2026-11-22T12:00:00.000Z-0000-ffffffffffffffff' },
        ...changes.map((c) => ({
          id: c.id,
          kind: 'agreementChange',
          at: '2026-11-22T12:00:00.000Z-0000-ffffffffffffffff',
        })),
      ];
      file.payload.records = file.payload.records.filter((r) => !changes.some((c) => c.id === r.id));
    });
    expect(preview.plan.total.withdrawn).toBe(0);
    await apply();
    expect((await repo('journal', mentee).get(journalId))?.deleted).toBe(false);
    expect(await repo('agreementChange', mentee).list(journalId)).toHaveLength(changes.length);
  });

  it('never removes a record written on the receiving device, even if the partner marks it private', async () => {
    const { mentor, mentee, journalId } = await pair();
    const goal = await repo('goal', mentee).create(journalId, { title: 'Lead the summer reading launch' });
    await send(mentee, mentor, journalId).then((s) => s.apply());
    // The mentor cannot make the mentee's goal private here…
    await expect(repo('goal', mentor).update(goal.id, { visibility: 'private' })).rejects.toThrow(
      /Only the person who wrote the goal “Lead the summer reading launch” can keep it to themselves/,
    );
    // …and a crafted withdrawal of it is ignored on the mentee's device.
    const { preview, apply } = await send(mentor, mentee, journalId, (file) => {
      file.payload.records = file.payload.records.filter((r) => r.id !== goal.id);
      file.payload.withdrawn = [
        { id: goal.id, kind: 'goal', at: '2026-11-23T00:00:00.000Z-0000-ffffffffffffffff' },
      ];
    });
    expect(preview.plan.total.withdrawn).toBe(0);
    await apply();
    expect((await repo('goal', mentee).get(goal.id))?.title).toBe('Lead the summer reading launch');
  });

  it('a kind that is always shared cannot be made private, even by its author', async () => {
    const { mentee, journalId } = await pair();
    const meeting = await repo('meeting', mentee).create(journalId, { date: '2026-12-01' });
    await expect(repo('meeting', mentee).update(meeting.id, { visibility: 'private' })).rejects.toThrow(
      /^Meetings are always shared with your partner, so the meeting “2026-12-01” cannot be kept to yourself\. Nothing was changed\.$/,
    );
  });

  it('removes the partner’s own record they made private', async () => {
    const { mentor, mentee, journalId } = await pair();
    const goal = await repo('goal', mentor).create(journalId, { title: 'Mentor’s own goal' });
    await send(mentor, mentee, journalId).then((s) => s.apply());
    wall += 60_000;
    await repo('goal', mentor).update(goal.id, { visibility: 'private' });
    const { preview, apply } = await send(mentor, mentee, journalId);
    expect(preview.plan.total.withdrawn).toBe(1);
    await apply();
    expect(await repo('goal', mentee).get(goal.id)).toBeUndefined();
  });
});

describe('a stamp that looks right but is not a time', () => {
  it('does not freeze the device: the record is kept, the bad stamp left out, and saving still works', async () => {
    const { mentor, mentee, journalId } = await pair();
    const goal = await repo('goal', mentor).create(journalId, { title: 'Budget training' });
    const { preview, apply } = await send(mentor, mentee, journalId, (file) => {
      const record = file.payload.records.find((r) => r.id === goal.id)!;
      (record.stamps as Record<string, string>).title = '2026-19-22T29:00:00.000Z-0000-bbbbbbbbbbbbbbbb';
    });
    expect(preview.file.maxStamp).not.toContain('2026-19');
    expect(preview.file.aside).toEqual([
      {
        id: goal.id,
        name: 'the goal “Budget training”',
        reason: 'the clock stamp of its title is not a real time, so the other copy’s value wins',
      },
    ]);
    await apply();
    const clock = (await mentee.local.get('clock'))?.value as { millis: number };
    expect(Number.isFinite(clock.millis)).toBe(true);
    const saved = await repo('goal', mentee).update(goal.id, { title: 'Budget training for branch heads' });
    expect(saved.title).toBe('Budget training for branch heads');
  });

  it('a damaged stored clock state heals itself when the database opens', async () => {
    const { mentee, journalId } = await pair();
    const goal = await repo('goal', mentee).create(journalId, { title: 'Before the damage' });
    await mentee.local.put({
      key: 'clock',
      value: { millis: Number.NaN, counter: 0, node: 'aaaaaaaaaaaaaaaa' },
    });
    mentee.close();
    const reopened = new MentoringDb(mentee.name);
    reopened.wallClock = () => wall - 3_600_000;
    await reopened.open();
    const clock = (await reopened.local.get('clock'))?.value as { millis: number };
    expect(clock.millis).toBe(Date.parse(goal.stamps.title!.slice(0, 24)));
    const saved = await repo('goal', reopened).update(goal.id, { title: 'After the damage' });
    expect(saved.stamps.title! > goal.stamps.title!).toBe(true);
    // Closed, so that deleting the device after the test is not blocked.
    reopened.close();
  });
});

describe('a partner’s clock far in the future', () => {
  it('does not move this device’s clock unless the person agrees, and undo puts it back', async () => {
    const { mentor, mentee, journalId } = await pair();
    const { preview } = await send(mentor, mentee, journalId, (file) => {
      const journal = file.payload.records.find((r) => r.kind === 'journal')!;
      (journal.stamps as Record<string, string>).menteeName =
        '2099-01-01T00:00:00.000Z-0000-bbbbbbbbbbbbbbbb';
    });
    expect(preview.clockAheadMs).toBeGreaterThan(70 * 365 * 24 * 3_600_000);
    const before = await fullDump(mentee);
    await expect(applyImportFile(preview, { db: mentee })).rejects.toThrow(/dated 2099-01-01/);
    expect(await fullDump(mentee)).toEqual(before);

    const clockBefore = await mentee.local.get('clock');
    await applyImportFile(preview, { db: mentee, acceptClockAhead: true });
    expect(((await mentee.local.get('clock'))!.value as { millis: number }).millis).toBe(
      Date.UTC(2099, 0, 1),
    );
    await undoLastImport(mentee);
    expect(await mentee.local.get('clock')).toEqual(clockBefore);
    const goal = await repo('goal', mentee).create(journalId, { title: 'After undo' });
    expect(goal.stamps.title!.startsWith('2026-')).toBe(true);
  });
});

describe('one value this version does not understand', () => {
  it('costs only that value: the record and its long text are kept, and a round trip gives the value back', async () => {
    const { mentor, mentee, journalId } = await pair();
    const story = await repo('story', mentor).create(journalId, {
      title: 'Teen night',
      problem: 'No teenagers came to the branch after school.',
    });
    const { preview, apply } = await send(mentor, mentee, journalId, (file) => {
      const record = file.payload.records.find((r) => r.id === story.id)!;
      record.status = 'archived-by-newer-version';
      (record.stamps as Record<string, string>).status = '2026-11-22T09:30:00.000Z-0000-bbbbbbbbbbbbbbbb';
    });
    expect(preview.file.aside.map((a) => a.reason)).toEqual([
      expect.stringMatching(/^its status must be one of/),
    ]);
    await apply();
    const kept = (await repo('story', mentee).get(story.id)) as AnyRecord & Record<string, unknown>;
    expect(kept.problem).toBe('No teenagers came to the branch after school.');
    expect(kept.status).toBeUndefined();
    // The repository still accepts later writes of such a record.
    await repo('story', mentee).update(story.id, { result: 'Forty teenagers a week by spring.' });
    // A round trip through this version writes the value back under its own name, with its stamp.
    const { file } = await exportPairFile(journalId, { db: mentee });
    const sent = file.payload.records.find((r) => r.id === story.id) as Record<string, unknown>;
    expect(sent.status).toBe('archived-by-newer-version');
    expect((sent.stamps as Record<string, string>).status).toBe(
      '2026-11-22T09:30:00.000Z-0000-bbbbbbbbbbbbbbbb',
    );
    expect(sent).not.toHaveProperty('keptAside');
  });

  it('is dropped when a local edit of that field wins', async () => {
    const { mentor, mentee, journalId } = await pair();
    const story = await repo('story', mentor).create(journalId, { title: 'Teen night' });
    await send(mentor, mentee, journalId, (file) => {
      file.payload.records.find((r) => r.id === story.id)!.status = 'future-status';
    }).then((s) => s.apply());
    wall += 60_000;
    await repo('story', mentee).update(story.id, { status: 'ready' } as never);
    const saved = (await repo('story', mentee).get(story.id)) as Record<string, unknown>;
    expect(saved.status).toBe('ready');
    expect(saved).not.toHaveProperty('keptAside');
  });
});

describe('a missing or unknown visibility', () => {
  it('never widens who sees a record: it becomes the kind’s default (or private), and a pair file leaves it out', async () => {
    const { mentor, mentee, journalId } = await pair();
    const note = await repo('note', mentor).create(
      journalId,
      { text: 'Shared note', parentKind: 'journal' } as never,
      {
        visibility: 'pair',
      },
    );
    const goal = await repo('goal', mentor).create(journalId, { title: 'Odd visibility' });
    const { preview, apply } = await send(mentor, mentee, journalId, (file) => {
      delete file.payload.records.find((r) => r.id === note.id)!.visibility;
      file.payload.records.find((r) => r.id === goal.id)!.visibility = 'everyone';
    });
    expect(preview.file.dropped.map((d) => d.id).sort()).toEqual([goal.id, note.id].sort());
    expect(preview.file.dropped.every((d) => /marked private/.test(d.reason))).toBe(true);
    await apply();
    expect(await repo('note', mentee).get(note.id)).toBeUndefined();
    expect(await repo('goal', mentee).get(goal.id)).toBeUndefined();
  });
});

describe('a backup', () => {
  it('gives this device a new node id, and undo gives the old one back', async () => {
    const { mentor } = await mentorWithJournal();
    const { text } = await exportBackupFile({ db: mentor });
    const device = new DeviceRepository(mentor);
    const nodeBefore = await device.nodeId();
    await applyImportFile(await previewImport(text, { db: mentor }), { db: mentor });
    expect(await device.nodeId()).not.toBe(nodeBefore);
    await undoLastImport(mentor);
    expect(await device.nodeId()).toBe(nodeBefore);
    expect(((await mentor.local.get('clock'))!.value as { node: string }).node).toBe(nodeBefore);
  });
});

describe('a record that cannot be restored', () => {
  it('is named in words, and its reason ends in words, not a field path', async () => {
    const { mentor, mentee, journalId } = await pair();
    const goal = await repo('goal', mentor).create(journalId, { title: 'Present to the board' });
    const { preview } = await send(mentor, mentee, journalId, (file) => {
      file.payload.records.find((r) => r.id === goal.id)!.author = 42;
    });
    expect(preview.file.dropped).toEqual([
      {
        id: goal.id,
        label: 'goal',
        name: 'the goal “Present to the board”',
        reason: expect.stringMatching(/^its author must be one of: mentee, mentor$/),
      },
    ]);
  });
});

describe('a compressed file', () => {
  /** What opening a file refuses it with. */
  async function refusal(bytes: Uint8Array) {
    try {
      await openFile(bytes);
    } catch (error) {
      return error as Error & { fault: string };
    }
    throw new Error('the file was accepted');
  }

  it('that would unpack to far more than a file holds (a gzip bomb) is refused as soon as it passes 256 MB, whatever its trailer says (it is never trusted)', async () => {
    // 300 MB of a string inside something that starts like our files: a few hundred kB packed.
    const head = '{"format":"mentoring-journal","formatVersion":2,"kind":"pair","x":"';
    const body = Buffer.alloc(MAX_FILE_BYTES + 44 * 1024 * 1024, 'a');
    body.write(head, 0);
    const bomb = new Uint8Array(gzipSync(body, { level: 9 }));
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const caught = await refusal(bomb);
    expect(caught.fault).toBe('too-big');
    expect(caught.message).toBe(
      'This file unpacks to more than 256 MB; a Mentoring Journal file never holds more than 256 MB, so it was not opened. Nothing was imported.',
    );
  }, 120_000);

  it('cut short or damaged is refused in words', async () => {
    const { bytes } = {
      bytes: new Uint8Array(gzipSync(Buffer.from('{"format":"mentoring-journal"}'.repeat(2000)))),
    };
    const cut = await refusal(bytes.slice(0, bytes.byteLength / 2));
    expect(cut.fault).toBe('damaged-compression');
    expect(cut.message).toBe(
      'This compressed file is damaged or cut short, so it cannot be unpacked. Ask for a fresh copy. Nothing was imported.',
    );
    const flipped = bytes.slice();
    flipped[40]! ^= 0xff;
    // The stream's own check (CRC-32) catches a changed byte.
    expect((await refusal(flipped)).fault).toBe('damaged-compression');
  });

  it('that is not ours says so plainly, as an unpacked one would', async () => {
    const png = await refusal(
      new Uint8Array(gzipSync(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0, 0]))),
    );
    expect(png.message).toBe(
      'This file is an image (PNG), not a Mentoring Journal file. Nothing was imported.',
    );
    const letter = await refusal(new Uint8Array(gzipSync(Buffer.from('Dear Sam, here are my notes'))));
    expect(letter.fault).toBe('not-json');
    expect(letter.message).toMatch(/not a Mentoring Journal file/);
    const other = await refusal(new Uint8Array(gzipSync(Buffer.from('{"name":"my notes"}'))));
    expect(other.fault).toBe('wrong-shape');
  });

  it('whose checksum does not match what it holds is refused like a plain one', async () => {
    const { mentor, journalId } = await mentorWithJournal();
    const { text } = await exportPairFile(journalId, { db: mentor });
    const changed = text.replace('Ana Kowalska', 'Ana Nowak');
    const error = await refusal(new Uint8Array(gzipSync(Buffer.from(changed))));
    expect(error.fault).toBe('checksum');
  });
});
