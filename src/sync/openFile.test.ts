import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import {
  buildFile,
  encryptFile,
  FORMAT_VERSION,
  MAX_RECORDS,
  type PlainFile,
  payloadChecksum,
} from './envelope';
import { CANNOT_DECRYPT, NEWER_VERSION } from './fileError';
import { openFile } from './openFile';
import { MAX_FILE_BYTES } from './parseJson';
import { JOURNAL_ID, makeJournal, makeRecord, stampAt } from './testing';

const EXPORTED_AT = '2026-11-22T10:00:00.000Z';

async function validFile(records = [makeJournal(), makeRecord('goal', 'g1', { title: 'Lead a project' })]) {
  return buildFile({
    kind: 'pair',
    appVersion: '0.1.0',
    exportedAt: EXPORTED_AT,
    journalIds: [JOURNAL_ID],
    payload: { records, withdrawn: [] },
  });
}

/** Re-seals a file after changing it, so only the change under test is wrong. */
async function resealed(file: PlainFile | Record<string, unknown>): Promise<string> {
  const copy = JSON.parse(JSON.stringify(file));
  copy.sha256 = await payloadChecksum(copy.payload);
  return JSON.stringify(copy);
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function refusal(input: Uint8Array | string, passphrase?: string) {
  try {
    await openFile(input, passphrase);
  } catch (error) {
    return error as Error & { fault: string };
  }
  throw new Error('the file was accepted');
}

describe('opening a file', () => {
  it('opens a valid pair file with all its records', async () => {
    const opened = await openFile(bytes(JSON.stringify(await validFile())));
    expect(opened.kind).toBe('pair');
    expect(opened.records.map((r) => r.id)).toEqual([JOURNAL_ID, 'g1']);
    expect(opened.dropped).toEqual([]);
    expect(opened.maxStamp).toBe(stampAt(0));
  });

  it('refuses text that is not JSON', async () => {
    const error = await refusal(bytes('Dear Sam, here are my notes'));
    expect(error.fault).toBe('not-json');
    expect(error.message).toMatch(/not a Mentoring Journal file.*Nothing was imported/);
  });

  it('refuses a file cut short, saying so', async () => {
    const text = JSON.stringify(await validFile());
    const error = await refusal(bytes(text.slice(0, text.length / 2)));
    expect(error.fault).toBe('truncated');
    expect(error.message).toMatch(/ends too early/);
  });

  it('refuses an empty file', async () => {
    expect((await refusal(new Uint8Array())).fault).toBe('empty');
    expect((await refusal(bytes('  \n'))).fault).toBe('empty');
  });

  it('refuses a PDF or a photo renamed .json, naming what it is', async () => {
    const pdf = await refusal(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'));
    expect(pdf.fault).toBe('binary');
    expect(pdf.message).toMatch(/PDF/);
    const png = await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(png.message).toMatch(/image/);
    const other = await refusal(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]));
    expect(other.fault).toBe('binary');
  });

  it('refuses valid JSON of the wrong shape', async () => {
    expect((await refusal(bytes('[1,2,3]'))).fault).toBe('wrong-shape');
    expect((await refusal(bytes('{"name":"my notes"}'))).fault).toBe('wrong-shape');
    const file = JSON.parse(JSON.stringify(await validFile()));
    delete file.journalIds;
    const error = await refusal(await resealed(file));
    expect(error.fault).toBe('wrong-shape');
    expect(error.message).toBe(
      'This is not a Mentoring Journal file: it does not have the parts such a file has. (the part “journal ids” is missing) Nothing was imported.',
    );
  });

  it('refuses a file whose checksum does not match its content', async () => {
    const file = JSON.parse(JSON.stringify(await validFile()));
    file.payload.records[1].title = 'Changed by hand';
    const error = await refusal(JSON.stringify(file));
    expect(error.fault).toBe('checksum');
    expect(error.message).toMatch(/changed or damaged/);
  });

  it('refuses a file from a newer format version, asking to update the app', async () => {
    const file = { ...(await validFile()), formatVersion: FORMAT_VERSION + 1 };
    const error = await refusal(await resealed(file));
    expect(error.fault).toBe('newer-version');
    expect(error.message).toBe(NEWER_VERSION);
  });

  it('refuses an unknown kind of file', async () => {
    const error = await refusal(await resealed({ ...(await validFile()), kind: 'summary' }));
    expect(error.fault).toBe('unknown-kind');
    expect(error.message).toMatch(/“summary”/);
  });

  it('refuses a file over 256 MB before reading it', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect((await refusal(big)).fault).toBe('too-big');
  });

  it('refuses a file with the same record twice', async () => {
    const goal = makeRecord('goal', 'g1', { title: 'A' });
    const error = await refusal(
      JSON.stringify(await validFile([makeJournal(), goal, { ...goal, title: 'B' } as never])),
    );
    expect(error.fault).toBe('duplicate-ids');
  });

  it('refuses a file with more records than any journal holds', async () => {
    const records = Array.from({ length: MAX_RECORDS + 1 }, (_, i) => ({ id: `r${i}` }));
    const file = await buildFile({
      kind: 'pair',
      appVersion: '0.1.0',
      exportedAt: EXPORTED_AT,
      journalIds: [JOURNAL_ID],
      payload: { records: records as never },
    });
    const error = await refusal(JSON.stringify(file));
    expect(error.fault).toBe('too-many-records');
    expect(error.message).toMatch(/110,001 records; a journal file never holds more than 110,000/);
  });

  it('refuses __proto__, constructor and prototype keys at any depth', async () => {
    const text = JSON.stringify(await validFile());
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const top = text.replace('{', `{"${key}":{"polluted":true},`);
      const deep = text.replace('"title":', `"${key}":{"polluted":true},"title":`);
      const inStamps = text.replace('"stamps":{', `"stamps":{"${key}":"x",`);
      for (const variant of [top, deep, inStamps]) {
        const error = await refusal(variant);
        expect(error.fault).toBe('forbidden-key');
        expect(error.message).toContain(key);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a record with an invalid date, setting only that value aside; drops a record without a usable id', async () => {
    const good = makeRecord('goal', 'g1', { title: 'Fine' });
    const badDate = makeRecord('milestone', 'm1', { title: 'Bad', dueDate: '2026-02-30' });
    const badId = { ...makeRecord('goal', 'g2', {}), id: 42 };
    const opened = await openFile(
      JSON.stringify(await validFile([makeJournal(), good, badDate, badId as never])),
    );
    expect(opened.records.map((r) => r.id)).toEqual([JOURNAL_ID, 'g1', 'm1']);
    const kept = opened.records[2] as Record<string, unknown>;
    expect(kept.title).toBe('Bad');
    expect(kept.dueDate).toBeUndefined();
    expect(kept.keptAside).toEqual({ dueDate: { value: '2026-02-30', stamp: stampAt(0) } });
    expect(opened.aside).toEqual([
      { id: 'm1', name: 'the milestone “Bad”', reason: 'its due date must be a date (YYYY-MM-DD)' },
    ]);
    expect(opened.dropped).toEqual([{ reason: 'its id is not valid text (42)' }]);
  });

  it('keeps a story whose list history cannot be read: its skills merge as one value, and the preview says so', async () => {
    const story = {
      ...makeRecord('story', 's1', { title: 'Teen night', skills: [{ name: 'Outreach', enjoyed: true }] }),
      elements: { skills: 'unreadable' },
    };
    const opened = await openFile(JSON.stringify(await validFile([makeJournal(), story as never])));
    expect(opened.records.map((r) => r.id)).toEqual([JOURNAL_ID, 's1']);
    expect(opened.records[1]).toMatchObject({ skills: [{ name: 'Outreach', enjoyed: true }] });
    expect(opened.records[1]).not.toHaveProperty('elements');
    expect(opened.aside).toEqual([
      {
        id: 's1',
        name: 'the story “Teen night”',
        reason: 'the list history of its skills is not readable, so the list is merged as one value',
      },
    ]);
  });

  it('drops a record with a 5 MB string and keeps the rest', async () => {
    const huge = makeRecord('note', 'n1', { text: 'x'.repeat(5 * 1024 * 1024) });
    const opened = await openFile(JSON.stringify(await validFile([makeJournal(), huge])));
    expect(opened.records.map((r) => r.id)).toEqual([JOURNAL_ID]);
    expect(opened.dropped[0]).toMatchObject({ id: 'n1', reason: expect.stringMatching(/over 1 MB/) });
  });

  it('fills missing defaults and keeps unknown fields from a newer version', async () => {
    const { visibility: _v, deleted: _d, bases: _b, ...bare } = makeRecord('goal', 'g1', { title: 'Old' });
    const withFuture = { ...bare, mood: 'hopeful' };
    const opened = await openFile(JSON.stringify(await validFile([makeJournal(), withFuture as never])));
    expect(opened.records[1]).toMatchObject({
      id: 'g1',
      visibility: 'pair',
      deleted: false,
      bases: {},
      mood: 'hopeful',
    });
  });

  it('ignores top-level parts it does not know, and names them', async () => {
    const file = { ...(await validFile()), futurePart: { x: 1 } };
    const opened = await openFile(JSON.stringify(file));
    expect(opened.ignoredParts).toEqual(['futurePart']);
    expect(opened.records).toHaveLength(2);
  });

  it('opens a file with records that are not records at all, listing each as dropped', async () => {
    const opened = await openFile(
      JSON.stringify(await validFile([makeJournal(), 'text' as never, null as never])),
    );
    expect(opened.dropped.map((d) => d.reason)).toEqual(['it is not a record', 'it is not a record']);
  });

  it('checks the checksum over canonical JSON, so key order does not matter', async () => {
    const file = await validFile();
    const reordered = JSON.parse(canonicalJson(file));
    expect((await openFile(JSON.stringify(reordered, null, 2))).records).toHaveLength(2);
  });
});

describe('an encrypted file', () => {
  it('opens with the right passphrase', async () => {
    const sealed = await encryptFile(await validFile(), 'correct horse battery staple');
    expect(sealed.encryption.iterations).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(sealed)).not.toContain('Lead a project');
    const opened = await openFile(JSON.stringify(sealed), 'correct horse battery staple');
    expect(opened.records.map((r) => r.id)).toEqual([JOURNAL_ID, 'g1']);
    expect(opened.encrypted).toBe(true);
  });

  it('asks for a passphrase when none is given', async () => {
    const sealed = await encryptFile(await validFile(), 'pass');
    expect((await refusal(JSON.stringify(sealed))).fault).toBe('needs-passphrase');
  });

  it('refuses a wrong passphrase and tampered ciphertext with the same message', async () => {
    const sealed = await encryptFile(await validFile(), 'right');
    const wrong = await refusal(JSON.stringify(sealed), 'wrong');
    expect(wrong.message).toBe(CANNOT_DECRYPT);
    const bytesOf = Uint8Array.from(atob(sealed.ciphertext), (c) => c.charCodeAt(0));
    bytesOf[10]! ^= 1;
    const tampered = { ...sealed, ciphertext: btoa(String.fromCharCode(...bytesOf)) };
    expect((await refusal(JSON.stringify(tampered), 'right')).message).toBe(CANNOT_DECRYPT);
    const header = { ...sealed, exportedAt: '2030-01-01T00:00:00.000Z' };
    expect((await refusal(JSON.stringify(header), 'right')).message).toBe(CANNOT_DECRYPT);
  });
});
