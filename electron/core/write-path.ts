import type { Database } from 'better-sqlite3-multiple-ciphers';
import { procedures, type ProcedureDefinition, type ProcedureName } from '../../shared/contract';
import type { Handlers } from './handler-types';
import { RefusalKeepingWrites } from './refusal-keeping-writes';

/**
 * The one write path. Every procedure, from the screens, the inbox watcher
 * or the command line, runs here one at a time: the database has one
 * connection, and two procedures interleaving on it would share each other's
 * transaction (an import beside a failing form would vanish with the form's
 * rollback, though its file had already been moved to Imported/).
 *
 * A mutation is one transaction. Its output is checked against the contract
 * before the transaction commits, so "nothing was saved" is true whenever a
 * caller is told so. Procedures that read a file first (decrypting and
 * verifying it takes a moment and writes nothing) open their transaction
 * themselves once that is done, through `inOneTransaction`, and never hold
 * one across the wait.
 */

/**
 * Procedures that decrypt and check a file (or read a spreadsheet) before any
 * database work, then write in one transaction of their own; and the backup,
 * which writes a file and no row, and copies the database between turns.
 */
const FILE_FIRST: ReadonlySet<ProcedureName> = new Set([
  'sync.importFile',
  'sync.importHeld',
  'sync.importInbox',
  'sync.importPackage',
  // Writes its end-of-day file in a transaction of its own, then waits on the network with none open.
  'sync.sendToOffice',
  'sheets.import',
  'backup.now',
  // Opens and seals held files again before its transaction, and checkpoints the WAL after it (SQLite cannot inside one).
  'erasure.erase',
]);

export class OutputDidNotMatch extends Error {
  constructor(
    readonly procedure: string,
    readonly issues: unknown,
  ) {
    super(`Output of ${procedure} did not match its contract, so nothing it did was saved.`);
  }
}

export interface WritePath {
  /** Runs work alone: no procedure starts until it settles. For the CLI and tools working below the procedures. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Wraps every handler so it runs alone and, if it writes, in one checked transaction. */
  serialise(handlers: Handlers): Handlers;
}

export function createWritePath(sqlite: Database): WritePath {
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work, work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  const inTransaction = <T>(name: ProcedureName, work: () => Promise<T>): Promise<T> =>
    inAsyncTransaction(sqlite, work, (result) => {
      const checked = procedures[name].output.safeParse(result);
      if (!checked.success) throw new OutputDidNotMatch(name, checked.error);
    });

  return {
    exclusive,
    serialise(handlers) {
      const serialised = {} as Record<ProcedureName, (input: unknown) => Promise<unknown>>;
      for (const name of Object.keys(handlers) as ProcedureName[]) {
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        const definition: ProcedureDefinition = procedures[name];
        if (definition.beside === 'write-path') {
          // Declared in the contract as reading no database (a progress record in memory): it cannot share a
          // transaction, and taking a turn would answer "how far has the import got?" only once the import is done.
          serialised[name] = handler;
          continue;
        }
        const transactional = definition.kind === 'mutation' && !FILE_FIRST.has(name);
        serialised[name] = (input) => exclusive(() => (transactional ? inTransaction(name, () => handler(input)) : handler(input)));
      }
      return serialised as Handlers;
    },
  };
}

/**
 * One transaction around work that waits (sealing a file), for a procedure
 * taking its turn on the write path: committed only once `check` accepts
 * the result. A mutation's whole handler runs in one; a FILE_FIRST
 * procedure may use one for its writing step alone.
 */
export async function inAsyncTransaction<T>(sqlite: Database, work: () => Promise<T>, check: (result: T) => void = () => {}): Promise<T> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    check(result);
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec(error instanceof RefusalKeepingWrites ? 'COMMIT' : 'ROLLBACK');
    throw error;
  }
}

/**
 * One synchronous transaction for work that has done its waiting already (a
 * decrypted file's merge). Inside another transaction it is a savepoint.
 */
export function inOneTransaction<T>(sqlite: Database, work: () => T): T {
  return sqlite.transaction(work).immediate();
}
