import { sql, type Kysely, type Transaction } from 'kysely';
import type { JoinRequestStatus, MemberLine, MemberRequest, SessionMembership } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import type { Schema } from '../../db/schema';
import type { WriteScope } from '../write';
import { displayName } from '../signin/roster';
import { dayInWords, statusOn } from './dates';
import { joinScheme, renewScheme, schemeRow } from './join';
import { membershipLines } from './lines';
import { termDates, termsOfMember } from './terms';

/**
 * "Wants to join": a facilitator records it on a laptop for someone on a
 * session's roster, it travels in the laptop's bundle, and the office
 * confirms it (adding their term) or declines it. Also the roster's
 * membership lines, read from the package on a laptop and worked out from
 * the terms at the office.
 */

type Reader = Kysely<Schema> | Transaction<Schema>;

async function bookedOn(db: Reader, sessionId: string): Promise<string[]> {
  const session = await db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw new FieldbookError('NOT_FOUND', 'Choose the session again: that one could not be found.');
  return (await db.selectFrom('bookings').select('person_id').where('session_id', '=', sessionId).execute()).map((row) => row.person_id);
}

async function requestsAt(db: Reader, sessionId: string): Promise<SessionMembership['requests']> {
  const rows = await db
    .selectFrom('membership_requests')
    .select(['id', 'person_id', 'scheme_id', 'scheme_name', 'requested_at'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .orderBy('requested_at')
    .execute();
  return rows.map((row) => ({ id: row.id, personId: row.person_id, schemeId: row.scheme_id, schemeName: row.scheme_name, requestedAt: row.requested_at }));
}

/** On a laptop: the lines its latest package brought for the people booked on this session. */
async function fromPackage(db: Reader, people: string[]): Promise<Pick<SessionMembership, 'asOf' | 'schemes' | 'lines'>> {
  const schemes = await db.selectFrom('package_membership_schemes').selectAll().orderBy('name').execute();
  const courses = new Map(schemes.map((scheme) => [scheme.id, JSON.parse(scheme.required_courses) as string[]]));
  const names = new Map(schemes.map((scheme) => [scheme.id, scheme.name]));
  const rows = people.length ? await db.selectFrom('package_membership_lines').selectAll().where('person_id', 'in', people).execute() : [];
  const lines: MemberLine[] = rows
    .filter((row) => names.has(row.scheme_id))
    .map((row) => ({
      personId: row.person_id,
      schemeId: row.scheme_id,
      schemeName: names.get(row.scheme_id)!,
      requiredCourses: courses.get(row.scheme_id)!,
      status: row.status,
      outcome: row.outcome,
      dueBy: row.due_by,
    }));
  const asOf = (await db.selectFrom('package_membership_lines').select(({ fn }) => fn.max('as_of').as('asOf')).executeTakeFirst())?.asOf ?? null;
  return { asOf, schemes: schemes.map((scheme) => ({ id: scheme.id, name: scheme.name })), lines };
}

export async function sessionMembership(db: Reader, role: 'laptop' | 'office', sessionId: string, today: string): Promise<SessionMembership> {
  const people = await bookedOn(db, sessionId);
  const requests = await requestsAt(db, sessionId);
  if (role === 'laptop') {
    const part = await fromPackage(db, people);
    return { ...part, canRequest: part.schemes.length > 0, requests };
  }
  const worked = await membershipLines(db, people, today);
  const schemes = new Map(worked.schemes.map((scheme) => [scheme.id, scheme]));
  return {
    asOf: today,
    canRequest: false,
    schemes: worked.schemes.map(({ id, name }) => ({ id, name })),
    lines: worked.lines.map((line) => ({ ...line, schemeName: schemes.get(line.schemeId)!.name, requiredCourses: schemes.get(line.schemeId)!.requiredCourses })),
    requests,
  };
}

/** On a laptop: records that someone on this session's roster wants to join one of the package's schemes. Once per person and scheme while open. */
export async function recordRequest(scope: WriteScope, input: { sessionId: string; personId: string; schemeId: string; notes: string | null }, now: Date): Promise<void> {
  const people = await bookedOn(scope.trx, input.sessionId);
  const person = await scope.trx.selectFrom('people').select(['given_name']).where('id', '=', input.personId).executeTakeFirst();
  if (!person || !people.includes(input.personId)) {
    throw new FieldbookError('INVALID_INPUT', 'Choose someone on this session’s list: that person is not booked on it.', { personId: 'Choose someone on this session’s list.' });
  }
  const scheme = await scope.trx.selectFrom('package_membership_schemes').select(['id', 'name']).where('id', '=', input.schemeId).executeTakeFirst();
  if (!scheme) {
    throw new FieldbookError('INVALID_INPUT', 'Choose a scheme from the list: that one is not in the latest package from the office.', { schemeId: 'Choose a scheme from the list.' });
  }
  const line = await scope.trx.selectFrom('package_membership_lines').select('status').where('person_id', '=', input.personId).where('scheme_id', '=', input.schemeId).executeTakeFirst();
  if (line?.status === 'current') throw new FieldbookError('CONFLICT', `No need to ask the office: ${person.given_name} is already a member of ${scheme.name}.`);
  const open = await scope.trx
    .selectFrom('membership_requests')
    .select('id')
    .where('person_id', '=', input.personId)
    .where('scheme_id', '=', input.schemeId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return;
  await scope.insert('membership_requests', {
    id: scope.newId(),
    scheme_id: scheme.id,
    scheme_name: scheme.name,
    person_id: input.personId,
    session_id: input.sessionId,
    notes: input.notes,
    requested_at: now.toISOString(),
    device_id: scope.deviceId,
    status: 'open',
    decided_at: null,
    decline_reason: null,
    term_id: null,
  });
}

function requestQuery(db: Reader) {
  return db
    .selectFrom('membership_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('enrolled_devices as d', 'd.device_id', 'r.device_id')
    .leftJoin('membership_schemes as m', 'm.id', 'r.scheme_id')
    .selectAll('r')
    .select(['p.given_name', 'p.family_name', 'p.preferred_name', 'o.name as organisation_name', 'c.title as course_title', 's.starts_at', 'd.name as laptop_name'])
    .select(sql<number>`m.id IS NOT NULL`.as('scheme_known'));
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toView(row: RequestRow): MemberRequest {
  return {
    id: row.id,
    personId: row.person_id,
    name: displayName(row),
    organisationName: row.organisation_name,
    schemeId: row.scheme_id,
    schemeName: row.scheme_name,
    schemeKnown: row.scheme_known === 1,
    sessionId: row.session_id,
    courseTitle: row.course_title,
    sessionStartsAt: row.starts_at,
    laptopName: row.laptop_name ?? 'A laptop',
    requestedAt: row.requested_at,
    notes: row.notes,
    status: row.status,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    termId: row.term_id,
  };
}

export async function listRequests(db: Reader, status: JoinRequestStatus): Promise<MemberRequest[]> {
  const rows = await requestQuery(db).where('r.status', '=', status).orderBy('r.requested_at').execute();
  return rows.map(toView);
}

export async function getRequest(db: Reader, id: string): Promise<MemberRequest> {
  const row = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the request to join again: that one could not be found.');
  return toView(row);
}

async function openRequest(scope: WriteScope, id: string) {
  const request = await getRequest(scope.trx, id);
  if (request.status !== 'open') {
    throw new FieldbookError('CONFLICT', `No need to answer it again: this request was already ${request.status} on ${dayInWords(request.decidedAt!.slice(0, 10))}.`);
  }
  return request;
}

/**
 * Adds their term as the office's Add a member or Renew would: their first
 * term, or the next one when they were a member before (renewal or rejoin,
 * worked out). Someone already a current member is refused: decline instead.
 */
export async function confirmRequest(
  scope: WriteScope,
  input: { id: string; startsOn?: string; feePence?: number | null; paidOn: string | null },
  today: string,
  now: Date,
): Promise<void> {
  const request = await openRequest(scope, input.id);
  if (!request.schemeKnown) {
    throw new FieldbookError('CONFLICT', `Decline this request: the office has no scheme called ${request.schemeName} any more.`);
  }
  const scheme = await schemeRow(scope, request.schemeId);
  const { rows } = await termsOfMember(scope, request.schemeId, request.personId);
  const choice = { schemeId: request.schemeId, personId: request.personId, feePence: input.feePence, paidOn: input.paidOn, notes: request.notes };
  let added: { termId: string };
  if (rows.length === 0) {
    added = await joinScheme(scope, { ...choice, startsOn: input.startsOn ?? today });
  } else {
    if (statusOn(rows.map(termDates), input.startsOn ?? today, scheme.grace_days) === 'current') {
      const latest = rows.at(-1)!;
      throw new FieldbookError('CONFLICT', `Decline this request, or renew from their page: ${request.name} is already a member of ${scheme.name} until ${dayInWords(latest.ends_on)}.`);
    }
    added = await renewScheme(scope, { ...choice, ...(input.startsOn && { startsOn: input.startsOn }) }, today);
  }
  await scope.update('membership_requests', input.id, { status: 'confirmed', decided_at: now.toISOString(), term_id: added.termId });
}

export async function declineRequest(scope: WriteScope, input: { id: string; reason: string | null }, now: Date): Promise<void> {
  await openRequest(scope, input.id);
  await scope.update('membership_requests', input.id, { status: 'declined', decided_at: now.toISOString(), decline_reason: input.reason });
}
