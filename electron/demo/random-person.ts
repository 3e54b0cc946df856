import { randomName, type PersonName } from './names';
import type { Random } from './random';
import { addDays, type CalendarDay } from './calendar';

/** What a generated person needs to know about their employer. */
export interface EmployerForPeople {
  id: string;
  emailDomain: string;
  membershipPartner: boolean;
}

export interface RandomPerson extends PersonName {
  email: string | null;
  phone: string | null;
  organisationId: string | null;
  membershipJoinedOn: string | null;
}

/** Email addresses are ASCII in practice: "Siobhán O'Brien" becomes siobhan.obrien. */
export function emailLocalPart(givenName: string, familyName: string): string {
  const ascii = (name: string) =>
    name
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .replace(/[łŁ]/g, 'l')
      .replace(/[đĐ]/g, 'd')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return `${ascii(givenName)}.${ascii(familyName)}`;
}

/**
 * People every demo has, whatever the seed, so that the awkward cases (accents,
 * apostrophes, a preferred name, family name first in speech) are always there to try.
 */
export const featuredPeople: readonly PersonName[] = [
  { givenName: 'Siobhán', familyName: "O'Brien", preferredName: null },
  { givenName: 'Zoë', familyName: 'Clarke', preferredName: null },
  { givenName: 'Łukasz', familyName: 'Wójcik', preferredName: null },
  { givenName: 'Fadumo', familyName: 'Warsame', preferredName: null },
  { givenName: 'Mohammed', familyName: 'Rahman', preferredName: 'Mo' },
  { givenName: 'Lan', familyName: 'Nguyễn', preferredName: null },
  { givenName: 'Chloë', familyName: "D'Souza", preferredName: null },
  { givenName: 'Oluwaseun', familyName: 'Adeyemi', preferredName: 'Seun' },
];

/**
 * A person as the office would have them on file: most work for a known
 * organisation, some came as members of the public; some left an email or a
 * phone number; staff of partner organisations may have joined the membership
 * scheme within the last year (so the six-month training deadline shows up in
 * reports both met and missed).
 */
export function randomPerson(
  random: Random,
  employers: readonly EmployerForPeople[],
  today: CalendarDay,
  name: PersonName = randomName(random.next),
): RandomPerson {
  const employer = employers.length > 0 && random.chance(0.88) ? random.pick(employers) : null;
  const emailDomain = employer?.emailDomain ?? random.pick(['mail.example', 'inbox.example', 'post.example']);
  const email = random.chance(0.7) ? `${emailLocalPart(name.givenName, name.familyName)}@${emailDomain}` : null;
  // 07700 900000–900999 is Ofcom's range for drama: never a real phone.
  const phone = random.chance(0.45) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null;
  const member = employer?.membershipPartner === true && random.chance(0.4);
  const membershipJoinedOn = member ? addDays(today, -random.int(7, 365)) : null;
  return { ...name, email, phone, organisationId: employer?.id ?? null, membershipJoinedOn };
}
