import type { ParsedInput, Person } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { keyRange } from '../people/search-keys';
import type { WriteScope } from '../write';
import { write } from '../write';

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

type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    preferredName: row.preferred_name,
    email: row.email,
    phone: row.phone,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    membershipJoinedOn: row.membership_joined_on,
  };
}

async function getPerson(ctx: CoreContext, id: string): Promise<Person> {
  const row = await personQuery(ctx).where('people.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'That person could not be found.');
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
      throw new FieldbookError('INVALID_INPUT', 'That organisation could not be found.', {
        organisationId: 'That organisation could not be found. Choose one from the list.',
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
      const rows = await select
        .orderBy(({ fn }) => fn('lower', ['people.family_name']))
        .orderBy(({ fn }) => fn('lower', ['people.given_name']))
        .limit(limit)
        .execute();
      return rows.map(toPerson);
    },

    'people.get': ({ id }) => getPerson(ctx, id),

    async 'people.create'(fields) {
      const id = await write(ctx, (scope) => insertPerson(scope, fields));
      return getPerson(ctx, id);
    },

    async 'people.update'({ id, fields }) {
      await write(ctx, async (scope) => scope.update('people', id, await toRow(scope, fields)));
      return getPerson(ctx, id);
    },
  };
}
