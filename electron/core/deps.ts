import type { Kysely } from 'kysely';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Schema } from '../db/schema';
import type { KeyStore } from './keys';
import type { PersonFinder } from './people/person-finder';
import type { RosterRow } from './signin/roster';

/**
 * What the core needs from the world, passed in so the same core runs in the
 * Electron app, the web host, the CLI and tests (which fix the clock and ids).
 */
export interface CoreDeps {
  databasePath: string;
  clock: () => Date;
  newId: () => string;
  keyStore: KeyStore;
  /** Benchmarks only: open a plain database file as the version before encryption did (see UNENCRYPTED_FOR_COMPARISON). */
  unencryptedForComparison?: true;
}

export interface CoreContext {
  db: Kysely<Schema>;
  sqlite: Database;
  clock: () => Date;
  newId: () => string;
  keyStore: KeyStore;
  finder: PersonFinder;
  /** The session the kiosk is open for, or null: checked before every call, so it is one prepared read. */
  kioskSessionId: () => string | null;
  /** What the open kiosk is for: participants' procedures check it. */
  kioskMode: () => 'sign_in' | 'evaluation';
  rosterRows: (sessionId: string) => RosterRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The device's local calendar day, "2026-03-12". */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The device's local time to the minute, "2026-03-12T09:30", as sessions store their times. */
export function localMinute(date: Date): string {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
