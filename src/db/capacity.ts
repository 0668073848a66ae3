/**
 * How many records this device holds, and the refusal to grow past what one file can carry
 * (src/model/limits.ts): every pair file and backup this device writes can be read back.
 */
import { DEVICE_RECORD_LIMIT } from '../model/limits';
import type { MentoringDb } from './database';
import { StorageError } from './errors';

/** Every record on this device, deleted ones included, in every journal. */
export async function deviceRecordCount(db: MentoringDb): Promise<number> {
  const counts = await Promise.all(db.recordTables().map((table) => table.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Thrown when a device already holds as many records as it may; nothing was written. */
export class DeviceFullError extends StorageError {
  constructor(readonly count: number) {
    super(
      `This device holds ${count.toLocaleString('en')} records, the most one backup or pair file can carry, so nothing new can be added. Nothing was changed, and what you typed is still on the screen. To make room, back up and remove from this device a journal you no longer need.`,
    );
    this.name = 'DeviceFullError';
  }
}

/**
 * The last count of each device's records, so that adding one record does not count them all again:
 * counted anew when it is ten seconds old (another tab may have added records meanwhile), near the
 * limit, and after an import or undo here (`forgetCount`).
 */
const lastCount = new WeakMap<MentoringDb, { count: number; at: number }>();
const FRESH_MS = 10_000;
/** Within this many records of the limit, every addition counts again. */
const NEAR = 1_000;

/** Forgets the last count of a device's records (its records changed in bulk: an import, an undo). */
export function forgetCount(db: MentoringDb): void {
  lastCount.delete(db);
}

/**
 * Refuses, in words, to add a record to a device that holds DEVICE_RECORD_LIMIT records or more.
 * Call it before opening the transaction that adds them (it counts outside any transaction).
 */
export async function ensureRoom(db: MentoringDb): Promise<void> {
  const now = performance.now();
  let known = lastCount.get(db);
  if (!known || now - known.at > FRESH_MS || known.count >= DEVICE_RECORD_LIMIT - NEAR) {
    known = { count: await deviceRecordCount(db), at: now };
    lastCount.set(db, known);
  }
  if (known.count >= DEVICE_RECORD_LIMIT) throw new DeviceFullError(known.count);
  // The record about to be added (if its write fails, the next count puts it right).
  known.count += 1;
}
