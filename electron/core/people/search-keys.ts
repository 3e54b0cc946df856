import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { normaliseForSearch } from '../../../shared/search-text';

/** Bump when normalisation changes: the keys are rebuilt on the next open. */
export const SEARCH_KEYS_VERSION = '2';

/**
 * Name search that forgives accents, case and punctuation: "sio" finds
 * Siobhán, "o'b" and "ob" find O'Brien, "lukasz" finds Łukasz, "van der"
 * finds "van der Berg". Each person gets a few normalised keys (every word
 * of every name, and whole names) in an indexed table, so a typed prefix is
 * one index range scan rather than a table scan.
 */

export interface NamedPerson {
  given_name: string;
  family_name: string;
  preferred_name: string | null;
}

export function searchKeysFor(person: NamedPerson): string[] {
  const given = normaliseForSearch(person.given_name);
  const family = normaliseForSearch(person.family_name);
  const preferred = person.preferred_name ? normaliseForSearch(person.preferred_name) : '';
  const keys = new Set<string>();
  for (const name of [given, family, preferred]) {
    if (!name) continue;
    keys.add(name);
    for (const word of name.split(' ')) keys.add(word);
  }
  for (const first of [given, preferred]) if (first) keys.add(`${first} ${family}`);
  keys.delete('');
  return [...keys];
}

/**
 * Where a person sorts in the people list: family name, then given name,
 * folded as the search folds them, so accents sit beside their letter (Bąk
 * before Butt, Öztürk with the Os, Żak with the Zs) and case and
 * apostrophes do not matter (O'Brien with the Os). \u0001 separates the
 * parts and sorts below every letter and space, so "Van" comes before
 * "Van Der Berg" whatever the given names are.
 */
export function sortKeyFor(person: NamedPerson): string {
  const parts = [person.family_name, person.given_name, person.preferred_name ?? ''];
  return parts.map(normaliseForSearch).join('\u0001');
}

/** The exclusive upper bound of a prefix range: every key that starts with `prefix` sorts below it. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** The key range a typed prefix covers, or null when nothing searchable was typed. */
export function keyRange(query: string): { from: string; to: string } | null {
  const prefix = normaliseForSearch(query);
  return prefix ? { from: prefix, to: prefixUpperBound(prefix) } : null;
}

/**
 * Refreshes one person's keys inside the transaction that changed their
 * names: the write path and the merge both call it, on the raw connection.
 */
export function refreshSearchKeysNow(sqlite: Database, personId: string): void {
  let statements = preparedFor.get(sqlite);
  if (!statements) {
    statements = {
      remove: sqlite.prepare('DELETE FROM person_search_keys WHERE person_id = ?'),
      read: sqlite.prepare('SELECT given_name, family_name, preferred_name FROM people WHERE id = ? AND merged_into IS NULL'),
      insert: sqlite.prepare('INSERT OR IGNORE INTO person_search_keys (key, person_id) VALUES (?, ?)'),
      removeSortKey: sqlite.prepare('DELETE FROM person_sort_keys WHERE person_id = ?'),
      insertSortKey: sqlite.prepare('INSERT INTO person_sort_keys (person_id, key) VALUES (?, ?)'),
    };
    preparedFor.set(sqlite, statements);
  }
  statements.remove.run(personId);
  statements.removeSortKey.run(personId);
  // Someone merged into another person has no keys: they are neither found nor listed.
  const person = statements.read.get(personId) as NamedPerson | undefined;
  if (!person) return;
  for (const key of searchKeysFor(person)) statements.insert.run(key, personId);
  statements.insertSortKey.run(personId, sortKeyFor(person));
}

/**
 * A new person's place in the list, straight from the fields a merge
 * inserted (it writes their search keys the same way): nothing to delete,
 * nothing to read back.
 */
export function insertSortKeyNow(sqlite: Database, personId: string, person: NamedPerson): void {
  let insert = sortKeyInserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare('INSERT OR REPLACE INTO person_sort_keys (person_id, key) VALUES (?, ?)');
    sortKeyInserts.set(sqlite, insert);
  }
  insert.run(personId, sortKeyFor(person));
}

const sortKeyInserts = new WeakMap<Database, Statement>();

const preparedFor = new WeakMap<Database, Record<'remove' | 'read' | 'insert' | 'removeSortKey' | 'insertSortKey', Statement>>();

/** Rebuilds every person's search and sort keys when the normalisation version changed (or on first open). */
export function ensureSearchKeys(sqlite: Database): void {
  const built = sqlite.prepare("SELECT value FROM local_settings WHERE key = 'search_keys_version'").pluck().get();
  if (built === SEARCH_KEYS_VERSION) return;
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM person_search_keys; DELETE FROM person_sort_keys;');
    const people = sqlite.prepare('SELECT id, given_name, family_name, preferred_name FROM people WHERE merged_into IS NULL').all() as (NamedPerson & {
      id: string;
    })[];
    const insert = sqlite.prepare('INSERT OR IGNORE INTO person_search_keys (key, person_id) VALUES (?, ?)');
    const insertSortKey = sqlite.prepare('INSERT INTO person_sort_keys (person_id, key) VALUES (?, ?)');
    for (const person of people) {
      for (const key of searchKeysFor(person)) insert.run(key, person.id);
      insertSortKey.run(person.id, sortKeyFor(person));
    }
    sqlite
      .prepare("INSERT INTO local_settings (key, value) VALUES ('search_keys_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(SEARCH_KEYS_VERSION);
  })();
}
