/**
 * The name of the database the app uses, known without loading Dexie: the first screen reads
 * IndexedDB directly under this name (see firstLoad.ts) while Dexie loads. `setDb` changes it (tests
 * use a fresh database per test).
 */
/** The app's database (schema.ts declares its versions; kept here so the first load does not carry them). */
export const DB_NAME = 'mentoring-journal';

let current = DB_NAME;

export function currentDbName(): string {
  return current;
}

export function setCurrentDbName(name: string): void {
  current = name;
}
