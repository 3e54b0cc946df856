import type { Person } from '../../../shared/contract';

/** A person as the lists read them: the row and their organisation's name. */
export interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  membership_joined_on: string | null;
  organisation_name: string | null;
}

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
