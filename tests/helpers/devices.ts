import { afterEach } from 'vitest';
import { MentoringDb } from '../../src/db/database';

/**
 * Test helper for sync tests: registers an afterEach that closes and deletes every device made,
 * and returns `newDevice()`, a fresh database whose wall clock is `wallClock` (the test moves it).
 */
export function useDevices(wallClock: () => number): () => MentoringDb {
  const made: MentoringDb[] = [];
  afterEach(async () => {
    for (const db of made.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return () => {
    const db = new MentoringDb(`device-${crypto.randomUUID()}`);
    db.wallClock = wallClock;
    made.push(db);
    return db;
  };
}
