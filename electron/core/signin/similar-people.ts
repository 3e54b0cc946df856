import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { normaliseForSearch } from '../../../shared/search-text';
import { displayName } from './roster';

export interface SimilarQuery {
  givenName: string;
  familyName: string;
  email?: string | null | undefined;
  organisationId?: string | null | undefined;
}

/**
 * People who are probably the one being added: the same name once accents,
 * case and punctuation are set aside, and the same email or organisation.
 * Two walk-ins called "Siobhan O'Brien" from different employers are kept
 * apart; one "Siobhán O'Brien" from the same council is flagged.
 */
interface Comparable {
  given_name: string;
  family_name: string;
  email: string | null;
  organisation_id: string | null;
}

/** The one rule for "probably the same person", used when adding someone and when merging laptops' files. */
export function likelySamePerson(a: Comparable, b: Comparable): boolean {
  const name = normaliseForSearch(`${a.given_name} ${a.family_name}`);
  if (!name || name !== normaliseForSearch(`${b.given_name} ${b.family_name}`)) return false;
  const email = a.email?.trim().toLowerCase() || null;
  return (email !== null && b.email?.trim().toLowerCase() === email) || (a.organisation_id !== null && a.organisation_id === b.organisation_id);
}

export async function findSimilarPeople(db: Kysely<Schema>, query: SimilarQuery) {
  const fullName = normaliseForSearch(`${query.givenName} ${query.familyName}`);
  if (!fullName) return [];
  const candidates = await db
    .selectFrom('person_search_keys as k')
    .innerJoin('people as p', 'p.id', 'k.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.email', 'p.organisation_id', 'o.name as organisation_name'])
    .where('k.key', '=', fullName)
    .limit(50)
    .execute();
  const wanted = { given_name: query.givenName, family_name: query.familyName, email: query.email ?? null, organisation_id: query.organisationId ?? null };
  return candidates
    .filter((person) => likelySamePerson(person, wanted))
    .map((person) => ({
      personId: person.id,
      name: displayName(person),
      organisationName: person.organisation_name,
    }));
}
