import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * A facilitator's group in a report is their record (schema 0029), when the
 * session's name refers to one: a renamed facilitator is one group, named
 * as the record is now. A name with no record (typed before records) is
 * grouped by its letters, as before records:
 *
 * One facilitator, however their name was typed on each session: "Sam
 * Okafor", "sam okafor" and "Sam Okafor " are one group in a report and one
 * facilitator to filter by. Sessions keep their facilitators as names (the
 * office's list offers one spelling, but older sessions may carry another),
 * so the key is the name with spaces trimmed and letters in lower case, as
 * SQLite's lower(trim(…)) makes it (it lowers A–Z only), and the group is
 * named with the spelling on the most sessions (the one the office's list
 * offers, once sessions are chosen from it), the first in byte order on a
 * tie. The SQL definitions (scope.ts) and the facts in memory
 * (group-keys.ts, counted-scope.ts) use these same two rules.
 */

/** SQL for the key of a facilitator value. */
export function facilitatorKeySql(value: string): string {
  return `lower(trim(${value}))`;
}

/** SQL for the name of the group a facilitator value belongs to: its spelling on the most sessions. */
export function facilitatorNameSql(value: string): string {
  return `(SELECT trim(nf.value) FROM sessions ns, json_each(ns.facilitators) nf WHERE ${facilitatorKeySql('nf.value')} = ${facilitatorKeySql(value)}
     GROUP BY trim(nf.value) ORDER BY COUNT(*) DESC, trim(nf.value) LIMIT 1)`;
}

/** The key in memory: as SQLite's trim (spaces only) and lower (A–Z only) make it. */
export function facilitatorKey(name: string): string {
  return name.replace(/^ +| +$/g, '').replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** Every facilitator group's name, by key, from every session's facilitators. */
export function facilitatorNamesByKey(sqlite: Database): Map<string, string> {
  // Most sessions first, then byte order: the first row seen for a key names it.
  const rows = sqlite
    .prepare(
      `SELECT ${facilitatorKeySql('f.value')} AS key, trim(f.value) AS spelling FROM sessions s, json_each(s.facilitators) f
       GROUP BY key, spelling ORDER BY key, COUNT(*) DESC, spelling`,
    )
    .raw()
    .all() as [unknown, unknown][];
  const names = new Map<string, string>();
  for (const [key, spelling] of rows) if (!names.has(String(key))) names.set(String(key), String(spelling));
  return names;
}

/**
 * The group key of a record: its id after a character no name holds, so it
 * never equals a name's key.
 */
const RECORD = '\u0001';

/** SQL joins, after `json_each(<session>.facilitators) <entry>`, for the record each entry refers to (as `<entry>r`). */
export function facilitatorRecordJoinSql(session: string, entry: string): string {
  return `LEFT JOIN json_each(${session}.facilitator_ids) ${entry}i ON ${entry}i.key = ${entry}.key LEFT JOIN facilitators ${entry}r ON ${entry}r.id = ${entry}i.value`;
}

/** SQL for an entry's group key: its record, or the key of its name. */
export function facilitatorGroupKeySql(entry: string): string {
  return `COALESCE(char(1) || ${entry}r.id, ${facilitatorKeySql(`${entry}.value`)})`;
}

/** SQL for an entry's group name: its record's name, or its name's most usual spelling. */
export function facilitatorGroupNameSql(entry: string): string {
  return `COALESCE(${entry}r.name, ${facilitatorNameSql(`${entry}.value`)})`;
}

/** The records' names, by id, for the facts in memory. */
export function facilitatorRecordNames(sqlite: Database): Map<string, string> {
  return new Map(sqlite.prepare('SELECT id, name FROM facilitators').raw().all() as [string, string][]);
}

/** The key in memory, as facilitatorGroupKeySql makes it: the record when the id is one, else the name's key. */
export function facilitatorGroupKey(name: string, id: string | null | undefined, records: Map<string, string>): string {
  return id != null && records.has(id) ? RECORD + id : facilitatorKey(name);
}

/** A group's name in memory, as facilitatorGroupNameSql gives it. */
export function facilitatorGroupName(key: string, records: Map<string, string>, names: Map<string, string>): string | undefined {
  return key.startsWith(RECORD) ? records.get(key.slice(1)) : names.get(key);
}
