import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * What an erasure took out of the reports' figures, so a report can say its
 * figure is lower than one printed before (docs/privacy.md, "Reports after
 * an erasure"). Local, never in a file, and nothing that names the person:
 * per erasure and session, how many attendances and linked evaluation
 * answers went, with the organisation the report counted them under (so an
 * organisation or sector filter can tell whether it is touched); and per
 * membership term that went, its scheme, its first and last days and its
 * organisation. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erased_session_counts (
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      session_id TEXT NOT NULL,
      organisation_id TEXT,
      attendances INTEGER NOT NULL CHECK (attendances >= 0),
      responses INTEGER NOT NULL CHECK (responses >= 0),
      PRIMARY KEY (erasure_id, session_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX erased_session_counts_by_session ON erased_session_counts (session_id);
    CREATE TABLE erased_terms (
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      scheme_id TEXT NOT NULL,
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      organisation_id TEXT
    ) STRICT;
    CREATE INDEX erased_terms_by_scheme ON erased_terms (scheme_id, starts_on);
  `);
}
