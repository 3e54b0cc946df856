import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { write } from '../write';

/**
 * "Same organisation": the other record becomes part of the one kept, as a
 * merged person does. Its people and members' terms move to the one kept
 * (each a change in their history, so every computer's copy follows), and
 * it points at the one kept, so nothing is deleted and both histories stay.
 * Group places and requests keep naming the record they were made with; it
 * stays readable. Only the office merges (the write policy refuses a laptop
 * the merge mark).
 */
export async function mergeOrganisations(ctx: CoreContext, keepId: string, otherId: string): Promise<void> {
  if (keepId === otherId) throw new FieldbookError('INVALID_INPUT', 'Choose two different organisations to merge.', { otherId: 'Choose a different organisation.' });
  const found = await ctx.db.selectFrom('organisations').select(['id', 'merged_into']).where('id', 'in', [keepId, otherId]).execute();
  if (found.length !== 2) throw new FieldbookError('NOT_FOUND', 'Choose it again from the list: one of those organisations no longer exists.');
  if (found.some((organisation) => organisation.merged_into)) {
    throw new FieldbookError('CONFLICT', 'Choose from the organisations list again: one of those organisations has already been merged.');
  }
  await write(ctx, async (scope) => {
    const people = await scope.trx.selectFrom('people').select('id').where('organisation_id', '=', otherId).execute();
    for (const person of people) await scope.update('people', person.id, { organisation_id: keepId });
    const terms = await scope.trx.selectFrom('membership_terms').select('id').where('organisation_id', '=', otherId).execute();
    for (const term of terms) await scope.update('membership_terms', term.id, { organisation_id: keepId });
    // Anything merged into the one merged away now belongs to the one kept.
    const mergedEarlier = await scope.trx.selectFrom('organisations').select('id').where('merged_into', '=', otherId).execute();
    for (const earlier of mergedEarlier) await scope.update('organisations', earlier.id, { merged_into: keepId });
    await scope.update('organisations', otherId, { merged_into: keepId });
  });
}
