import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The office server's staff: accounts (name, email, role, active or not, a
 * scrypt password hash and the wrong passwords in a row), their signed-in
 * sessions (only a hash of the cookie's token is kept, so a copy of the
 * database signs no one in) and the audit trail an admin reads (sign-ins,
 * failed sign-ins, exports of personal data, erasures, role changes). All
 * local to the office: they never travel in a file. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE staff_members (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
      role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff_members (id),
      csrf_token TEXT NOT NULL,
      address TEXT NOT NULL,
      started_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      ended_at TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id) WHERE ended_at IS NULL;
    CREATE TABLE staff_audit (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      staff_id TEXT,
      staff_name TEXT,
      address TEXT,
      detail TEXT NOT NULL
    ) STRICT;
    CREATE INDEX staff_audit_by_time ON staff_audit (at);
  `);
}
