import { FieldbookError } from '../../shared/errors';

/** The command line was not understood: show how to use it, exit with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Failure {
  message: string;
  /** Only for failures nobody expected: the stack helps whoever fixes the bug. */
  details?: string;
  exitCode: number;
}

const fileProblems: Record<string, string> = {
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'a folder could not be created there',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file Fieldbook needs',
  SQLITE_CANTOPEN: 'the database file could not be opened',
  SQLITE_NOTADB: 'the file there is not a Fieldbook database',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_BUSY: 'another program is using the database; close Fieldbook and try again',
  SQLITE_FULL: 'the disk is full',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns anything a command threw into words for the terminal and an exit code. */
export function describeFailure(error: unknown, dataFolder?: string): Failure {
  if (error instanceof UsageError) {
    return { message: `${error.message}\nRun "fieldbook help" to see the commands.`, exitCode: 2 };
  }
  if (error instanceof FieldbookError) return { message: error.message, exitCode: 1 };
  const code = codeOf(error);
  const problem = code ? fileProblems[code] : undefined;
  if (problem) {
    const where = dataFolder ? `the data folder ${dataFolder}` : 'the data folder';
    return { message: `Could not use ${where}: ${problem}.`, exitCode: 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `Something unexpected went wrong: ${message}\nThis is a bug in Fieldbook; please report it with the details below.`,
    details: error instanceof Error ? error.stack : undefined,
    exitCode: 1,
  };
}
