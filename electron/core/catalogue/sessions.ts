import { z } from 'zod';
import type { ParsedInput, Session } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { contains } from '../text-search';
import type { WriteScope } from '../write';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';
import { changeCapacity } from '../bookings/actions';
import { countSeatsNow } from '../bookings/seats';
import { requireContract } from '../contracts/contracts';
import { sessionFacilitatorColumns } from '../facilitators/session-links';

const StoredNames = z.array(z.string());

function sessionQuery(ctx: CoreContext) {
  return ctx.db
    .selectFrom('sessions')
    .innerJoin('courses', 'courses.id', 'sessions.course_id')
    .innerJoin('venues', 'venues.id', 'sessions.venue_id')
    .leftJoin('contracts', 'contracts.id', 'sessions.contract_id')
    .select([
      'sessions.id',
      'sessions.course_id',
      'courses.title as course_title',
      'sessions.venue_id',
      'venues.name as venue_name',
      'sessions.starts_at',
      'sessions.ends_at',
      'sessions.capacity',
      'sessions.facilitators',
      'sessions.status',
      'sessions.contract_id',
      'contracts.name as contract_name',
    ]);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    courseId: row.course_id,
    courseTitle: row.course_title,
    venueId: row.venue_id,
    venueName: row.venue_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    facilitators: StoredNames.parse(JSON.parse(row.facilitators)),
    status: row.status,
    contractId: row.contract_id,
    contractName: row.contract_name,
  };
}

export async function getSession(ctx: CoreContext, id: string): Promise<Session> {
  const row = await sessionQuery(ctx).where('sessions.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the session again: that one could not be found.');
  return toSession(row);
}

async function toRow(scope: WriteScope, fields: ParsedInput<'sessions.create'>) {
  const [course, venue] = await Promise.all([
    scope.trx.selectFrom('courses').select('id').where('id', '=', fields.courseId).executeTakeFirst(),
    scope.trx.selectFrom('venues').select('id').where('id', '=', fields.venueId).executeTakeFirst(),
  ]);
  const missing: Record<string, string> = {};
  if (!course) missing.courseId = 'That course could not be found. Choose one from the list.';
  if (!venue) missing.venueId = 'That venue could not be found. Choose one from the list.';
  const firstMissing = Object.values(missing)[0];
  if (firstMissing) throw new FieldbookError('INVALID_INPUT', firstMissing, missing);
  await requireContract(scope.trx, fields.contractId);
  return {
    course_id: fields.courseId,
    venue_id: fields.venueId,
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    capacity: fields.capacity,
    // Each name that is a facilitator record's refers to the record (facilitators/session-links.ts).
    ...(await sessionFacilitatorColumns(scope, fields.facilitators)),
    status: fields.status,
    // Left out, the session keeps the contract it has (and a new one has none).
    ...(fields.contractId === undefined ? {} : { contract_id: fields.contractId }),
  };
}

export function sessionHandlers(ctx: CoreContext): HandlerGroup<'sessions'> {
  return {
    async 'sessions.list'({ from, query, limit }) {
      // Sessions on or after the given day; by default from today, so the list opens on what is next.
      const firstDay = from ?? localDate(ctx.clock());
      let select = sessionQuery(ctx).where('sessions.starts_at', '>=', firstDay);
      if (query) {
        select = select.where((eb) => eb.or([contains('courses.title', query), contains('venues.name', query), contains('contracts.name', query)]));
      }
      const rows = await select.orderBy('sessions.starts_at').orderBy('courses.title').limit(limit).execute();
      return rows.map((row) => {
        const session = toSession(row);
        // The same count every capacity decision uses, so the list never disagrees with the roster.
        const seats = countSeatsNow(ctx.sqlite, session);
        return { ...session, taken: seats.taken, waiting: seats.waiting };
      });
    },

    'sessions.get': async ({ id }) => withVersion(ctx.sqlite, 'sessions', id, await getSession(ctx, id)),

    async 'sessions.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('sessions', { id, ...(await toRow(scope, fields)) });
        return id;
      });
      return getSession(ctx, id);
    },

    async 'sessions.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'sessions', id, version, () => getSession(ctx, id));
      await write(ctx, async (scope) => {
        const { capacity, ...rest } = await toRow(scope, fields);
        await scope.update('sessions', id, rest);
        // Capacity goes through the waitlist rules: never below places held, and new places are offered.
        const current = await scope.trx.selectFrom('sessions').select('capacity').where('id', '=', id).executeTakeFirstOrThrow();
        if (current.capacity !== capacity) await changeCapacity(scope, { id, capacity: current.capacity }, capacity, ctx.clock());
      });
      return withVersion(ctx.sqlite, 'sessions', id, await getSession(ctx, id));
    },
  };
}
