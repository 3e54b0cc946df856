import type { Organisation, ParsedInput, SimilarPerson } from '../../../shared/contract';
import { normaliseForSearch } from '../../../shared/search-text';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { findSimilarPeople } from '../signin/similar-people';

/**
 * People already here who are probably the one about to be saved, offered
 * before New person saves: the walk-in's rule (the same name, and the same
 * email or organisation), and also the same name where neither has an
 * organisation, since two walk-ins with no employer and the same name are
 * more often one person typed twice than two people.
 */
export async function similarPeople(ctx: CoreContext, fields: ParsedInput<'people.similar'>): Promise<SimilarPerson[]> {
  const found = await findSimilarPeople(ctx.db, fields);
  const fullName = normaliseForSearch(`${fields.givenName} ${fields.familyName}`);
  if (!fields.organisationId && fullName) {
    const unattached = await ctx.db
      .selectFrom('person_search_keys as k')
      .innerJoin('people as p', 'p.id', 'k.person_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name'])
      .where('k.key', '=', fullName)
      .where('p.organisation_id', 'is', null)
      .limit(50)
      .execute();
    for (const person of unattached) {
      // The key matched a whole name; make sure it is this whole name, not a preferred name that happens to match.
      if (normaliseForSearch(`${person.given_name} ${person.family_name}`) !== fullName) continue;
      found.push({ personId: person.id, name: displayName(person), organisationName: null });
    }
  }
  const seen = new Set<string>();
  return found.filter((person) => person.personId !== fields.exceptId && !seen.has(person.personId) && seen.add(person.personId));
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
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'name', 'sector']).execute();
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
