import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The change report counts from facts in memory (reports/facts/change-facts.ts),
 * which read each answer's moment, lateness and pairing code too: an answer
 * whose moment, late mark or pairing code changes (a merged change from a
 * laptop, a correction) raises the answers' report version like a change to
 * its answers does (0019), so the facts read the answers again.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TRIGGER report_version_evaluation_responses_moment AFTER UPDATE ON evaluation_responses
    WHEN OLD.moment IS NOT NEW.moment OR OLD.late IS NOT NEW.late OR OLD.pairing_code IS NOT NEW.pairing_code
    BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'evaluation_responses'; END;
  `);
}
