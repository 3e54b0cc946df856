import { sql } from 'kysely';
import type { Organisation } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { OrganisationsTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { mergeOrganisations } from '../organisations/merge';
import { keysetPage } from '../people/paging';
import { similarOrganisations } from '../people/similar';
import { contains } from '../text-search';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';

function toOrganisation(row: OrganisationsTable): Organisation {
  return { id: row.id, name: row.name, sector: row.sector };
}

export async function getOrganisation(ctx: CoreContext, id: string): Promise<Organisation> {
  const row = await ctx.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the organisation again: that one could not be found.');
  return toOrganisation(row);
}

export function organisationHandlers(ctx: CoreContext): HandlerGroup<'organisations'> {
  return {
    async 'organisations.list'({ query, limit }) {
      // One merged into another is listed as that one.
      let select = ctx.db.selectFrom('organisations').selectAll().where('merged_into', 'is', null);
      if (query) select = select.where(contains('name', query));
      const rows = await select.orderBy(({ fn }) => fn('lower', ['name'])).limit(limit).execute();
      return rows.map(toOrganisation);
    },

    /**
     * A page of organisations in name order, case set aside, along the name
     * index from a keyset cursor. An office has hundreds, not the people
     * list's hundred thousand, so names are not folded further than case.
     */
    async 'organisations.page'(input) {
      const backwards = input.before !== undefined;
      const cursor = input.before ?? input.after;
      let select = ctx.db.selectFrom('organisations').selectAll().where('merged_into', 'is', null);
      if (input.query) select = select.where(contains('name', input.query));
      const counted = await select.clearSelect().select(({ fn }) => fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      if (cursor) {
        select = select.where(sql<boolean>`(name COLLATE NOCASE, id) ${sql.raw(backwards ? '<' : '>')} (${cursor.key}, ${cursor.id})`);
      }
      const direction = backwards ? 'desc' : 'asc';
      const found = await select
        .orderBy(sql`name COLLATE NOCASE`, direction)
        .orderBy('id', direction)
        .limit(input.pageSize + 1)
        .execute();
      return keysetPage(found, input, Number(counted.total), (row) => ({ key: row.name, id: row.id }), toOrganisation);
    },

    'organisations.get': async ({ id }) => withVersion(ctx.sqlite, 'organisations', id, await getOrganisation(ctx, id)),
    'organisations.similar': (fields) => similarOrganisations(ctx, fields),

    async 'organisations.merge'({ keepId, otherId }) {
      await mergeOrganisations(ctx, keepId, otherId);
      return getOrganisation(ctx, keepId);
    },

    async 'organisations.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('organisations', { id, name: fields.name, sector: fields.sector });
        return id;
      });
      return getOrganisation(ctx, id);
    },

    async 'organisations.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'organisations', id, version, () => getOrganisation(ctx, id));
      await write(ctx, (scope) => scope.update('organisations', id, { name: fields.name, sector: fields.sector }));
      return withVersion(ctx.sqlite, 'organisations', id, await getOrganisation(ctx, id));
    },
  };
}
