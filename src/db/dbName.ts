/**
 * The name of the database the app uses, known without loading Dexie: the first screen reads
 * IndexedDB directly under this name (see firstLoad.ts) while Dexie loads. `setDb` changes it (tests
 * use a fresh database per test).
 */
import { DB_NAME } from './schema';

let current = DB_NAME;

export function currentDbName(): string {
  return current;
}

export function setCurrentDbName(name: string): void {
  current = name;
}
