/** The type of every live query here: screens subscribe to it (see useLive) without importing Dexie. */
export type { Observable } from 'dexie';

import type { KindName } from '../model/kind';
import { getDb, type MentoringDb } from './database';
import { DeviceRepository } from './device';
import { Repository } from './repository';

export { getDb, MentoringDb, setDb } from './database';
export { DeviceRepository, type Membership } from './device';
export { ClosedJournalError, StorageError } from './errors';
export { keepHomeNow } from './liveReadModels';
export { type JournalOnDevice, type JournalsOnDevice, liveMembership } from './onDevice';
export { type Patch, Repository } from './repository';

const cache = new WeakMap<MentoringDb, Map<string, Repository<KindName>>>();

/** The repository of one record kind on the app's database. */
export function repo<K extends KindName>(kind: K, db: MentoringDb = getDb()): Repository<K> {
  let byKind = cache.get(db);
  if (!byKind) {
    byKind = new Map();
    cache.set(db, byKind);
  }
  let found = byKind.get(kind);
  if (!found) {
    found = new Repository(db, kind) as unknown as Repository<KindName>;
    byKind.set(kind, found);
  }
  return found as unknown as Repository<K>;
}

/** This device's own state on the app's database. */
export function device(db: MentoringDb = getDb()): DeviceRepository {
  return new DeviceRepository(db);
}
