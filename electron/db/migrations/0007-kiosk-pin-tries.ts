import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The kiosk's wrong-PIN tries and the wait they impose, kept with the kiosk
 * rather than in memory, so quitting and reopening the app gives no fresh
 * tries. Local to this laptop: never in the change log or a bundle. The wait
 * ends at an ISO instant (null when there is none). Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE kiosk ADD COLUMN wrong_pin_tries INTEGER NOT NULL DEFAULT 0 CHECK (wrong_pin_tries >= 0);
    ALTER TABLE kiosk ADD COLUMN pin_locked_until TEXT;
  `);
}
