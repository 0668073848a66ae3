import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedSummaryValidator, SUMMARY_SCHEMA_PATH } from '../../tests/helpers/summarySchema';
import { buildSummary } from './buildSummary';
import { SUMMARY_SCHEMA_ID, summaryJsonSchema } from './summarySchema';
import { journalOf, record } from './testRecords';

describe('the published committee summary schema', () => {
  it('is the one generated from the zod schema (UPDATE_SCHEMA=1 regenerates it; then run biome format)', () => {
    const generated = summaryJsonSchema();
    if (process.env.UPDATE_SCHEMA)
      writeFileSync(SUMMARY_SCHEMA_PATH, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(SUMMARY_SCHEMA_PATH, 'utf8'))).toEqual(generated);
  });

  it('is JSON Schema 2020-12 with a URN $id naming the format and version, which every summary names', () => {
    const schema = JSON.parse(readFileSync(SUMMARY_SCHEMA_PATH, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:mentoring-journal:committee-summary:2');
    const summary = buildSummary([], journalOf(), { today: '2025-09-01', role: 'mentor' });
    expect(summary.$schema).toBe(SUMMARY_SCHEMA_ID);
    expect(summary).toMatchObject({ formatVersion: 2, journalId: journalOf().id });
    expect(Date.parse(summary.generatedAt)).not.toBeNaN();
  });

  it('a real validator accepts a full summary and refuses a damaged one, saying where', () => {
    const validate = publishedSummaryValidator();
    const records = [
      record('goal', 'committee', { title: 'Run the book club', status: 'active', targetDate: '2025-12-01' }),
      record('milestone', 'committee', { title: 'Book a room', dueDate: '2025-03-01', status: 'done' }),
      record('meeting', 'pair', { date: '2025-02-01', status: 'held', mode: 'video' }),
      record('story', 'committee', { title: 'Saved the sign-ups', problem: 'P', action: 'A', result: 'R' }),
      record('checkIn', 'committee', { date: '2025-03-01', goingWell: 'Yes' }),
      record('note', 'committee', { text: 'For the committee', parentKind: 'journal' }),
    ];
    const summary = buildSummary(records, journalOf(), { today: '2025-09-01', role: 'mentee' });
    expect(validate(summary), JSON.stringify(validate.errors)).toBe(true);
    expect(summary.goals).toHaveLength(1);
    const damaged = {
      ...summary,
      generatedOn: '2025-13-40',
      meetings: { ...summary.meetings, heldCount: 'one' },
    };
    expect(validate(damaged)).toBe(false);
    expect([...new Set(validate.errors?.map((e) => e.instancePath))].sort()).toEqual([
      '/generatedOn',
      '/meetings/heldCount',
    ]);
  });
});
