import type { BackupCheck, ProcedureName } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { heldDatabaseKey } from '../../db/database-key';
import type { Core, CoreDeps, Handlers } from '../index';
import { replaceWithBackup } from './replace';

/**
 * The core a host holds for its whole life, over a database that "Restore
 * from backup" replaces while the app runs. Its handlers stay the same
 * object (the transports, the inbox watcher and the backup timer keep
 * them), and each call goes to the database open now. A restore:
 *
 * 1. holds every later call until it is done;
 * 2. checks the backup in its turn like any procedure (`backup.restore` in
 *    backup/handlers.ts: a whole database, of this computer, not from a
 *    newer version; refused while the kiosk is open), so a bad file
 *    replaces nothing;
 * 3. writes the write-ahead log into the database and closes it, after
 *    the procedure in hand has finished;
 * 4. replaces the file (replace.ts: the current database is kept aside
 *    until the restored one has opened, and put back if it does not);
 * 5. opens the core again, over the restored database (or the old one, if
 *    the restore failed), and lets the held calls through.
 */
export function restorableCore(deps: CoreDeps, open: (deps: CoreDeps) => Core): Core {
  let current = open(deps);
  let restoring: Promise<void> | null = null;

  const settled = async (): Promise<Core> => {
    while (restoring) await restoring.catch(() => undefined);
    return current;
  };

  async function restore(input: { path: string }): Promise<BackupCheck> {
    if (deps.unencryptedForComparison) throw new FieldbookError('CONFLICT', 'Restore a backup in the app or with fieldbook restore: this is a benchmark copy.');
    const earlier = restoring;
    const work = (async () => {
      if (earlier) await earlier.catch(() => undefined);
      const opened = current;
      const checked = await opened.handlers['backup.restore'](input);
      const key = heldDatabaseKey(deps.keyStore);
      await opened.exclusive(async () => {
        opened.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      });
      await opened.close();
      try {
        await replaceWithBackup(deps.databasePath, input.path, key);
      } finally {
        current = open(deps);
      }
      return checked;
    })();
    // Set at once: every call made from now on waits for the restore (or its refusal) and goes to the database open after it.
    const mine = work.then(
      () => undefined,
      () => undefined,
    );
    restoring = mine;
    try {
      return await work;
    } finally {
      if (restoring === mine) restoring = null;
    }
  }

  const handlers = {} as Record<ProcedureName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(current.handlers) as ProcedureName[]) {
    handlers[name] = async (input) => ((await settled()).handlers[name] as (input: unknown) => Promise<unknown>)(input);
  }
  handlers['backup.restore'] = (input) => restore(input as { path: string });

  return {
    handlers: handlers as Handlers,
    get database() {
      return current.database;
    },
    get context() {
      return current.context;
    },
    exclusive: async (work) => (await settled()).exclusive(work),
    close: async () => (await settled()).close(),
  };
}
