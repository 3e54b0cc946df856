import { sql, type Kysely, type Transaction } from 'kysely';
import type { MemberRow, MemberStatus, Term, Training } from '../../../shared/contract/membership';
import { DUE_SOON_DAYS } from '../../../shared/contract/membership';
import type { ParsedInput } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { MembershipSchemesTable, MembershipTermsTable, Schema } from '../../db/schema';
import { displayName } from '../signin/roster';
import { firstAttendance } from './attendance';
import { addDays, statusOn } from './dates';
import { mergedPeople } from './merged-people';
import { courseIdsOf } from './schemes';
import { trainingOf } from './training';

type Reader = Kysely<Schema> | Transaction<Schema>;

/** A person's membership of one scheme, as of a day. */
export interface MemberRecord {
  scheme: MembershipSchemesTable;
  personId: string;
  terms: Term[];
  status: MemberStatus | null;
  joinings: Training[];
}

function termsWithOrganisation(db: Reader) {
  return db.selectFrom('membership_terms as t').leftJoin('organisations as o', 'o.id', 't.organisation_id').selectAll('t').select('o.name as organisation_name');
}

function termOf(row: MembershipTermsTable & { organisation_name: string | null }): Term {
  return {
    id: row.id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    origin: row.origin,
    feePence: row.fee_pence,
    paidOn: row.paid_on,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    notes: row.notes,
    cancelledOn: row.cancelled_on,
    exemptReason: row.exempt_reason,
  };
}

/** One term as the member's page shows it: what a refused edit of it carries back as the newer values. */
export async function getTerm(db: Reader, termId: string): Promise<Term> {
  const row = await termsWithOrganisation(db).where('t.id', '=', termId).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the membership term again: that one could not be found.');
  return termOf(row);
}

/**
 * Every member's terms, status and training as of a day, for one scheme or
 * all, and for one person (with anyone merged into them) or everyone.
 */
export async function memberRecords(db: Reader, asOf: string, filter: { schemeId?: string; personId?: string } = {}): Promise<MemberRecord[]> {
  let schemeQuery = db.selectFrom('membership_schemes').selectAll();
  if (filter.schemeId) schemeQuery = schemeQuery.where('id', '=', filter.schemeId);
  const schemes = await schemeQuery.execute();
  if (schemes.length === 0) return [];
  const merged = await mergedPeople(db);
  const people = filter.personId ? merged.countingFor(merged.keptFor(filter.personId)) : undefined;

  let termQuery = termsWithOrganisation(db)
    .where('t.scheme_id', 'in', schemes.map((scheme) => scheme.id))
    .orderBy('t.starts_on')
    .orderBy('t.created_at');
  if (people) termQuery = termQuery.where('t.person_id', 'in', people);
  const rows = await termQuery.execute();

  const groups = new Map<string, { scheme: MembershipSchemesTable; personId: string; terms: Term[] }>();
  const schemeById = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  for (const row of rows) {
    const personId = merged.keptFor(row.person_id);
    const key = `${row.scheme_id} ${personId}`;
    const group = groups.get(key) ?? { scheme: schemeById.get(row.scheme_id)!, personId, terms: [] };
    group.terms.push(termOf(row));
    groups.set(key, group);
  }

  const attendance = new Map<string, Map<string, string>>();
  for (const scheme of schemes) attendance.set(scheme.id, await firstAttendance(db, courseIdsOf(scheme), asOf, merged, people));

  return [...groups.values()].map(({ scheme, personId, terms }) => ({
    scheme,
    personId,
    terms,
    status: statusOn(terms, asOf, scheme.grace_days),
    joinings: trainingOf(terms, scheme.window_months, asOf, attendance.get(scheme.id)!.get(personId) ?? null),
  }));
}

async function peopleById(db: Reader, ids: readonly string[]) {
  const found = new Map<string, { name: string; email: string | null; organisationId: string | null; organisationName: string | null }>();
  if (ids.length === 0) return found;
  const query = db
    .selectFrom('people as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.email', 'p.organisation_id', 'o.name as organisation_name']);
  // A whole list reads every member in one go rather than binding thousands of ids.
  const rows =
    ids.length > 500
      ? await query.where(sql<boolean>`p.id IN (SELECT person_id FROM membership_terms) OR p.id IN (SELECT merged_into FROM people)`).execute()
      : await query.where('p.id', 'in', [...ids]).execute();
  for (const row of rows) {
    found.set(row.id, { name: displayName(row), email: row.email, organisationId: row.organisation_id, organisationName: row.organisation_name });
  }
  return found;
}

export async function listMembers(db: Reader, today: string, input: ParsedInput<'members.list'>): Promise<MemberRow[]> {
  const asOf = input.asOf ?? today;
  const records = (await memberRecords(db, asOf, input.schemeId ? { schemeId: input.schemeId } : {})).filter((record) => record.status !== null);
  const people = await peopleById(db, [...new Set(records.map((record) => record.personId))]);
  const query = input.query.toLowerCase();
  const dueSoonBy = addDays(asOf, DUE_SOON_DAYS);
  const rows: MemberRow[] = [];
  for (const record of records) {
    const person = people.get(record.personId)!;
    const latest = record.terms.filter((term) => term.startsOn <= asOf).at(-1)!;
    const training = record.joinings.at(-1)!;
    const row: MemberRow = {
      personId: record.personId,
      name: person.name,
      email: person.email,
      schemeId: record.scheme.id,
      schemeName: record.scheme.name,
      status: record.status!,
      organisationId: latest.organisationId,
      organisationName: latest.organisationName,
      termStartsOn: latest.startsOn,
      termEndsOn: latest.endsOn,
      training,
    };
    if (input.status && row.status !== input.status) continue;
    if (input.organisationId && row.organisationId !== input.organisationId) continue;
    if (input.training && training.outcome !== input.training) continue;
    if (input.dueSoon && !(training.outcome === 'due' && training.dueBy <= dueSoonBy)) continue;
    if (query && !`${row.name} ${row.email ?? ''}`.toLowerCase().includes(query)) continue;
    rows.push(row);
  }
  // Due soon reads soonest first; every other list by name.
  return rows.sort((a, b) =>
    input.dueSoon && a.training.dueBy !== b.training.dueBy ? (a.training.dueBy < b.training.dueBy ? -1 : 1) : a.name.localeCompare(b.name, 'en-GB') || a.schemeName.localeCompare(b.schemeName, 'en-GB'),
  );
}

export async function getMember(db: Reader, today: string, personId: string, asOf = today) {
  const merged = await mergedPeople(db);
  const keptId = merged.keptFor(personId);
  const person = (await peopleById(db, [keptId])).get(keptId);
  if (!person) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
  const records = await memberRecords(db, asOf, { personId: keptId });
  return {
    personId: keptId,
    name: person.name,
    email: person.email,
    organisationId: person.organisationId,
    organisationName: person.organisationName,
    asOf,
    memberships: records
      .sort((a, b) => a.scheme.name.localeCompare(b.scheme.name, 'en-GB'))
      .map((record) => ({ schemeId: record.scheme.id, schemeName: record.scheme.name, status: record.status, terms: record.terms, joinings: record.joinings })),
  };
}
