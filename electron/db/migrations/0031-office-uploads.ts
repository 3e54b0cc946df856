import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Laptops that upload to the office server, and who did what in the office's logs (issue 18).
 *
 * - `paired_office.server_addresses` (JSON array of "https://host:port/") and
 *   `paired_office.server_spki_sha256` (base64 SHA-256 of the server
 *   certificate's public key): what the office's signed enrolment file said
 *   about its server, so "Send to office" can upload over HTTPS and refuse
 *   any other certificate. Null when the office was not a server.
 * - `office_server`: on the office, the addresses and public-key hash the
 *   last `fieldbook serve` answered with, which enrolment files carry. One row.
 * - `import_log.staff_name` and `conflicts.resolved_by`: the staff member who
 *   imported a file or resolved a conflict on the server; null in the desktop
 *   app (no accounts), for the inbox and for laptops' uploads.
 *
 * All local to this computer, never in a file. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE paired_office ADD COLUMN server_addresses TEXT CHECK (server_addresses IS NULL OR json_valid(server_addresses));
    ALTER TABLE paired_office ADD COLUMN server_spki_sha256 TEXT;
    CREATE TABLE office_server (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      addresses TEXT NOT NULL CHECK (json_valid(addresses)),
      spki_sha256 TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    ALTER TABLE import_log ADD COLUMN staff_name TEXT;
    ALTER TABLE conflicts ADD COLUMN resolved_by TEXT;
  `);
}
