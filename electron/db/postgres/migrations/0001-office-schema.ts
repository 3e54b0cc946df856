import type { PostgresMigration } from './index';

/**
 * The office's schema on PostgreSQL: the same tables, columns, keys, checks and
 * report-version triggers as SQLite's after its migration 0033
 * (electron/db/migrations), in one first migration. Frozen once landed: later
 * changes are new migrations here, each the twin of a SQLite one
 * (tests/integration/postgres-schema.test.ts fails while one is missing).
 *
 * How SQLite's types are kept (docs/server.md, "PostgreSQL"):
 * - Every text column is `COLLATE "C"`: it compares by bytes, as SQLite's BINARY
 *   does, so clock stamps, ids, dates and search keys sort the same on both
 *   whatever the server's locale.
 * - `COLLATE NOCASE` in an index becomes an index on `lower(column)`: lower() of
 *   "C" text folds A–Z only, exactly as NOCASE does, so a search written with
 *   lower() matches the same rows.
 * - INTEGER is integer (every value is far below 2³¹), except the report
 *   versions, which hold 53-bit random numbers: bigint. The waiting-list
 *   position, REAL in SQLite and used for ordering, is numeric (exact).
 * - BLOB is bytea; JSON stays text (its exact bytes, so a content hash matches
 *   SQLite's) checked by json_valid(), defined below as SQLite's is.
 * - Foreign keys are DEFERRABLE (INITIALLY IMMEDIATE, so checked per statement
 *   as in SQLite), so the one-transaction copy from SQLite can defer them.
 * - SQLite's report-version triggers (0019, 0021, 0029, 0032) are row triggers
 *   calling raise_report_version(source); like SQLite's they set a new random
 *   version and cannot fail.
 */
export const officeSchema: PostgresMigration = {
  name: '0001-office-schema',
  sql: `
    -- SQLite's json_valid(): true for well-formed JSON text, null for null.
    CREATE FUNCTION json_valid(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT AS $$
    BEGIN
      PERFORM value::json;
      RETURN true;
    EXCEPTION WHEN invalid_text_representation THEN
      RETURN false;
    END $$;

    CREATE TABLE organisations (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      sector text COLLATE "C" NOT NULL CHECK (sector IN ('statutory', 'vcse', 'other')),
      merged_into text COLLATE "C"
    );
    CREATE INDEX organisations_by_name ON organisations (lower(name));
    CREATE INDEX organisations_merged ON organisations (merged_into) WHERE merged_into IS NOT NULL;
    CREATE TABLE contracts (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      funder text COLLATE "C" NOT NULL,
      -- The day each contract year starts, as MM-DD (for example 08-01 for 1 August).
      year_starts text COLLATE "C" NOT NULL CHECK (year_starts ~ '^[0-1][0-9]-[0-3][0-9]$'),
      ends_on text COLLATE "C"
    );
    CREATE INDEX contracts_by_name ON contracts (lower(name));
    CREATE TABLE courses (
      id text COLLATE "C" PRIMARY KEY,
      title text COLLATE "C" NOT NULL,
      description text COLLATE "C",
      duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
      learning_outcomes text COLLATE "C" NOT NULL CHECK (json_valid(learning_outcomes)),
      evaluation_mode text COLLATE "C" NOT NULL DEFAULT 'anonymous'
      CHECK (evaluation_mode IN ('anonymous', 'linked'))
    );
    CREATE TABLE venues (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      address text COLLATE "C" NOT NULL,
      access_notes text COLLATE "C"
    );
    CREATE TABLE sessions (
      id text COLLATE "C" PRIMARY KEY,
      course_id text COLLATE "C" NOT NULL REFERENCES courses (id) DEFERRABLE,
      venue_id text COLLATE "C" NOT NULL REFERENCES venues (id) DEFERRABLE,
      starts_at text COLLATE "C" NOT NULL,
      ends_at text COLLATE "C" NOT NULL,
      capacity integer NOT NULL CHECK (capacity >= 0),
      facilitators text COLLATE "C" NOT NULL CHECK (json_valid(facilitators)),
      status text COLLATE "C" NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
      contract_id text COLLATE "C" REFERENCES contracts (id) DEFERRABLE,
      facilitator_ids text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(facilitator_ids))
    );
    CREATE INDEX sessions_by_contract ON sessions (contract_id, starts_at);
    CREATE INDEX sessions_by_start ON sessions (starts_at);
    CREATE TABLE group_bookings (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id) DEFERRABLE,
      places integer NOT NULL CHECK (places >= 0),
      created_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX group_bookings_by_session ON group_bookings (session_id);
    CREATE TABLE people (
      id text COLLATE "C" PRIMARY KEY,
      given_name text COLLATE "C" NOT NULL,
      family_name text COLLATE "C" NOT NULL,
      preferred_name text COLLATE "C",
      email text COLLATE "C",
      phone text COLLATE "C",
      organisation_id text COLLATE "C" REFERENCES organisations (id) DEFERRABLE,
      membership_joined_on text COLLATE "C",
      merged_into text COLLATE "C"
    );
    CREATE INDEX people_by_family_name ON people (lower(family_name), lower(given_name));
    CREATE INDEX people_by_given_name ON people (lower(given_name));
    CREATE INDEX people_by_organisation ON people (organisation_id);
    CREATE INDEX people_merged ON people (merged_into) WHERE merged_into IS NOT NULL;
    CREATE TABLE bookings (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      state text COLLATE "C" NOT NULL CHECK (state IN ('booked', 'waitlisted', 'offered', 'cancelled', 'no_show')),
      booked_at text COLLATE "C" NOT NULL,
      waitlist_position numeric,
      priority_reason text COLLATE "C",
      present_at text COLLATE "C",
      walk_in integer NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
      group_booking_id text COLLATE "C" REFERENCES group_bookings (id) DEFERRABLE
    );
    CREATE INDEX bookings_by_person ON bookings (person_id);
    CREATE INDEX bookings_by_session_state ON bookings (session_id, state, waitlist_position);
    CREATE UNIQUE INDEX bookings_one_per_person_and_session ON bookings (session_id, person_id);
    CREATE TABLE booking_events (
      id text COLLATE "C" PRIMARY KEY,
      booking_id text COLLATE "C" NOT NULL REFERENCES bookings (id) DEFERRABLE,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      event text COLLATE "C" NOT NULL,
      from_state text COLLATE "C",
      to_state text COLLATE "C" NOT NULL,
      reason text COLLATE "C",
      device_id text COLLATE "C" NOT NULL,
      device_name text COLLATE "C" NOT NULL,
      hlc text COLLATE "C" NOT NULL,
      recorded_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX booking_events_by_booking ON booking_events (booking_id, hlc);
    CREATE TABLE capacity_flags (
      session_id text COLLATE "C" PRIMARY KEY REFERENCES sessions (id) DEFERRABLE,
      flagged_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE change_log (
      id text COLLATE "C" PRIMARY KEY,
      hlc text COLLATE "C" NOT NULL,
      device_id text COLLATE "C" NOT NULL,
      table_name text COLLATE "C" NOT NULL,
      row_id text COLLATE "C" NOT NULL,
      fields text COLLATE "C" NOT NULL CHECK (json_valid(fields)),
      replaces text COLLATE "C" CHECK (replaces IS NULL OR json_valid(replaces))
    );
    CREATE INDEX change_log_by_clock ON change_log (hlc);
    CREATE INDEX change_log_by_row ON change_log (table_name, row_id);
    CREATE TABLE change_log_staff (
      change_id text COLLATE "C" PRIMARY KEY REFERENCES change_log (id) ON DELETE CASCADE DEFERRABLE,
      staff_id text COLLATE "C" NOT NULL,
      staff_name text COLLATE "C" NOT NULL
    );
    CREATE TABLE conflicts (
      id text COLLATE "C" PRIMARY KEY,
      table_name text COLLATE "C" NOT NULL,
      row_id text COLLATE "C" NOT NULL,
      field text COLLATE "C" NOT NULL,
      lost_change_id text COLLATE "C" NOT NULL,
      won_change_id text COLLATE "C" NOT NULL,
      status text COLLATE "C" NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'reversed')),
      resolved_at text COLLATE "C",
      resolved_by text COLLATE "C",
      UNIQUE (lost_change_id, field)
    );
    CREATE TABLE consents (
      id text COLLATE "C" PRIMARY KEY,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      text_version text COLLATE "C" NOT NULL,
      language text COLLATE "C" NOT NULL,
      agreed_at text COLLATE "C" NOT NULL,
      device_id text COLLATE "C" NOT NULL
    );
    CREATE INDEX consents_by_person ON consents (person_id);
    CREATE TABLE device (
      id text COLLATE "C" PRIMARY KEY,
      singleton integer NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      role text COLLATE "C" NOT NULL CHECK (role IN ('laptop', 'office')),
      name text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      signing_public_key text COLLATE "C" NOT NULL,
      clock text COLLATE "C" NOT NULL,
      age_recipient text COLLATE "C"
    );
    CREATE TABLE duplicate_decisions (
      first_person_id text COLLATE "C" NOT NULL,
      second_person_id text COLLATE "C" NOT NULL,
      decision text COLLATE "C" NOT NULL CHECK (decision IN ('keep_apart')),
      decided_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (first_person_id, second_person_id)
    );
    CREATE TABLE enrolled_devices (
      device_id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      signing_public_key text COLLATE "C" NOT NULL,
      age_recipient text COLLATE "C" NOT NULL,
      team text COLLATE "C",
      facilitators text COLLATE "C" NOT NULL CHECK (json_valid(facilitators)),
      enrolled_at text COLLATE "C" NOT NULL,
      revoked_at text COLLATE "C",
      revoked_reason text COLLATE "C"
    );
    CREATE TABLE equality_answers (
      id text COLLATE "C" PRIMARY KEY,
      person_id text COLLATE "C" NOT NULL UNIQUE REFERENCES people (id) DEFERRABLE,
      ethnicity text COLLATE "C" NOT NULL,
      answered_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE erasures (
      id text COLLATE "C" PRIMARY KEY,
      erased_at text COLLATE "C" NOT NULL,
      erased_by text COLLATE "C" NOT NULL,
      reason text COLLATE "C" NOT NULL,
      counts text COLLATE "C" NOT NULL,
      origin text COLLATE "C" NOT NULL CHECK (origin IN ('here', 'package')),
      confirmed_in_sequence integer
    );
    CREATE TABLE erased_demand (
      erasure_id text COLLATE "C" NOT NULL REFERENCES erasures (id) DEFERRABLE,
      session_id text COLLATE "C" NOT NULL,
      organisation_id text COLLATE "C",
      counted text COLLATE "C" NOT NULL CHECK (counted IN ('waitlisted', 'placed', 'released', 'released_taken')),
      recorded_on text COLLATE "C" NOT NULL
    );
    CREATE INDEX erased_demand_by_session ON erased_demand (session_id);
    CREATE TABLE erased_rows (
      row_hash text COLLATE "C" PRIMARY KEY,
      table_name text COLLATE "C" NOT NULL,
      erasure_id text COLLATE "C" NOT NULL REFERENCES erasures (id) DEFERRABLE
    );
    CREATE INDEX erased_rows_by_erasure ON erased_rows (erasure_id, table_name);
    CREATE TABLE erased_session_counts (
      erasure_id text COLLATE "C" NOT NULL REFERENCES erasures (id) DEFERRABLE,
      session_id text COLLATE "C" NOT NULL,
      organisation_id text COLLATE "C",
      attendances integer NOT NULL CHECK (attendances >= 0),
      responses integer NOT NULL CHECK (responses >= 0),
      PRIMARY KEY (erasure_id, session_id)
    );
    CREATE INDEX erased_session_counts_by_session ON erased_session_counts (session_id);
    CREATE TABLE erased_terms (
      erasure_id text COLLATE "C" NOT NULL REFERENCES erasures (id) DEFERRABLE,
      scheme_id text COLLATE "C" NOT NULL,
      starts_on text COLLATE "C" NOT NULL,
      ends_on text COLLATE "C" NOT NULL,
      organisation_id text COLLATE "C"
    );
    CREATE INDEX erased_terms_by_scheme ON erased_terms (scheme_id, starts_on);
    CREATE TABLE erasure_confirmations (
      erasure_id text COLLATE "C" NOT NULL REFERENCES erasures (id) DEFERRABLE,
      device_id text COLLATE "C" NOT NULL,
      confirmed_at text COLLATE "C" NOT NULL,
      bundle_sequence integer NOT NULL,
      PRIMARY KEY (erasure_id, device_id)
    );
    CREATE TABLE evaluation_completions (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      completed_at text COLLATE "C" NOT NULL,
      UNIQUE (session_id, person_id)
    );
    CREATE TABLE evaluation_templates (
      id text COLLATE "C" PRIMARY KEY,
      course_id text COLLATE "C" NOT NULL REFERENCES courses (id) DEFERRABLE,
      version bigint NOT NULL CHECK (version >= 1),
      items text COLLATE "C" NOT NULL CHECK (json_valid(items)),
      created_at text COLLATE "C" NOT NULL,
      follow_up_weeks integer NOT NULL DEFAULT 12 CHECK (follow_up_weeks BETWEEN 1 AND 104),
      UNIQUE (course_id, version)
    );
    CREATE TABLE evaluation_responses (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      template_id text COLLATE "C" NOT NULL REFERENCES evaluation_templates (id) DEFERRABLE,
      person_id text COLLATE "C" REFERENCES people (id) DEFERRABLE,
      answers text COLLATE "C" NOT NULL CHECK (json_valid(answers)),
      language text COLLATE "C",
      submitted_on text COLLATE "C" NOT NULL,
      moment text COLLATE "C" NOT NULL DEFAULT 'after' CHECK (moment IN ('before', 'after', 'follow_up')),
      late integer NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      pairing_code text COLLATE "C"
    );
    CREATE INDEX evaluation_responses_by_person ON evaluation_responses (person_id, session_id) WHERE person_id IS NOT NULL;
    CREATE INDEX evaluation_responses_by_session ON evaluation_responses (session_id);
    CREATE TABLE facilitators (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL
    );
    CREATE TABLE follow_up_codes (
      code text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      template_id text COLLATE "C" NOT NULL REFERENCES evaluation_templates (id) DEFERRABLE,
      asked_at text COLLATE "C" NOT NULL,
      answered_at text COLLATE "C",
      response_id text COLLATE "C",
      UNIQUE (session_id, person_id)
    );
    CREATE INDEX follow_up_codes_by_person ON follow_up_codes (person_id);
    CREATE TABLE held_bundles (
      bundle_id text COLLATE "C" PRIMARY KEY,
      sender_device_id text COLLATE "C" NOT NULL,
      sequence integer NOT NULL,
      created_hlc text COLLATE "C" NOT NULL,
      file_name text COLLATE "C" NOT NULL,
      file bytea NOT NULL,
      reason text COLLATE "C" NOT NULL,
      received_at text COLLATE "C" NOT NULL,
      resealed integer NOT NULL DEFAULT 0
    );
    CREATE TABLE import_log (
      id text COLLATE "C" PRIMARY KEY,
      at text COLLATE "C" NOT NULL,
      file_name text COLLATE "C" NOT NULL,
      bundle_id text COLLATE "C" NOT NULL,
      sender_device_id text COLLATE "C" NOT NULL,
      sequence integer NOT NULL,
      status text COLLATE "C" NOT NULL CHECK (status IN ('imported', 'already_imported', 'held')),
      message text COLLATE "C" NOT NULL,
      staff_name text COLLATE "C"
    );
    CREATE TABLE kiosk (
      singleton integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY CHECK (singleton = 1),
      pin_hash text COLLATE "C",
      session_id text COLLATE "C" REFERENCES sessions (id) DEFERRABLE,
      mode text COLLATE "C" NOT NULL DEFAULT 'sign_in' CHECK (mode IN ('sign_in', 'evaluation')),
      wrong_pin_tries integer NOT NULL DEFAULT 0 CHECK (wrong_pin_tries >= 0),
      pin_locked_until text COLLATE "C",
      recovery_code_hash text COLLATE "C",
      office_pin_reset_id text COLLATE "C",
      office_pin_reset_at text COLLATE "C"
    );
    CREATE TABLE laptop_pin_resets (
      device_id text COLLATE "C" PRIMARY KEY,
      id text COLLATE "C" NOT NULL,
      pin_hash text COLLATE "C" NOT NULL,
      set_at text COLLATE "C" NOT NULL,
      applied_in_sequence integer,
      applied_reported_at text COLLATE "C"
    );
    CREATE TABLE local_settings (
      key text COLLATE "C" PRIMARY KEY,
      value text COLLATE "C" NOT NULL
    );
    CREATE TABLE membership_schemes (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      -- JSON array of course ids: attending any one of them meets the requirement.
      required_course_ids text COLLATE "C" NOT NULL CHECK (json_valid(required_course_ids)),
      window_months integer NOT NULL CHECK (window_months BETWEEN 1 AND 60),
      -- The membership year's first day as MM-DD, or NULL for rolling 12-month terms.
      year_starts text COLLATE "C" CHECK (year_starts IS NULL OR year_starts ~ '^[0-1][0-9]-[0-3][0-9]$'),
      -- Recorded only, in pence; no payment is processed.
      fee_pence integer CHECK (fee_pence IS NULL OR fee_pence >= 0),
      grace_days integer NOT NULL CHECK (grace_days >= 0)
    );
    CREATE INDEX membership_schemes_by_name ON membership_schemes (lower(name));
    CREATE TABLE membership_terms (
      id text COLLATE "C" PRIMARY KEY,
      scheme_id text COLLATE "C" NOT NULL REFERENCES membership_schemes (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      starts_on text COLLATE "C" NOT NULL,
      -- The term's last day, inclusive.
      ends_on text COLLATE "C" NOT NULL CHECK (ends_on >= starts_on),
      origin text COLLATE "C" NOT NULL CHECK (origin IN ('new', 'renewal', 'rejoin')),
      fee_pence integer CHECK (fee_pence IS NULL OR fee_pence >= 0),
      paid_on text COLLATE "C",
      -- The member's organisation when the term began.
      organisation_id text COLLATE "C" REFERENCES organisations (id) DEFERRABLE,
      notes text COLLATE "C",
      cancelled_on text COLLATE "C",
      -- Set on a joining term (new or rejoin) the office exempted from the training requirement.
      exempt_reason text COLLATE "C",
      created_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX membership_terms_by_member ON membership_terms (scheme_id, person_id, starts_on);
    CREATE INDEX membership_terms_by_person ON membership_terms (person_id);
    CREATE TABLE membership_requests (
      id text COLLATE "C" PRIMARY KEY,
      -- No reference: a laptop holds no schemes, only their names from its package; the office checks it knows the scheme.
      scheme_id text COLLATE "C" NOT NULL,
      -- The scheme's name as the laptop showed it.
      scheme_name text COLLATE "C" NOT NULL,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      -- The session at which it was asked; pruned with the session's other personal rows.
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      notes text COLLATE "C",
      requested_at text COLLATE "C" NOT NULL,
      -- The laptop that took it: the change's author.
      device_id text COLLATE "C" NOT NULL,
      status text COLLATE "C" NOT NULL CHECK (status IN ('open', 'confirmed', 'declined')),
      decided_at text COLLATE "C",
      decline_reason text COLLATE "C",
      -- The term the office added when it confirmed the request.
      term_id text COLLATE "C" REFERENCES membership_terms (id) DEFERRABLE
    );
    CREATE INDEX membership_requests_by_person ON membership_requests (person_id);
    CREATE INDEX membership_requests_by_session ON membership_requests (session_id);
    CREATE INDEX membership_requests_by_status ON membership_requests (status, requested_at);
    CREATE TABLE office_server (
      singleton integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY CHECK (singleton = 1),
      addresses text COLLATE "C" NOT NULL CHECK (json_valid(addresses)),
      spki_sha256 text COLLATE "C" NOT NULL,
      recorded_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE organisation_requests (
      id text COLLATE "C" PRIMARY KEY,
      organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id) DEFERRABLE,
      course_id text COLLATE "C" NOT NULL REFERENCES courses (id) DEFERRABLE,
      contact_name text COLLATE "C" NOT NULL,
      contact_email text COLLATE "C",
      contact_phone text COLLATE "C",
      staff_count integer NOT NULL CHECK (staff_count > 0),
      preferred_dates text COLLATE "C",
      notes text COLLATE "C",
      status text COLLATE "C" NOT NULL CHECK (status IN ('waiting', 'scheduled', 'declined')),
      decline_reason text COLLATE "C",
      session_id text COLLATE "C" REFERENCES sessions (id) DEFERRABLE,
      requested_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX organisation_requests_by_arrival ON organisation_requests (status, requested_at);
    CREATE TABLE outgoing_bundles (
      bundle_id text COLLATE "C" PRIMARY KEY,
      recipient_device_id text COLLATE "C" NOT NULL,
      sequence integer NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      created_hlc text COLLATE "C" NOT NULL,
      -- The local changes it carries: hlc after from_hlc, up to and including to_hlc.
      from_hlc text COLLATE "C" NOT NULL,
      to_hlc text COLLATE "C" NOT NULL,
      summary text COLLATE "C" NOT NULL CHECK (json_valid(summary)),
      acknowledged_at text COLLATE "C",
      UNIQUE (recipient_device_id, sequence)
    );
    CREATE TABLE package_membership_lines (
      person_id text COLLATE "C" NOT NULL,
      scheme_id text COLLATE "C" NOT NULL,
      status text COLLATE "C" NOT NULL CHECK (status IN ('current', 'in_grace', 'expired', 'cancelled')),
      outcome text COLLATE "C" NOT NULL CHECK (outcome IN ('trained', 'due', 'not_trained', 'exempt')),
      due_by text COLLATE "C" NOT NULL,
      as_of text COLLATE "C" NOT NULL,
      PRIMARY KEY (person_id, scheme_id)
    );
    CREATE TABLE package_membership_schemes (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      -- JSON array of the required courses' titles.
      required_courses text COLLATE "C" NOT NULL
    );
    CREATE TABLE package_people (
      person_id text COLLATE "C" NOT NULL,
      bundle_id text COLLATE "C" NOT NULL,
      PRIMARY KEY (person_id, bundle_id)
    );
    CREATE TABLE packages_unrecorded (
      bundle_id text COLLATE "C" PRIMARY KEY
    );
    CREATE TABLE paired_office (
      singleton integer NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      device_id text COLLATE "C" NOT NULL,
      name text COLLATE "C" NOT NULL,
      signing_public_key text COLLATE "C" NOT NULL,
      age_recipient text COLLATE "C" NOT NULL,
      team text COLLATE "C",
      facilitators text COLLATE "C" NOT NULL CHECK (json_valid(facilitators)),
      enrolled_at text COLLATE "C" NOT NULL,
      server_addresses text COLLATE "C" CHECK (server_addresses IS NULL OR json_valid(server_addresses)),
      server_spki_sha256 text COLLATE "C"
    );
    CREATE TABLE pending_anonymous_completions (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      completed_on text COLLATE "C" NOT NULL,
      UNIQUE (session_id, person_id)
    );
    CREATE TABLE pending_anonymous_responses (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      template_id text COLLATE "C" NOT NULL REFERENCES evaluation_templates (id) DEFERRABLE,
      answers text COLLATE "C" NOT NULL CHECK (json_valid(answers)),
      submitted_on text COLLATE "C" NOT NULL,
      moment text COLLATE "C" NOT NULL DEFAULT 'after' CHECK (moment IN ('before', 'after', 'follow_up')),
      late integer NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      pairing_code text COLLATE "C"
    );
    CREATE TABLE pending_pairing_codes (
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      code text COLLATE "C" NOT NULL UNIQUE,
      PRIMARY KEY (session_id, person_id)
    );
    CREATE TABLE person_search_keys (
      key text COLLATE "C" NOT NULL,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
      PRIMARY KEY (key, person_id)
    );
    CREATE INDEX person_search_keys_by_person ON person_search_keys (person_id);
    CREATE TABLE person_sort_keys (
      person_id text COLLATE "C" PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
      key text COLLATE "C" NOT NULL
    );
    CREATE UNIQUE INDEX person_sort_keys_in_order ON person_sort_keys (key, person_id);
    CREATE TABLE received_bundles (
      bundle_id text COLLATE "C" PRIMARY KEY,
      sender_device_id text COLLATE "C" NOT NULL,
      sequence integer NOT NULL,
      kind text COLLATE "C" NOT NULL CHECK (kind IN ('bundle', 'package')),
      created_hlc text COLLATE "C" NOT NULL,
      imported_at text COLLATE "C" NOT NULL,
      file_name text COLLATE "C" NOT NULL,
      summary text COLLATE "C" NOT NULL CHECK (json_valid(summary)),
      repeats_seen integer NOT NULL DEFAULT 0
    );
    CREATE INDEX received_bundles_by_sender ON received_bundles (sender_device_id, sequence);
    CREATE TABLE refused_imports (
      id text COLLATE "C" PRIMARY KEY,
      at text COLLATE "C" NOT NULL,
      file_name text COLLATE "C" NOT NULL,
      reason text COLLATE "C" NOT NULL
    );
    CREATE INDEX refused_imports_by_time ON refused_imports (at);
    CREATE TABLE report_source_versions (source text COLLATE "C" PRIMARY KEY, version bigint NOT NULL);
    CREATE TABLE saved_reports (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      choice text COLLATE "C" NOT NULL CHECK (json_valid(choice)),
      saved_at text COLLATE "C" NOT NULL,
      deleted_at text COLLATE "C"
    );
    CREATE INDEX saved_reports_by_name ON saved_reports (lower(name)) WHERE deleted_at IS NULL;
    CREATE TABLE session_notes (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      text text COLLATE "C" NOT NULL,
      tags text COLLATE "C" NOT NULL CHECK (json_valid(tags)),
      needs_response integer NOT NULL CHECK (needs_response IN (0, 1)),
      status text COLLATE "C" NOT NULL CHECK (status IN ('open', 'responded', 'closed')),
      response text COLLATE "C",
      created_at text COLLATE "C" NOT NULL,
      responded_at text COLLATE "C"
    );
    CREATE INDEX session_notes_by_session ON session_notes (session_id);
    CREATE INDEX session_notes_by_status ON session_notes (status, created_at);
    CREATE TABLE sign_in_address_failures (
      address text COLLATE "C" NOT NULL,
      failed_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX sign_in_address_failures_by_address ON sign_in_address_failures (address, failed_at);
    CREATE TABLE sign_ins (
      id text COLLATE "C" PRIMARY KEY,
      session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) DEFERRABLE,
      person_id text COLLATE "C" NOT NULL REFERENCES people (id) DEFERRABLE,
      kind text COLLATE "C" NOT NULL CHECK (kind IN ('sign_in', 'undo')),
      method text COLLATE "C" NOT NULL CHECK (method IN ('facilitator', 'kiosk', 'walk_in')),
      corrects_id text COLLATE "C" REFERENCES sign_ins (id) DEFERRABLE,
      hlc text COLLATE "C" NOT NULL,
      recorded_at text COLLATE "C" NOT NULL,
      device_id text COLLATE "C" NOT NULL,
      CHECK ((kind = 'undo') = (corrects_id IS NOT NULL))
    );
    CREATE INDEX sign_ins_by_session_person ON sign_ins (session_id, person_id, hlc, kind);
    CREATE TABLE staff_audit (
      id text COLLATE "C" PRIMARY KEY,
      at text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      staff_id text COLLATE "C",
      staff_name text COLLATE "C",
      address text COLLATE "C",
      detail text COLLATE "C" NOT NULL
    );
    CREATE INDEX staff_audit_by_time ON staff_audit (at);
    CREATE TABLE staff_members (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text COLLATE "C" NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
      role text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
      active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      password_hash text COLLATE "C" NOT NULL,
      must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
      locked_until text COLLATE "C",
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE staff_sessions (
      token_hash text COLLATE "C" PRIMARY KEY,
      staff_id text COLLATE "C" NOT NULL REFERENCES staff_members (id) DEFERRABLE,
      csrf_token text COLLATE "C" NOT NULL,
      address text COLLATE "C" NOT NULL,
      started_at text COLLATE "C" NOT NULL,
      last_seen_at text COLLATE "C" NOT NULL,
      ended_at text COLLATE "C"
    );
    CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id) WHERE ended_at IS NULL;
    CREATE TABLE unapplied_rows (
      table_name text COLLATE "C" NOT NULL,
      row_id text COLLATE "C" NOT NULL,
      reason text COLLATE "C" NOT NULL,
      device_id text COLLATE "C",
      waits_for text COLLATE "C",
      PRIMARY KEY (table_name, row_id)
    );
    CREATE INDEX unapplied_rows_by_device ON unapplied_rows (device_id);
    CREATE INDEX unapplied_rows_by_record_awaited ON unapplied_rows (waits_for) WHERE waits_for IS NOT NULL;

    -- The rows SQLite's migrations insert: the kiosk's one row and a version per reported table.
    INSERT INTO kiosk (singleton) VALUES (1);
    INSERT INTO report_source_versions (source, version) VALUES
      ('sign_ins', 0),
      ('sessions', 0),
      ('people', 0),
      ('organisations', 0),
      ('evaluation_responses', 0),
      ('evaluation_templates', 0),
      ('equality_answers', 0),
      ('membership_terms', 0);

    -- A random number, not the next one (see SQLite's 0019): within ±2⁵³, so it reads back exactly as a JavaScript number.
    CREATE FUNCTION raise_report_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE report_source_versions SET version = floor((random() * 2 - 1) * 9007199254740991)::bigint WHERE source = TG_ARGV[0];
      RETURN NULL;
    END $$;
    CREATE TRIGGER report_version_sign_ins_update AFTER UPDATE ON sign_ins FOR EACH ROW
      WHEN (OLD.session_id IS DISTINCT FROM NEW.session_id OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.hlc IS DISTINCT FROM NEW.hlc)
      EXECUTE FUNCTION raise_report_version('sign_ins');
    CREATE TRIGGER report_version_sign_ins_delete AFTER DELETE ON sign_ins FOR EACH ROW EXECUTE FUNCTION raise_report_version('sign_ins');
    CREATE TRIGGER report_version_sessions_insert AFTER INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_sessions_update AFTER UPDATE ON sessions FOR EACH ROW
      WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.venue_id IS DISTINCT FROM NEW.venue_id OR OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status OR OLD.facilitators IS DISTINCT FROM NEW.facilitators OR OLD.contract_id IS DISTINCT FROM NEW.contract_id)
      EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_sessions_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_people_update AFTER UPDATE ON people FOR EACH ROW
      WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.merged_into IS DISTINCT FROM NEW.merged_into)
      EXECUTE FUNCTION raise_report_version('people');
    CREATE TRIGGER report_version_people_delete AFTER DELETE ON people FOR EACH ROW EXECUTE FUNCTION raise_report_version('people');
    CREATE TRIGGER report_version_organisations_insert AFTER INSERT ON organisations FOR EACH ROW EXECUTE FUNCTION raise_report_version('organisations');
    CREATE TRIGGER report_version_organisations_update AFTER UPDATE ON organisations FOR EACH ROW
      WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.sector IS DISTINCT FROM NEW.sector OR OLD.merged_into IS DISTINCT FROM NEW.merged_into)
      EXECUTE FUNCTION raise_report_version('organisations');
    CREATE TRIGGER report_version_organisations_delete AFTER DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION raise_report_version('organisations');
    CREATE TRIGGER report_version_evaluation_responses_update AFTER UPDATE ON evaluation_responses FOR EACH ROW
      WHEN (OLD.session_id IS DISTINCT FROM NEW.session_id OR OLD.template_id IS DISTINCT FROM NEW.template_id OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.answers IS DISTINCT FROM NEW.answers)
      EXECUTE FUNCTION raise_report_version('evaluation_responses');
    CREATE TRIGGER report_version_evaluation_responses_delete AFTER DELETE ON evaluation_responses FOR EACH ROW EXECUTE FUNCTION raise_report_version('evaluation_responses');
    CREATE TRIGGER report_version_evaluation_templates_insert AFTER INSERT ON evaluation_templates FOR EACH ROW EXECUTE FUNCTION raise_report_version('evaluation_templates');
    CREATE TRIGGER report_version_evaluation_templates_update AFTER UPDATE ON evaluation_templates FOR EACH ROW
      WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.items IS DISTINCT FROM NEW.items)
      EXECUTE FUNCTION raise_report_version('evaluation_templates');
    CREATE TRIGGER report_version_evaluation_templates_delete AFTER DELETE ON evaluation_templates FOR EACH ROW EXECUTE FUNCTION raise_report_version('evaluation_templates');
    CREATE TRIGGER report_version_equality_answers_insert AFTER INSERT ON equality_answers FOR EACH ROW EXECUTE FUNCTION raise_report_version('equality_answers');
    CREATE TRIGGER report_version_equality_answers_update AFTER UPDATE ON equality_answers FOR EACH ROW
      WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.ethnicity IS DISTINCT FROM NEW.ethnicity OR OLD.answered_at IS DISTINCT FROM NEW.answered_at)
      EXECUTE FUNCTION raise_report_version('equality_answers');
    CREATE TRIGGER report_version_equality_answers_delete AFTER DELETE ON equality_answers FOR EACH ROW EXECUTE FUNCTION raise_report_version('equality_answers');
    CREATE TRIGGER report_version_membership_terms_insert AFTER INSERT ON membership_terms FOR EACH ROW EXECUTE FUNCTION raise_report_version('membership_terms');
    CREATE TRIGGER report_version_membership_terms_update AFTER UPDATE ON membership_terms FOR EACH ROW
      WHEN (OLD.scheme_id IS DISTINCT FROM NEW.scheme_id OR OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.ends_on IS DISTINCT FROM NEW.ends_on OR OLD.origin IS DISTINCT FROM NEW.origin OR OLD.cancelled_on IS DISTINCT FROM NEW.cancelled_on OR OLD.exempt_reason IS DISTINCT FROM NEW.exempt_reason OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
      EXECUTE FUNCTION raise_report_version('membership_terms');
    CREATE TRIGGER report_version_membership_terms_delete AFTER DELETE ON membership_terms FOR EACH ROW EXECUTE FUNCTION raise_report_version('membership_terms');
    CREATE TRIGGER report_version_sessions_facilitator_ids AFTER UPDATE ON sessions FOR EACH ROW
      WHEN (OLD.facilitator_ids IS DISTINCT FROM NEW.facilitator_ids)
      EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_facilitators_insert AFTER INSERT ON facilitators FOR EACH ROW EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_facilitators_update AFTER UPDATE ON facilitators FOR EACH ROW
      WHEN (OLD.name IS DISTINCT FROM NEW.name)
      EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_facilitators_delete AFTER DELETE ON facilitators FOR EACH ROW EXECUTE FUNCTION raise_report_version('sessions');
    CREATE TRIGGER report_version_evaluation_responses_moment AFTER UPDATE ON evaluation_responses FOR EACH ROW
      WHEN (OLD.moment IS DISTINCT FROM NEW.moment OR OLD.late IS DISTINCT FROM NEW.late OR OLD.pairing_code IS DISTINCT FROM NEW.pairing_code)
      EXECUTE FUNCTION raise_report_version('evaluation_responses');
  `,
};
