import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Capacity and waitlists: each booking's place in the queue, why it was
 * moved, whether a waiting person is in the room; group bookings that hold
 * places for an organisation's staff; every change to a booking as an
 * append-only event; and organisations' requests for in-house delivery.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE group_bookings (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      organisation_id TEXT NOT NULL REFERENCES organisations (id),
      places INTEGER NOT NULL CHECK (places >= 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX group_bookings_by_session ON group_bookings (session_id);

    ALTER TABLE bookings ADD COLUMN waitlist_position REAL;
    ALTER TABLE bookings ADD COLUMN priority_reason TEXT;
    ALTER TABLE bookings ADD COLUMN present_at TEXT;
    ALTER TABLE bookings ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1));
    ALTER TABLE bookings ADD COLUMN group_booking_id TEXT REFERENCES group_bookings (id);
    CREATE INDEX bookings_by_session_state ON bookings (session_id, state, waitlist_position);

    CREATE TABLE booking_events (
      id TEXT PRIMARY KEY,
      booking_id TEXT NOT NULL REFERENCES bookings (id),
      session_id TEXT NOT NULL REFERENCES sessions (id),
      event TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      reason TEXT,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      hlc TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX booking_events_by_booking ON booking_events (booking_id, hlc);

    CREATE TABLE organisation_requests (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations (id),
      course_id TEXT NOT NULL REFERENCES courses (id),
      contact_name TEXT NOT NULL,
      contact_email TEXT,
      contact_phone TEXT,
      staff_count INTEGER NOT NULL CHECK (staff_count > 0),
      preferred_dates TEXT,
      notes TEXT,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'scheduled', 'declined')),
      decline_reason TEXT,
      session_id TEXT REFERENCES sessions (id),
      requested_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX organisation_requests_by_arrival ON organisation_requests (status, requested_at);
  `);
}
