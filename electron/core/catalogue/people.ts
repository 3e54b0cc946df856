import { sql } from 'kysely';
import type { ParsedInput, Person } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { facilitatorNames } from '../facilitators/names';
import { PeoplePager } from '../people/people-page';
import { personHistory } from '../people/person-history';
import { personRecord } from '../people/person-record';
import { toPerson } from '../people/person-row';
import { keyRange } from '../people/search-keys';
import { similarPeople } from '../people/similar';
import { resolveDuplicate } from '../sync/review';
import type { WriteScope } from '../write';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';

function personQuery(ctx: CoreContext) {
  return ctx.db
    .selectFrom('people')
    .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select([
      'people.id',
      'people.given_name',
      'people.family_name',
      'people.preferred_name',
      'people.email',
      'people.phone',
      'people.organisation_id',
      'people.membership_joined_on',
      'organisations.name as organisation_name',
    ]);
}

export async function getPerson(ctx: CoreContext, id: string): Promise<Person> {
  const row = await personQuery(ctx).where('people.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
  return toPerson(row);
}

async function toRow(scope: WriteScope, fields: ParsedInput<'people.create'>) {
  if (fields.organisationId) {
    const organisation = await scope.trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', fields.organisationId)
      .executeTakeFirst();
    if (!organisation) {
      throw new FieldbookError('INVALID_INPUT', 'Choose the organisation again: that one could not be found.', {
        organisationId: 'Choose one from the list: that organisation could not be found.',
      });
    }
  }
  return {
    given_name: fields.givenName,
    family_name: fields.familyName,
    preferred_name: fields.preferredName,
    email: fields.email,
    phone: fields.phone,
    organisation_id: fields.organisationId,
    membership_joined_on: fields.membershipJoinedOn,
  };
}

/** Adds a person inside an open write (a form, or a walk-in signing in) and returns the new id. */
export async function insertPerson(scope: WriteScope, fields: ParsedInput<'people.create'>): Promise<string> {
  const id = scope.newId();
  await scope.insert('people', { id, ...(await toRow(scope, fields)) });
  return id;
}

export function peopleHandlers(ctx: CoreContext): HandlerGroup<'people'> {
  const pager = new PeoplePager(ctx.sqlite);
  return {
    async 'people.list'({ query, limit }) {
      // Someone merged into another person is listed as that person.
      let select = personQuery(ctx).where('people.merged_into', 'is', null);
      const range = keyRange(query);
      if (range) {
        // Accent- and case-insensitive prefix match on any name, through the search-key index.
        select = select.where('people.id', 'in', (eb) =>
          eb
            .selectFrom('person_search_keys')
            .select('person_id')
            .where('key', '>=', range.from)
            .where('key', '<', range.to),
        );
      }
      // In the people list's order (accents beside their letter), from the sort keys the write path keeps.
      const rows = await select
        .orderBy(sql`(SELECT key FROM person_sort_keys WHERE person_id = people.id)`)
        .orderBy('people.id')
        .limit(limit)
        .execute();
      return rows.map(toPerson);
    },

    'people.page': async (input) => pager.page(input),
    'people.record': async ({ id }) => personRecord(ctx, await getPerson(ctx, id)),
    'people.history': async ({ id }) => {
      await getPerson(ctx, id);
      return personHistory(ctx, id);
    },
    'people.similar': (fields) => similarPeople(ctx, fields),
    'people.facilitatorNames': async () => facilitatorNames(ctx),

    async 'people.merge'({ keepId, otherId }) {
      // The same merge as the review of two laptops' duplicates: the other person points at the one kept, nothing is deleted.
      await resolveDuplicate(ctx, keepId, otherId, 'merge');
      return getPerson(ctx, keepId);
    },

    'people.get': async ({ id }) => withVersion(ctx.sqlite, 'people', id, await getPerson(ctx, id)),

    async 'people.create'(fields) {
      const id = await write(ctx, (scope) => insertPerson(scope, fields));
      return getPerson(ctx, id);
    },

    async 'people.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'people', id, version, () => getPerson(ctx, id));
      await write(ctx, async (scope) => scope.update('people', id, await toRow(scope, fields)));
      return withVersion(ctx.sqlite, 'people', id, await getPerson(ctx, id));
    },
  };
}
