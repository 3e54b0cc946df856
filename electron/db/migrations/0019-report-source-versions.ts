import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Freshness of the reports' facts kept in memory (electron/core/reports/facts/):
 * one version number per table the reports count from, raised by a trigger
 * whenever a row of it that the reports read changes, so a report run after
 * any write (a sign-in undone, a merge, a cancelled session, an import, an
 * erasure, a write from another process) sees that the copy it holds is out
 * of date and reads that table again.
 *
 * Appending rows needs no trigger: sign-ins, people and evaluation responses
 * are read on from the last row the copy holds (by rowid), so the durable
 * sign-in at the venue writes exactly what it wrote before, and adding a
 * person or an answer writes nothing more either. Updates and deletions of
 * those tables, and any change to the small tables, raise the version.
 *
 * The triggers only ever set an existing row to a new random number: they cannot fail, so
 * they never turn a merge's write into a constraint error (which the merge
 * would take for "wait for the missing record"). UPDATE triggers fire only
 * when a column the reports read changed (OLD.x IS NOT NEW.x). A local
 * table: it never travels. Frozen once landed.
 */

const watched = {
  sign_ins: { insert: false, columns: ['session_id', 'person_id', 'kind', 'hlc'] },
  sessions: { insert: true, columns: ['course_id', 'venue_id', 'starts_at', 'status', 'facilitators', 'contract_id'] },
  people: { insert: false, columns: ['organisation_id', 'merged_into'] },
  organisations: { insert: true, columns: ['name', 'sector', 'merged_into'] },
  evaluation_responses: { insert: false, columns: ['session_id', 'template_id', 'person_id', 'answers'] },
  evaluation_templates: { insert: true, columns: ['course_id', 'items'] },
  equality_answers: { insert: true, columns: ['person_id', 'ethnicity', 'answered_at'] },
} as const;

export function up(db: Database): void {
  db.exec(`CREATE TABLE report_source_versions (source TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT, WITHOUT ROWID;`);
  for (const [table, { insert, columns }] of Object.entries(watched)) {
    // A random number, not the next one: after a rolled-back write the copy read inside it may hold
    // version N+1, and counting on from N would make the next real change N+1 again.
    const raise = `BEGIN UPDATE report_source_versions SET version = random() WHERE source = '${table}'; END`;
    const changed = columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
    db.exec(`
      INSERT INTO report_source_versions (source, version) VALUES ('${table}', 0);
      ${insert ? `CREATE TRIGGER report_version_${table}_insert AFTER INSERT ON ${table} ${raise};` : ''}
      CREATE TRIGGER report_version_${table}_update AFTER UPDATE ON ${table} WHEN ${changed} ${raise};
      CREATE TRIGGER report_version_${table}_delete AFTER DELETE ON ${table} ${raise};
    `);
  }
}
