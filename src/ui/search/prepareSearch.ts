/**
 * The search index built ahead, while the app is idle, so that the first search of a visit has
 * every record at once instead of filling in while the journal is read (a second at 10,000
 * records here). Only for a journal small enough that holding its index costs little memory; a
 * bigger one is indexed when Search is opened, as before. Loaded lazily, with the index.
 */
import { getDb, type MentoringDb } from '../../db';
import { countRecords } from '../../db/searchSource';
import { SEARCH_KINDS } from '../../model/searchFields';
import { journalIndex } from './searchIndex';

/**
 * Records up to which a journal's index is built ahead: some 13 MB of index, against about 0.65 KB
 * per record measured at 10,000 and 50,000 records (`npm run bench`, heap after search).
 */
export const PREPARED_UP_TO = 20_000;

/**
 * Builds the journal's search index unless it has more than `upTo` records; the index
 * is built while the page is idle, and then follows the journal's changes like the one Search
 * builds (it is the same one, which goes at full pace once Search is open). Resolves
 * to whether it was built ahead.
 */
export async function prepareSearch(
  journalId: string,
  db: MentoringDb = getDb(),
  upTo = PREPARED_UP_TO,
): Promise<boolean> {
  const records = await countRecords(journalId, SEARCH_KINDS, db);
  if (records > upTo) return false;
  journalIndex(journalId, db, { background: true, records });
  return true;
}
