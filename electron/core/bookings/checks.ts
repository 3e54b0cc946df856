import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { localDate, type CoreContext } from '../deps';
import type { WriteScope } from '../write';

/** A session people can still book on to: scheduled, and not already over. */
export async function bookableSession(ctx: CoreContext, sessionId: string) {
  const session = await getSession(ctx, sessionId);
  if (session.status !== 'scheduled') {
    throw new FieldbookError('CONFLICT', `Choose another session: this one is ${session.status}, so nobody can book on to it.`);
  }
  if (session.startsAt.slice(0, 10) < localDate(ctx.clock())) {
    throw new FieldbookError('CONFLICT', 'Choose a session still to come: this one has already happened, so nobody can book on to it.');
  }
  return session;
}

export async function requirePerson(scope: WriteScope, personId: string): Promise<void> {
  const person = await scope.trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
}
