import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MentoringDb } from '../db/database';
import { DeviceRepository } from '../db/device';
import { applyImport } from '../db/importTransaction';
import type { AnyRecord } from '../model/kinds';
import { journalArb } from './arbitraries';
import { planImport } from './merge';
import { JOURNAL_ID, NODE_B, stampAt } from './testing';

const RUNS = 1000;
let db: MentoringDb;

beforeAll(async () => {
  db = new MentoringDb(`test-${crypto.randomUUID()}`);
  db.wallClock = () => Date.UTC(2026, 10, 22, 12);
});

afterAll(async () => {
  db.close();
  await db.delete();
});

const withdrawalsArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
    kind: fc.constant('milestone' as const),
    at: fc.integer({ min: 0, max: 7 }).map((m) => stampAt(m, NODE_B, 1)),
  }),
  { selector: (w) => w.id, maxLength: 2 },
);

async function milestones(): Promise<Map<string, string>> {
  const rows = await db.table<AnyRecord, string>('milestones').toArray();
  return new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
}

describe(`import apply properties (${RUNS} runs)`, () => {
  it('the preview’s counts equal what the apply wrote', async () => {
    await fc.assert(
      fc.asyncProperty(journalArb, journalArb, withdrawalsArb, async (local, remote, withdrawn) => {
        await db.transaction('rw', [db.table('milestones'), db.local], async () => {
          await db.table('milestones').clear();
          await db.table('milestones').bulkPut(local);
        });
        await new DeviceRepository(db).setMembership(JOURNAL_ID, { role: 'mentee' });
        const roles = { [JOURNAL_ID]: 'mentee' as const };
        const preview = planImport(local, remote, withdrawn, { roles });
        const before = await milestones();
        const result = await applyImport(db, {
          journalIds: [JOURNAL_ID],
          plan: (stored) => planImport(stored, remote, withdrawn, { roles }),
        });
        const after = await milestones();
        const written = [...after].filter(([id, json]) => before.get(id) !== json).length;
        const removed = [...before.keys()].filter((id) => !after.has(id)).length;
        expect(result.plan.total).toEqual(preview.total);
        expect(written).toBe(preview.total.added + preview.total.changed + preview.total.deleted);
        expect(removed).toBe(preview.total.withdrawn);
        expect(result.written).toBe(written);
        expect(result.removed).toBe(removed);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
