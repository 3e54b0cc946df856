import type { Venue } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { VenuesTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { contains } from '../text-search';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';

function toVenue(row: VenuesTable): Venue {
  return { id: row.id, name: row.name, address: row.address, accessNotes: row.access_notes };
}

async function getVenue(ctx: CoreContext, id: string): Promise<Venue> {
  const row = await ctx.db.selectFrom('venues').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the venue again: that one could not be found.');
  return toVenue(row);
}

export function venueHandlers(ctx: CoreContext): HandlerGroup<'venues'> {
  return {
    async 'venues.list'({ query, limit }) {
      let select = ctx.db.selectFrom('venues').selectAll();
      if (query) select = select.where((eb) => eb.or([contains('name', query), contains('address', query)]));
      const rows = await select.orderBy(({ fn }) => fn('lower', ['name'])).limit(limit).execute();
      return rows.map(toVenue);
    },

    'venues.get': async ({ id }) => withVersion(ctx.sqlite, 'venues', id, await getVenue(ctx, id)),

    async 'venues.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('venues', { id, name: fields.name, address: fields.address, access_notes: fields.accessNotes });
        return id;
      });
      return getVenue(ctx, id);
    },

    async 'venues.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'venues', id, version, () => getVenue(ctx, id));
      await write(ctx, (scope) =>
        scope.update('venues', id, { name: fields.name, address: fields.address, access_notes: fields.accessNotes }),
      );
      return withVersion(ctx.sqlite, 'venues', id, await getVenue(ctx, id));
    },
  };
}
