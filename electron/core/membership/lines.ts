import type { Kysely, Transaction } from 'kysely';
import type { PackageLine, PackageMembership } from '../../../shared/contract/membership';
import type { Schema } from '../../db/schema';
import { memberRecords, type MemberRecord } from './members';
import { mergedPeople } from './merged-people';
import { listSchemes } from './schemes';

type Reader = Kysely<Schema> | Transaction<Schema>;

/** Up to this many people, reading each one's terms alone is quicker than reading every member's. */
const ONE_BY_ONE = 50;

/**
 * What a laptop is told about memberships: every scheme's name and required
 * courses (so a facilitator can record "wants to join"), and for these
 * people only (those booked on its sessions) one line per scheme they are
 * a member of as of the day: status and their latest joining's training
 * outcome and due date, from the same rules as the office's lists. Never a
 * fee, a payment, a note or an exemption's reason.
 */
export async function membershipLines(db: Reader, personIds: readonly string[], asOf: string): Promise<PackageMembership> {
  const schemes = (await listSchemes(db)).map((scheme) => ({
    id: scheme.id,
    name: scheme.name,
    requiredCourses: scheme.requiredCourses.map((course) => course.title),
  }));
  const people = [...new Set(personIds)];
  if (schemes.length === 0 || people.length === 0) return { asOf, schemes, lines: [] };

  const merged = await mergedPeople(db);
  const records: MemberRecord[] =
    people.length <= ONE_BY_ONE
      ? (await Promise.all(people.map((personId) => memberRecords(db, asOf, { personId })))).flat()
      : await memberRecords(db, asOf);
  // Records are the kept person's (a duplicate's terms count for the one kept); the roster may show either id.
  const byKept = new Map<string, MemberRecord[]>();
  for (const record of records) {
    if (record.status === null) continue;
    byKept.set(record.personId, [...(byKept.get(record.personId) ?? []), record]);
  }
  const lines: PackageLine[] = [];
  const seen = new Set<string>();
  for (const personId of people) {
    for (const record of byKept.get(merged.keptFor(personId)) ?? []) {
      const key = `${personId} ${record.scheme.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const training = record.joinings.at(-1)!;
      lines.push({ personId, schemeId: record.scheme.id, status: record.status!, outcome: training.outcome, dueBy: training.dueBy });
    }
  }
  return { asOf, schemes, lines };
}
