import type { Person } from '../../../shared/contract';
import type { PeopleTable } from '../../db/schema';

/** A person as the lists read them: the row and their organisation's name. */
export type PersonRow = Omit<PeopleTable, 'merged_into'> & { organisation_name: string | null };

export function toPerson(row: PersonRow): Person {
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
