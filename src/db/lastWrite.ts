/**
 * A mark per table of what Home reads, moved by every write to that table in the write's own
 * transaction: a Dexie middleware under every write path (repository, import, undo, removing a
 * journal), so none can forget it. Home's kept facts (readModels.ts `readKeptHome`) compare these
 * marks, so an edit to a story or a note leaves them current and only a change to what Home shows
 * makes the next start read Home afresh.
 */
import type { DBCore, DBCoreMutateRequest, Dexie, Middleware } from 'dexie';
import { dropHomeSnapshot, localKeyChangesHome } from './homeSnapshot';
import { HOME_MARKED_TABLES, lastWriteKey } from './readModels';

let written = 0;
/** Different on every write (in this tab and any other): the mark is compared, never ordered. */
const nextMark = () =>
  `${Date.now().toString(36)}-${(written++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The middleware for one database (`db.use(lastWriteMiddleware(db))`). */
export const lastWriteMiddleware = (db: Dexie): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'lastWrite',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name === 'local' || name === 'conflicts') {
          // The journals on this device, the current one, an import, an undo, a choice that waits
          // or is made: Home changes.
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (name === 'conflicts' || touchesHome(req)) dropHomeSnapshot();
              return table.mutate(req);
            },
          };
        }
        if (!(HOME_MARKED_TABLES as readonly string[]).includes(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            // The Home kept for the next start (homeSnapshot.ts) is no longer true.
            dropHomeSnapshot();
            const mark = { type: 'put' as const, values: [{ key: lastWriteKey(name), value: nextMark() }] };
            const trans = req.trans as Partial<IDBTransaction>;
            const result = await table.mutate(req);
            if (!trans.objectStoreNames || trans.objectStoreNames.contains('local')) {
              // Every write path of the app includes `local` (the clock, the import's counter): the
              // mark joins the write's own transaction and commits with it.
              await down.table('local').mutate({ ...mark, trans: req.trans });
            } else {
              // A bare write to one table (tests fill tables so): the mark follows once it commits.
              trans.addEventListener?.('complete', () => {
                db.table('local')
                  .bulkPut(mark.values)
                  .catch(() => undefined);
              });
            }
            return result;
          },
        };
      },
    };
  },
});

/** Whether a write to the device table changes a row Home depends on. */
function touchesHome(req: DBCoreMutateRequest): boolean {
  if (req.type === 'deleteRange') return true;
  if (req.type === 'delete') return req.keys.some(localKeyChangesHome);
  return req.values.some((row) => localKeyChangesHome((row as { key?: unknown }).key));
}
