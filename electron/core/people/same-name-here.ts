import type { Kysely } from 'kysely';
import { normaliseForSearch } from '../../../shared/search-text';
import type { Schema } from '../../db/schema';

/**
 * Whether someone with this whole name (accents, case and punctuation set
 * aside) is booked, offered a place, waiting or signed in at the session,
 * whatever their organisation. At the kiosk, "I am not on the list" from a
 * name like that is far more often the same person than a namesake: Seun,
 * signed in already, must not become a second "Seun A.".
 */
export async function sameNameAtSession(db: Kysely<Schema>, sessionId: string, givenName: string, familyName: string): Promise<boolean> {
  const fullName = normaliseForSearch(`${givenName} ${familyName}`);
  if (!fullName) return false;
  const people = await db
    .selectFrom('person_search_keys as k')
    .innerJoin('people as p', 'p.id', 'k.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('k.key', '=', fullName)
    .limit(50)
    .execute();
  // The key matched a whole name; make sure it is this whole name, not a preferred name that happens to match.
  const ids = people.filter((person) => normaliseForSearch(`${person.given_name} ${person.family_name}`) === fullName).map((person) => person.id);
  if (ids.length === 0) return false;
  const here = await db
    .selectFrom('bookings')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('person_id', 'in', ids)
    .where('state', 'in', ['booked', 'offered', 'waitlisted'])
    .union(db.selectFrom('sign_ins').select('id').where('session_id', '=', sessionId).where('person_id', 'in', ids))
    .limit(1)
    .executeTakeFirst();
  return here !== undefined;
}
