import { sql } from 'kysely';
import type { OrganisationRequest } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { holdGroupPlaces } from '../bookings/groups';
import { requireContract } from '../contracts/contracts';
import { sessionFacilitatorColumns } from '../facilitators/session-links';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';

function requestQuery(ctx: CoreContext) {
  return ctx.db
    .selectFrom('organisation_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('courses as c', 'c.id', 'r.course_id')
    .selectAll('r')
    .select(['o.name as organisation_name', 'c.title as course_title'])
    // Queue order: the oldest waiting request is first in line.
    .select(
      sql<number | null>`CASE WHEN r.status = 'waiting' THEN row_number() OVER (PARTITION BY r.status ORDER BY r.requested_at, r.id) END`.as('queue_position'),
    );
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toRequest(row: RequestRow): OrganisationRequest {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    courseId: row.course_id,
    courseTitle: row.course_title,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    staffCount: row.staff_count,
    preferredDates: row.preferred_dates,
    notes: row.notes,
    status: row.status,
    declineReason: row.decline_reason,
    sessionId: row.session_id,
    requestedAt: row.requested_at,
    queuePosition: row.queue_position,
  };
}

async function getRequest(ctx: CoreContext, id: string): Promise<OrganisationRequest> {
  // The queue position is a window over every request, so filter outside it.
  const row = await ctx.db.selectFrom(requestQuery(ctx).as('r')).selectAll().where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the request again: that one could not be found.');
  return toRequest(row);
}

function requireWaiting(request: OrganisationRequest): void {
  if (request.status !== 'waiting') {
    throw new FieldbookError('CONFLICT', `No need to do it again: this request is already ${request.status}.`);
  }
}

export function requestHandlers(ctx: CoreContext): HandlerGroup<'requests'> {
  return {
    async 'requests.list'({ status }) {
      let query = requestQuery(ctx);
      if (status) query = query.where('r.status', '=', status);
      const rows = await query.orderBy(sql`r.status = 'waiting'`, 'desc').orderBy('r.requested_at').execute();
      return rows.map(toRequest);
    },

    async 'requests.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const [organisation, course] = await Promise.all([
          scope.trx.selectFrom('organisations').select('id').where('id', '=', fields.organisationId).executeTakeFirst(),
          scope.trx.selectFrom('courses').select('id').where('id', '=', fields.courseId).executeTakeFirst(),
        ]);
        if (!organisation) throw new FieldbookError('INVALID_INPUT', 'Choose the organisation again: that one could not be found.', { organisationId: 'Choose an organisation from the list.' });
        if (!course) throw new FieldbookError('INVALID_INPUT', 'Choose the course again: that one could not be found.', { courseId: 'Choose a course from the list.' });
        const id = scope.newId();
        await scope.insert('organisation_requests', {
          id,
          organisation_id: fields.organisationId,
          course_id: fields.courseId,
          contact_name: fields.contactName,
          contact_email: fields.contactEmail,
          contact_phone: fields.contactPhone,
          staff_count: fields.staffCount,
          preferred_dates: fields.preferredDates,
          notes: fields.notes,
          status: 'waiting',
          decline_reason: null,
          session_id: null,
          requested_at: ctx.clock().toISOString(),
        });
        return id;
      });
      return getRequest(ctx, id);
    },

    async 'requests.decline'({ id, reason }) {
      requireWaiting(await getRequest(ctx, id));
      await write(ctx, (scope) => scope.update('organisation_requests', id, { status: 'declined', decline_reason: reason }));
      return getRequest(ctx, id);
    },

    async 'requests.schedule'({ id, venueId, startsAt, endsAt, capacity, facilitators, contractId }) {
      const request = await getRequest(ctx, id);
      requireWaiting(request);
      if (capacity < request.staffCount) {
        throw new FieldbookError('INVALID_INPUT', `Enter at least ${request.staffCount} places for this organisation's staff.`, {
          capacity: `Enter at least ${request.staffCount} places.`,
        });
      }
      await write(ctx, async (scope) => {
        const venue = await scope.trx.selectFrom('venues').select('id').where('id', '=', venueId).executeTakeFirst();
        if (!venue) throw new FieldbookError('INVALID_INPUT', 'Choose the venue again: that one could not be found.', { venueId: 'Choose a venue from the list.' });
        await requireContract(scope.trx, contractId);
        const sessionId = scope.newId();
        await scope.insert('sessions', {
          id: sessionId,
          course_id: request.courseId,
          venue_id: venueId,
          starts_at: startsAt,
          ends_at: endsAt,
          capacity,
          ...(await sessionFacilitatorColumns(scope, facilitators)),
          status: 'scheduled',
          contract_id: contractId ?? null,
        });
        await holdGroupPlaces(scope, { id: sessionId, capacity }, request.organisationId, request.staffCount, ctx.clock());
        await scope.update('organisation_requests', id, { status: 'scheduled', session_id: sessionId });
      });
      return getRequest(ctx, id);
    },
  };
}
