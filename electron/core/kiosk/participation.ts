import type { Ethnicity } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { derivedId } from '../derived-id';
import type { WriteScope } from '../write';

/**
 * Records the consent a participant gave (with the version and language of
 * the text they read) and, if they answered, their equality monitoring
 * answer, kept apart from their person record. Returns their first name for
 * the thank-you screen.
 */
export async function recordParticipation(
  ctx: CoreContext,
  scope: WriteScope,
  sessionId: string,
  personId: string,
  consent: { textVersion: string; language: string },
  ethnicity: Ethnicity | null,
): Promise<string> {
  const person = await scope.trx
    .selectFrom('people')
    .select(['given_name', 'preferred_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new FieldbookError('NOT_FOUND', 'Ask the facilitator: that name could not be found.');
  const now = ctx.clock().toISOString();
  await scope.insert('consents', {
    id: scope.newId(),
    person_id: personId,
    session_id: sessionId,
    text_version: consent.textVersion,
    language: consent.language,
    agreed_at: now,
    device_id: scope.deviceId,
  });
  if (ethnicity) {
    const id = derivedId('equality-answer', personId);
    const existing = await scope.trx.selectFrom('equality_answers').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) await scope.update('equality_answers', id, { ethnicity, answered_at: now });
    else await scope.insert('equality_answers', { id, person_id: personId, ethnicity, answered_at: now });
  }
  return person.preferred_name ?? person.given_name;
}
