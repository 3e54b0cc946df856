import type { BookingResult } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import { bookMany } from '../bookings/book-many';
import { localMinute, type CoreContext } from '../deps';
import type { WriteScope } from '../write';
import { courseIdsOf } from './schemes';

/**
 * Books members onto the next scheduled session of any of the scheme's
 * required courses, as the office books anyone onto a session (bookMany).
 */
export async function bookOntoNextSession(
  ctx: CoreContext,
  scope: WriteScope,
  input: { schemeId: string; personIds: readonly string[]; priorityReason: string | null },
): Promise<BookingResult> {
  const scheme = await scope.trx.selectFrom('membership_schemes').selectAll().where('id', '=', input.schemeId).executeTakeFirst();
  if (!scheme) throw new FieldbookError('INVALID_INPUT', 'Choose the membership scheme again: that one could not be found.', { schemeId: 'Choose a scheme from the list.' });
  const now = ctx.clock();
  const session = await scope.trx
    .selectFrom('sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.capacity', 's.starts_at', 'c.title'])
    .where('s.course_id', 'in', courseIdsOf(scheme))
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', localMinute(now))
    .orderBy('s.starts_at')
    .executeTakeFirst();
  if (!session) {
    throw new FieldbookError('CONFLICT', `Schedule a session of the required course for ${scheme.name}, then book them: none is coming up.`);
  }
  const people = await bookMany(scope, session, input.personIds, now, input.priorityReason);
  return { sessionId: session.id, courseTitle: session.title, startsAt: session.starts_at, people };
}
