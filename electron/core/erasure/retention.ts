import type { PastRetention, RetentionSettings } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { localDate } from '../deps';
import { displayName } from '../signin/roster';
import { saveSetting, setting } from '../sync/settings';
import { inboxRetentionDays } from './inbox-retention';

/**
 * How long the office keeps a person after they were last seen, and who is
 * past it. Last seen is the latest of: a session they were signed in at or
 * booked on, the end of a membership term, and a change to their record,
 * over everyone merged with them. The office reviews the list and erases
 * from it; nothing is erased by itself.
 */

export const DEFAULT_PERSON_RETENTION_YEARS = 6;
const SHOWN = 500;

export function personRetentionYears(ctx: CoreContext): number {
  const value = Number(setting(ctx, 'person_retention_years'));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PERSON_RETENTION_YEARS;
}

export function retentionSettings(ctx: CoreContext): RetentionSettings {
  return { personRetentionYears: personRetentionYears(ctx), inboxRetentionDays: inboxRetentionDays(ctx) };
}

export function saveRetentionSettings(ctx: CoreContext, input: RetentionSettings): RetentionSettings {
  saveSetting(ctx, 'person_retention_years', String(input.personRetentionYears));
  saveSetting(ctx, 'inbox_retention_days', String(input.inboxRetentionDays));
  return retentionSettings(ctx);
}

/** The day `years` before today, "2020-03-12" (29 February falls back to the 28th). */
function yearsBefore(today: string, years: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year - years, month - 1, day));
  if (date.getUTCMonth() !== month - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

interface Row {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  organisation_name: string | null;
  last_seen: string;
}

export function pastRetention(ctx: CoreContext): PastRetention {
  const years = personRetentionYears(ctx);
  const before = yearsBefore(localDate(ctx.clock()), years);
  // Each person's own last day, then the latest over the record they were merged into (people merged away are not listed).
  const query = `
    WITH RECURSIVE root(id, root_id) AS (
      SELECT id, id FROM people WHERE merged_into IS NULL
      UNION ALL SELECT p.id, root.root_id FROM people p JOIN root ON p.merged_into = root.id
    ),
    seen(person_id, day) AS (
      SELECT s.person_id, substr(x.starts_at, 1, 10) FROM sign_ins s JOIN sessions x ON x.id = s.session_id
      UNION ALL SELECT b.person_id, substr(x.starts_at, 1, 10) FROM bookings b JOIN sessions x ON x.id = b.session_id
      UNION ALL SELECT person_id, ends_on FROM membership_terms
      UNION ALL SELECT row_id, date(CAST(substr(hlc, 1, 15) AS INTEGER) / 1000, 'unixepoch') FROM change_log WHERE table_name = 'people'
    ),
    last(root_id, day) AS (SELECT root.root_id, max(seen.day) FROM root JOIN seen ON seen.person_id = root.id GROUP BY root.root_id)
    SELECT p.id, p.given_name, p.family_name, p.preferred_name, o.name AS organisation_name, last.day AS last_seen
    FROM last JOIN people p ON p.id = last.root_id LEFT JOIN organisations o ON o.id = p.organisation_id
    WHERE last.day < ?`;
  const total = ctx.sqlite.prepare(`SELECT count(*) FROM (${query})`).pluck().get(before) as number;
  const rows = ctx.sqlite.prepare(`${query} ORDER BY last.day, p.family_name, p.given_name LIMIT ${SHOWN}`).all(before) as Row[];
  return {
    personRetentionYears: years,
    before,
    total,
    people: rows.map((row) => ({ id: row.id, name: displayName(row), organisationName: row.organisation_name, lastSeen: row.last_seen })),
  };
}
