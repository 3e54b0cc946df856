import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Contracts (funding sources) and membership schemes, both office data.
 * A session belongs to one contract or to none ("paid-for / other"). A
 * member has one row per term; history is kept, so a renewal is a new row
 * and the report for any date gives the same answer whenever it is run.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE contracts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      funder TEXT NOT NULL,
      -- The day each contract year starts, as MM-DD (for example 08-01 for 1 August).
      year_starts TEXT NOT NULL CHECK (year_starts GLOB '[0-1][0-9]-[0-3][0-9]'),
      ends_on TEXT
    ) STRICT;
    CREATE INDEX contracts_by_name ON contracts (name COLLATE NOCASE);

    ALTER TABLE sessions ADD COLUMN contract_id TEXT REFERENCES contracts (id);
    CREATE INDEX sessions_by_contract ON sessions (contract_id, starts_at);

    CREATE TABLE membership_schemes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- JSON array of course ids: attending any one of them meets the requirement.
      required_course_ids TEXT NOT NULL CHECK (json_valid(required_course_ids)),
      window_months INTEGER NOT NULL CHECK (window_months BETWEEN 1 AND 60),
      -- The membership year's first day as MM-DD, or NULL for rolling 12-month terms.
      year_starts TEXT CHECK (year_starts IS NULL OR year_starts GLOB '[0-1][0-9]-[0-3][0-9]'),
      -- Recorded only, in pence; no payment is processed.
      fee_pence INTEGER CHECK (fee_pence IS NULL OR fee_pence >= 0),
      grace_days INTEGER NOT NULL CHECK (grace_days >= 0)
    ) STRICT;
    CREATE INDEX membership_schemes_by_name ON membership_schemes (name COLLATE NOCASE);

    CREATE TABLE membership_terms (
      id TEXT PRIMARY KEY,
      scheme_id TEXT NOT NULL REFERENCES membership_schemes (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      starts_on TEXT NOT NULL,
      -- The term's last day, inclusive.
      ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
      origin TEXT NOT NULL CHECK (origin IN ('new', 'renewal', 'rejoin')),
      fee_pence INTEGER CHECK (fee_pence IS NULL OR fee_pence >= 0),
      paid_on TEXT,
      -- The member's organisation when the term began.
      organisation_id TEXT REFERENCES organisations (id),
      notes TEXT,
      cancelled_on TEXT,
      -- Set on a joining term (new or rejoin) the office exempted from the training requirement.
      exempt_reason TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX membership_terms_by_member ON membership_terms (scheme_id, person_id, starts_on);
    CREATE INDEX membership_terms_by_person ON membership_terms (person_id);
  `);
}
