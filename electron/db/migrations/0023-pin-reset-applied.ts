import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * At the office: whether a laptop has applied the kiosk PIN reset waiting
 * for it. Each end-of-day file names the last office reset its laptop
 * applied; when that is the one waiting here, the office keeps which file
 * said so and when it was imported, and the Devices and Settings screens
 * show it. A newer reset starts with neither. Local, as the reset itself.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE laptop_pin_resets ADD COLUMN applied_in_sequence INTEGER;
    ALTER TABLE laptop_pin_resets ADD COLUMN applied_reported_at TEXT;
  `);
}
