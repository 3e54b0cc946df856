import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The membership report's terms join the reports' facts in memory
 * (migration 0019): membership_terms gets a version of its own, set to a new
 * random number by a trigger whenever a term is added, changed or removed.
 * Terms are office data, written a few at a time, so the report reads them
 * all again after a change. The triggers only update an existing row: they
 * cannot fail. Frozen once landed.
 */
export function up(db: Database): void {
  const raise = "BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'membership_terms'; END";
  const columns = ['scheme_id', 'person_id', 'starts_on', 'ends_on', 'origin', 'cancelled_on', 'exempt_reason', 'organisation_id'];
  db.exec(`
    INSERT INTO report_source_versions (source, version) VALUES ('membership_terms', 0);
    CREATE TRIGGER report_version_membership_terms_insert AFTER INSERT ON membership_terms ${raise};
    CREATE TRIGGER report_version_membership_terms_update AFTER UPDATE ON membership_terms
      WHEN ${columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')} ${raise};
    CREATE TRIGGER report_version_membership_terms_delete AFTER DELETE ON membership_terms ${raise};
  `);
}
