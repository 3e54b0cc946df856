import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Breakdown } from '../scope';
import type { SessionRow } from './attendance-facts';
import type { CountedScope } from './counted-scope';
import { facilitatorGroupKey, facilitatorGroupName, facilitatorNamesByKey, facilitatorRecordNames } from './facilitator-key';

/**
 * The breakdowns' groups as scope.ts's `breakdowns` defines them in SQL:
 * sector and organisation are the person's (kept after merges); course,
 * venue and facilitator are the session's, a session with two facilitators
 * counting for each, and a session whose course or venue has no row
 * counting in no group (the SQL joins the row for its name).
 */

export type SessionBreakdown = Extract<Breakdown, 'course' | 'venue' | 'facilitator'>;
export const sessionBreakdowns: readonly SessionBreakdown[] = ['course', 'venue', 'facilitator'];

export const NO_ORGANISATION = 'No organisation recorded';

/** Each session's keys in a breakdown (its facilitators list as json_each reads it), and each key's name; null drops the session. */
export interface SessionGrouping {
  keysOf(session: SessionRow): readonly string[];
  nameOf(key: string): string | undefined;
}

export function sessionGroupings(sqlite: Database): Record<SessionBreakdown, SessionGrouping> {
  const courses = new Map(sqlite.prepare('SELECT id, title FROM courses').raw().all() as [string, string][]);
  const venues = new Map(sqlite.prepare('SELECT id, name FROM venues').raw().all() as [string, string][]);
  const facilitators = facilitatorNamesByKey(sqlite);
  const records = facilitatorRecordNames(sqlite);
  return {
    course: { keysOf: (session) => [session.courseId], nameOf: (key) => courses.get(key) },
    venue: { keysOf: (session) => [session.venueId], nameOf: (key) => venues.get(key) },
    // A record is one group; a name with no record is one group however spelled (facilitator-key.ts).
    facilitator: {
      keysOf: (session) => session.facilitators.map((name, i) => facilitatorGroupKey(name, session.facilitatorIds[i], records)),
      nameOf: (key) => facilitatorGroupName(key, records, facilitators),
    },
  };
}

/** SQLite's ORDER BY on text (byte order; the same as code-unit order for the names Fieldbook stores). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Organisations numbered for counting: slot 0 is "no organisation", slot
 * n + 1 organisation number n; and each slot's sector, numbered too.
 */
export function organisationSlots(scope: CountedScope): { size: number; sectorKeys: string[]; sectorOfSlot: Int32Array } {
  const { organisations } = scope.facts;
  const sectorKeys: string[] = ['none'];
  const sectorNumber = new Map<string, number>([['none', 0]]);
  const sectorOfSlot = new Int32Array(organisations.numbers.size + 1);
  organisations.sectors.forEach((sector, n) => {
    let number = sectorNumber.get(sector);
    if (number === undefined) {
      number = sectorKeys.length;
      sectorNumber.set(sector, number);
      sectorKeys.push(sector);
    }
    sectorOfSlot[n + 1] = number;
  });
  return { size: organisations.numbers.size + 1, sectorKeys, sectorOfSlot };
}

/** Each person's organisation slot (0 for none), two bytes a person when the organisations are few enough, for the cache's sake. */
export function organisationSlotOfPerson(organisation: Int32Array, slots: number): Uint16Array | Int32Array {
  const slot = slots <= 0xffff ? new Uint16Array(organisation.length) : new Int32Array(organisation.length);
  for (let n = 0; n < organisation.length; n += 1) slot[n] = organisation[n]! + 1;
  return slot;
}
