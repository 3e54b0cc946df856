import type { Database } from 'better-sqlite3-multiple-ciphers';
import { facilitatorKey, facilitatorKeySql } from '../reports/facts/facilitator-key';
import type { WriteScope } from '../write';

/**
 * How a session refers to its facilitators' records (schema 0029): beside
 * its list of names, `facilitator_ids` holds at the same place the record
 * each name is, or null for a name that is no record. Every screen and file
 * reads the names, so the office writes each record's current name into the
 * sessions that refer to it; reports count by the record.
 *
 * Names match a record as the reports have always grouped spellings: spaces
 * trimmed, A–Z in lower case (reports/facts/facilitator-key.ts), so "sam
 * okafor" on an old session is Sam Okafor's record. No two records share
 * that key (records.ts refuses the second).
 */

export interface FacilitatorRecord {
  id: string;
  name: string;
}

/** The records by key, as a session's names are matched against them. */
export function recordsByKey(sqlite: Database): Map<string, FacilitatorRecord> {
  const rows = sqlite.prepare('SELECT id, name FROM facilitators ORDER BY id').all() as FacilitatorRecord[];
  return new Map(rows.map((row) => [facilitatorKey(row.name), row]));
}

/** A session's names and links as stored, read leniently (the columns are checked json_valid, and lists by row-checks). */
export function storedLinks(facilitators: string, facilitatorIds: string): { names: string[]; ids: (string | null)[] } {
  const parse = (text: string): unknown[] => {
    try {
      const value = JSON.parse(text) as unknown;
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  };
  const names = parse(facilitators).map(String);
  const ids = parse(facilitatorIds);
  return { names, ids: names.map((_, i) => (typeof ids[i] === 'string' ? (ids[i] as string) : null)) };
}

/** The two columns as stored: no links at all is '[]', as every session before records has. */
export function linkColumns(names: readonly string[], ids: readonly (string | null)[]): { facilitators: string; facilitator_ids: string } {
  return { facilitators: JSON.stringify(names), facilitator_ids: JSON.stringify(ids.some((id) => id !== null) ? ids : []) };
}

/**
 * The columns for a session saved with these names: each name that is a
 * record's (in any spelling of the same letters) refers to that record and
 * takes its spelling; any other name stays as typed, a name with no record.
 */
export async function sessionFacilitatorColumns(scope: WriteScope, names: readonly string[]): Promise<{ facilitators: string; facilitator_ids: string }> {
  const rows = await scope.trx.selectFrom('facilitators').select(['id', 'name']).orderBy('id').execute();
  const records = new Map(rows.map((row) => [facilitatorKey(row.name), row]));
  const linked = names.map((name) => records.get(facilitatorKey(name)) ?? null);
  return linkColumns(
    names.map((name, i) => linked[i]?.name ?? name),
    linked.map((record) => record?.id ?? null),
  );
}

/**
 * Rewrites each session where `matches` picks an entry: that entry becomes
 * the record (its name and id). Returns how many sessions changed.
 */
export async function relinkSessions(
  scope: WriteScope,
  sqlite: Database,
  where: { sql: string; param: string },
  matches: (name: string, id: string | null) => boolean,
  record: FacilitatorRecord,
): Promise<number> {
  const sessions = sqlite
    .prepare(`SELECT id, facilitators, facilitator_ids FROM sessions s WHERE ${where.sql} ORDER BY id`)
    .all(where.param) as { id: string; facilitators: string; facilitator_ids: string }[];
  let changed = 0;
  for (const session of sessions) {
    const { names, ids } = storedLinks(session.facilitators, session.facilitator_ids);
    let touched = false;
    names.forEach((name, i) => {
      if (!matches(name, ids[i] ?? null)) return;
      names[i] = record.name;
      ids[i] = record.id;
      touched = true;
    });
    if (touched && (await scope.update('sessions', session.id, linkColumns(names, ids)))) changed += 1;
  }
  return changed;
}

/** SQL picking sessions with an entry whose name has this key (bound as the one parameter). */
export const NAMES_WITH_KEY = `EXISTS (SELECT 1 FROM json_each(s.facilitators) f WHERE ${facilitatorKeySql('f.value')} = ?)`;
/** SQL picking sessions that refer to this record (its id bound as the one parameter). */
export const REFERRING_TO = 'EXISTS (SELECT 1 FROM json_each(s.facilitator_ids) i WHERE i.value = ?)';
