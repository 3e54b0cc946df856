import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Indexes for the office's reports over years of sign-ins (docs/benchmarks.md).
 *
 * - The sign-in facts' index by session and person also carries the fact's
 *   kind, so a report finds each person's latest fact at a session from the
 *   index alone, in index order, without reading a million table rows. It
 *   replaces the narrower index rather than adding one, so a sign-in still
 *   writes one index entry (a few bytes wider): the laptop's durable sign-in,
 *   whose time is the fsync, does no more work.
 * - People merged into another, found without reading every person: a
 *   partial index, so a person who was never merged (almost everyone) has no
 *   entry in it and adding people writes nothing more.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX sign_ins_by_session_person;
    CREATE INDEX sign_ins_by_session_person ON sign_ins (session_id, person_id, hlc, kind);
    CREATE INDEX people_merged ON people (merged_into) WHERE merged_into IS NOT NULL;
  `);
}
