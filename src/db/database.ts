import { Dexie, type Table } from 'dexie';
import type { AnyRecord } from '../model/kinds';
import { setCurrentDbName } from './dbName';
import { DeviceRepository } from './device';
import { lastWriteMiddleware } from './lastWrite';
import { revsMiddleware } from './revs';
import { DB_NAME, RECORD_TABLES, VERSIONS } from './schema';

/** A row of the device-only table: never exported, never synced. */
export interface LocalRow {
  key: string;
  value: unknown;
}

/** Messages the database raises to whoever shows them to the user. */
export type DatabaseNotice = { type: 'versionchange' | 'blocked'; message: string };

/** The journal database: one table per record kind and the device-only `local` table. */
export class MentoringDb extends Dexie {
  declare local: Table<LocalRow, string>;
  /** The wall clock; tests replace it. */
  wallClock: () => number = () => Date.now();
  private readonly noticeListeners = new Set<(notice: DatabaseNotice) => void>();

  constructor(name = DB_NAME) {
    super(name, { cache: 'disabled' });
    for (const [index, { stores, upgrade }] of VERSIONS.entries()) {
      const version = this.version(index + 1).stores(stores);
      if (upgrade) version.upgrade(upgrade);
    }
    this.use(lastWriteMiddleware(this));
    this.use(revsMiddleware);
    // A damaged clock state (one bad stamp from an older version) is repaired before anything reads it.
    this.on('ready', (db) => new DeviceRepository(db as MentoringDb).healClock());

    this.on('versionchange', () => {
      // Another tab opened a newer version: step aside so it can upgrade, and say so.
      this.close();
      this.notify({
        type: 'versionchange',
        message:
          'Mentoring Journal was updated in another tab. Reload this tab to keep working; nothing saved is lost.',
      });
      return false;
    });
    this.on('blocked', () =>
      this.notify({
        type: 'blocked',
        message:
          'Another tab with an older version of Mentoring Journal is open. Close it so this one can start.',
      }),
    );
  }

  /** Every table that holds synced records. */
  recordTables(): Table<AnyRecord, string>[] {
    return RECORD_TABLES.map((name) => this.table(name));
  }

  /** Listens for database notices (another tab upgraded, or is blocking an upgrade). */
  onNotice(listener: (notice: DatabaseNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private notify(notice: DatabaseNotice) {
    for (const listener of this.noticeListeners) listener(notice);
  }
}

let shared: MentoringDb | undefined;

/** The app's one database connection. */
export function getDb(): MentoringDb {
  shared ??= new MentoringDb();
  return shared;
}

/** Replaces the shared connection (tests use a fresh database per test). */
export function setDb(db: MentoringDb | undefined) {
  shared = db;
  setCurrentDbName(db?.name ?? DB_NAME);
}
