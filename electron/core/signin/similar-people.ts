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
 * case and punctuation are set aside, and the same email or organisation, or
 * neither with an organisation. Two walk-ins called "Siobhan O'Brien" from
 * different employers are kept apart; one "Siobhán O'Brien" from the same
 * council is flagged, and so is one with no organisation beside another.
 */
interface Comparable {
  given_name: string;
  family_name: string;
  email: string | null;
  organisation_id: string | null;
}

/** Why two people are probably one, or null when they are not: the one rule for adding someone and for merging laptops' files. */
export function whyLikelySame(a: Comparable, b: Comparable): 'email' | 'organisation' | 'no_organisation' | null {
  const name = normaliseForSearch(`${a.given_name} ${a.family_name}`);
  if (!name || name !== normaliseForSearch(`${b.given_name} ${b.family_name}`)) return null;
  const email = a.email?.trim().toLowerCase() || null;
  const otherEmail = b.email?.trim().toLowerCase() || null;
  if (email !== null && otherEmail === email) return 'email';
  if (a.organisation_id !== null && a.organisation_id === b.organisation_id) return 'organisation';
  // Two walk-ins with the same name and no employer are more often one person typed twice than two people,
  // unless each gave an email and they differ.
  if (a.organisation_id === null && b.organisation_id === null && !(email && otherEmail)) return 'no_organisation';
  return null;
}

export function likelySamePerson(a: Comparable, b: Comparable): boolean {
  return whyLikelySame(a, b) !== null;
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
    // A record merged into another is that other person now: offering it would link a sign-in to a record no list shows.
    .where('p.merged_into', 'is', null)
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
