import type { Transaction } from 'kysely';
import type { Contract, ParsedInput } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { ContractsTable, Schema } from '../../db/schema';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { contains } from '../text-search';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';

function toContract(row: ContractsTable): Contract {
  return { id: row.id, name: row.name, funder: row.funder, yearStarts: row.year_starts, endsOn: row.ends_on };
}

async function getContract(ctx: CoreContext, id: string): Promise<Contract> {
  const row = await ctx.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the contract again: that one could not be found.');
  return toContract(row);
}

/**
 * Whether two contract names are the same name as people read it: case and
 * composed or decomposed accents do not make a new one. SQLite's NOCASE
 * folds only A to Z, and an office has a handful of contracts, so they are
 * compared here. For anything that looks a contract up by name.
 */
export const sameContractName = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase('en-GB') === b.normalize('NFC').toLocaleLowerCase('en-GB');

/**
 * Reports choose a contract by its name, so two may not share one. Checked
 * after the row is written, inside the same transaction, so a laptop hears
 * first that only the office keeps contracts.
 */
async function refuseDuplicateName(trx: Transaction<Schema>, name: string, ownId: string): Promise<void> {
  const rows = await trx.selectFrom('contracts').select(['id', 'name']).where('id', '!=', ownId).execute();
  const existing = rows.find((candidate) => sameContractName(candidate.name, name));
  if (existing) {
    const message = `There is already a contract called "${existing.name}". Give this one a different name, or change that one.`;
    throw new FieldbookError('INVALID_INPUT', message, { name: message });
  }
}

/**
 * Refuses a contract id that names no contract, in the words of the form
 * field it came from. Used wherever a session is given a contract.
 */
export async function requireContract(trx: Transaction<Schema>, contractId: string | null | undefined): Promise<void> {
  if (!contractId) return;
  const found = await trx.selectFrom('contracts').select('id').where('id', '=', contractId).executeTakeFirst();
  if (!found) {
    throw new FieldbookError('INVALID_INPUT', 'Choose a contract from the list, or None: that one could not be found.', {
      contractId: 'Choose a contract from the list, or None: that one could not be found.',
    });
  }
}

const toRow = (fields: ParsedInput<'contracts.create'>) => ({
  name: fields.name,
  funder: fields.funder,
  year_starts: fields.yearStarts,
  ends_on: fields.endsOn,
});

export function contractHandlers(ctx: CoreContext): HandlerGroup<'contracts'> {
  return {
    async 'contracts.list'({ query, limit }) {
      let select = ctx.db.selectFrom('contracts').selectAll();
      if (query) select = select.where((eb) => eb.or([contains('name', query), contains('funder', query)]));
      const rows = await select.orderBy(({ fn }) => fn('lower', ['name'])).limit(limit).execute();
      return rows.map(toContract);
    },

    'contracts.get': async ({ id }) => withVersion(ctx.sqlite, 'contracts', id, await getContract(ctx, id)),

    async 'contracts.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('contracts', { id, ...toRow(fields) });
        await refuseDuplicateName(scope.trx, fields.name, id);
        return id;
      });
      return getContract(ctx, id);
    },

    async 'contracts.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'contracts', id, version, () => getContract(ctx, id));
      await write(ctx, async (scope) => {
        await scope.update('contracts', id, toRow(fields));
        await refuseDuplicateName(scope.trx, fields.name, id);
      });
      return withVersion(ctx.sqlite, 'contracts', id, await getContract(ctx, id));
    },
  };
}
