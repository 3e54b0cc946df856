import type { CoreContext } from '../deps';

/**
 * Which people each package the office writes carries, kept from schema 0018
 * on (package_people), so subject access can say which laptops were sent a
 * person's data and in which package. The people are the package's own
 * `people` rows, read from the same temporary `package_rows` the package
 * was built from, so the record is what the file holds.
 */

type Sqlite = CoreContext['sqlite'];

/** The people in the package being written; call after its package_rows are collected, in the same transaction. */
export function peopleInPackage(sqlite: Sqlite): string[] {
  return sqlite.prepare("SELECT row_id FROM package_rows WHERE table_name = 'people'").pluck().all() as string[];
}

/** Keeps which people the package carried; in the transaction that records the package itself. */
export function recordPackagePeople(sqlite: Sqlite, bundleId: string, personIds: readonly string[]): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO package_people (person_id, bundle_id) VALUES (?, ?)');
  for (const personId of personIds) insert.run(personId, bundleId);
}
