import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { FieldbookError } from '../../../shared/errors';

/** PostgreSQL's type ids for the column types read back as JavaScript numbers. */
const BIGINT = 20;
const NUMERIC = 1700;

/**
 * Counts (bigint) and the waiting-list position (numeric) come back as numbers,
 * as better-sqlite3 gives SQLite's: every numeric is one a JavaScript number
 * wrote, and a bigint past ±2⁵³ (only a report version copied from SQLite can
 * be) reads as the same nearest number it does from SQLite.
 */
const numbersAsNumbers = {
  getTypeParser(id: number, format?: 'text' | 'binary') {
    if (id === BIGINT || id === NUMERIC) return (text: string) => Number(text);
    return pg.types.getTypeParser(id, format);
  },
} as pg.CustomTypesConfig;

export interface OpenedPostgres<Tables> {
  db: Kysely<Tables>;
  /** The database's name, as an office's staff would recognise it in a message. */
  name: string;
  close(): Promise<void>;
}

/** The database named in a URL, and where its server is, for messages; never the password. */
export function describePostgresUrl(url: string): { database: string; server: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FieldbookError('INVALID_INPUT', 'Give the database as a URL such as postgres://user@host/fieldbook: that address could not be read.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new FieldbookError('INVALID_INPUT', `Give the database as a URL starting postgres://: "${parsed.protocol}" is not PostgreSQL.`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres';
  const server = parsed.searchParams.get('host') ?? (parsed.host || 'localhost');
  return { database, server };
}

/** The database is unreachable, missing or refuses us: what to do, in words, from pg's error. */
export function describePostgresProblem(error: unknown, url: string): FieldbookError {
  const { database, server } = describePostgresUrl(url);
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOENT':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FieldbookError('INVALID_INPUT', `Check that the PostgreSQL server at ${server} is running and the address is right: nothing answered there (${reason}).`);
    case '3D000':
      return new FieldbookError('INVALID_INPUT', `Make the database "${database}" first, or name another: the server at ${server} has no database of that name.`);
    case '28P01':
    case '28000':
      return new FieldbookError('INVALID_INPUT', `Check the user name and password in the database address: the server at ${server} refused them (${reason}).`);
    case '57P03':
      return new FieldbookError('INVALID_INPUT', `Try again in a moment: the PostgreSQL server at ${server} is still starting up.`);
    default:
      return new FieldbookError('INVALID_INPUT', `Check the PostgreSQL server at ${server}: it could not be used (${reason}).`);
  }
}

/**
 * Opens a pool of connections to the PostgreSQL database in `url` through
 * Kysely's Postgres dialect, and checks it answers, so an unreachable server
 * is one plain sentence here rather than an error at the first query.
 */
export async function openPostgres<Tables>(url: string): Promise<OpenedPostgres<Tables>> {
  const { database } = describePostgresUrl(url);
  // A few connections at most: the office server's writes are serialised anyway.
  const pool = new pg.Pool({ connectionString: url, types: numbersAsNumbers, max: 4, connectionTimeoutMillis: 10_000 });
  // Without a listener an idle connection the server drops would end the process; the next query
  // opens a new connection, and a query that fails says so itself.
  pool.on('error', () => {});
  // Nor may one dropped while in use (mid-transaction, between statements: a shutdown, a lost
  // network): the pool listens only to idle ones, and the statement that fails then says so itself.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw describePostgresProblem(error, url);
  }
  return { db, name: database, close: () => db.destroy() };
}
