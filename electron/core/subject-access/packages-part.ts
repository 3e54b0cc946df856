import type { SubjectAccessPart } from '../../../shared/contract';
import { cell } from '../exports/table';
import { partOf, type AccessContext } from './context';

/**
 * Which laptops were sent their data, in which package. Each package the
 * office writes records the people it carried (package_people, schema 0018);
 * a package carries a person's record with their bookings and sign-ins when
 * they are booked on one of that laptop's sessions to come. Packages written
 * before that record began are listed per laptop as not recorded.
 */

interface SentRow {
  laptop: string;
  first: number;
  last: number;
  count: number;
  firstAt: string;
  lastAt: string;
  recorded: number;
}

export const UNRECORDED_WORDS =
  'Not recorded: these packages were written before Fieldbook kept who each package carried. Each carried the people booked on that laptop\'s sessions to come at the time.';

export function packagesPart(access: AccessContext): SubjectAccessPart {
  const people = JSON.stringify(access.rows.people);
  const rows = access.sqlite
    .prepare(
      `SELECT coalesce(d.name, 'A laptop no longer enrolled') AS laptop, min(b.sequence) AS first, max(b.sequence) AS last, count(*) AS count,
              min(b.created_at) AS firstAt, max(b.created_at) AS lastAt, 1 AS recorded
       FROM outgoing_bundles b LEFT JOIN enrolled_devices d ON d.device_id = b.recipient_device_id
       WHERE b.bundle_id IN (SELECT bundle_id FROM package_people WHERE person_id IN (SELECT value FROM json_each(?)))
       GROUP BY b.bundle_id
       UNION ALL
       SELECT coalesce(d.name, 'A laptop no longer enrolled'), min(b.sequence), max(b.sequence), count(*), min(b.created_at), max(b.created_at), 0
       FROM outgoing_bundles b LEFT JOIN enrolled_devices d ON d.device_id = b.recipient_device_id
       WHERE b.bundle_id IN (SELECT bundle_id FROM packages_unrecorded)
       GROUP BY b.recipient_device_id
       ORDER BY laptop, first`,
    )
    .all(people) as SentRow[];
  const packages = (row: SentRow) =>
    row.count === 1 ? `Package ${row.first}` : `Packages ${row.first} to ${row.last} (${row.count.toLocaleString('en-GB')} packages)`;
  return partOf(
    'packages',
    'Sent to laptops',
    'Each package the office wrote for a facilitator\'s laptop that carried their record, with their bookings and sign-ins at that laptop\'s sessions. A laptop removes them after their sessions, once the office holds its end-of-day files and the laptop\'s retention window has passed.',
    [
      ['Laptop', (row) => cell.text(row.laptop)],
      ['Package', (row) => cell.text(packages(row))],
      ['Written at', (row) => cell.instant(row.firstAt)],
      ['Last written at', (row) => cell.instant(row.count === 1 ? null : row.lastAt)],
      ['Carried their data', (row) => cell.text(row.recorded ? 'Yes' : UNRECORDED_WORDS)],
    ],
    rows,
  );
}
