import type { Organisation, ParsedInput, SimilarPerson } from '../../../shared/contract';
import { normaliseForSearch } from '../../../shared/search-text';
import type { CoreContext } from '../deps';
import { findSimilarPeople } from '../signin/similar-people';

/**
 * People already here who are probably the one about to be saved, offered
 * before New person saves: the walk-in's rule (the same name, and the same
 * email or organisation, or neither with an organisation).
 */
export async function similarPeople(ctx: CoreContext, fields: ParsedInput<'people.similar'>): Promise<SimilarPerson[]> {
  const found = await findSimilarPeople(ctx.db, fields);
  return found.filter((person) => person.personId !== fields.exceptId);
}

/**
 * Organisations with the same name once case, accents and punctuation are
 * set aside ("hope street surgery" beside "Hope Street Surgery"). An office
 * has hundreds of organisations, not thousands, and the folding is not SQL,
 * so the names are compared here.
 */
export async function similarOrganisations(ctx: CoreContext, fields: ParsedInput<'organisations.similar'>): Promise<Organisation[]> {
  const wanted = foldOrganisationName(fields.name);
  if (!wanted) return [];
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'name', 'sector']).where('merged_into', 'is', null).execute();
  return rows.filter((row) => row.id !== fields.exceptId && foldOrganisationName(row.name) === wanted);
}

/** "The Hope Street Surgery Ltd." and "hope street surgery" are one name; "&" and "and" are one word. */
function foldOrganisationName(name: string): string {
  return normaliseForSearch(name.replace(/&/g, ' and '))
    .replace(/^the /, '')
    .replace(/ (ltd|limited|plc|cic)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
