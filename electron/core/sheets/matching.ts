import type { Kysely } from 'kysely';
import type { Sector } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { normaliseForSearch } from '../../../shared/search-text';
import type { Schema } from '../../db/schema';
import { insertPerson } from '../catalogue/people';
import type { WriteScope } from '../write';
import type { SheetRecord } from './records';
import { emailKey, nameKey } from './values';

export interface KnownCourse {
  id: string;
  title: string;
  duration: number;
  mode: 'anonymous' | 'linked';
}

interface KnownPerson {
  id: string;
  name: string;
  email: string | null;
  organisationId: string | null;
  /** Already in Fieldbook before this file (not added by an earlier row of it). */
  existing: boolean;
}

export interface PersonFound {
  id: string;
  matchedBy: 'email' | 'name' | null;
  person: KnownPerson;
}

/** Same name at the same organisation: accents, case and punctuation set aside, as the name search does. */
const nameAt = (givenName: string, familyName: string, organisationId: string | null) =>
  `${normaliseForSearch(`${givenName} ${familyName}`)}|${organisationId ?? ''}`;

/**
 * Finds each row's organisation, person, course and venue among what is
 * already there (and what earlier rows of the file added), and adds what is
 * not. With no write scope it only pretends (the preview): new records get
 * a stand-in id and are counted, and nothing is written. The preview and the
 * import run the same code, so the preview says what the import will do.
 */
export class SheetMatcher {
  private readonly organisations = new Map<string, string>();
  private readonly courses = new Map<string, KnownCourse>();
  private readonly venues = new Map<string, string>();
  private readonly contracts = new Map<string, { id: string; name: string }>();
  private readonly byEmail = new Map<string, KnownPerson>();
  private readonly byName = new Map<string, KnownPerson>();
  private counter = 0;
  readonly added = { organisations: [] as string[], courses: [] as string[], venues: [] as string[], contracts: [] as string[], people: [] as string[] };
  private readonly confirmedCourses: ReadonlySet<string> | 'every';

  /**
   * confirmedCourses: the titles of new courses the office confirmed it
   * means to create, or 'every' (the command line creates them, as it
   * says in its preview). The import refuses a file that would create any
   * other; the preview lists it as new.
   */
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly scope: WriteScope | null,
    private readonly fileName: string,
    confirmedCourses: readonly string[] | 'every' = [],
  ) {
    this.confirmedCourses = confirmedCourses === 'every' ? 'every' : new Set(confirmedCourses.map(nameKey));
  }

  async load(): Promise<void> {
    for (const row of await this.db.selectFrom('organisations').select(['id', 'name']).where('merged_into', 'is', null).execute()) this.organisations.set(nameKey(row.name), row.id);
    for (const row of await this.db.selectFrom('courses').select(['id', 'title', 'duration_minutes', 'evaluation_mode']).execute()) {
      this.courses.set(nameKey(row.title), { id: row.id, title: row.title, duration: row.duration_minutes, mode: row.evaluation_mode });
    }
    for (const row of await this.db.selectFrom('venues').select(['id', 'name']).execute()) this.venues.set(nameKey(row.name), row.id);
    for (const row of await this.db.selectFrom('contracts').select(['id', 'name']).execute()) this.contracts.set(nameKey(row.name), row);
    const people = await this.db
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name', 'email', 'organisation_id'])
      .where('merged_into', 'is', null)
      .execute();
    for (const row of people) {
      this.remember({ id: row.id, name: `${row.given_name} ${row.family_name}`, email: row.email, organisationId: row.organisation_id, existing: true }, row.given_name, row.family_name);
    }
  }

  private remember(person: KnownPerson, givenName: string, familyName: string): void {
    if (person.email && !this.byEmail.has(emailKey(person.email))) this.byEmail.set(emailKey(person.email), person);
    const key = nameAt(givenName, familyName, person.organisationId);
    if (!this.byName.has(key)) this.byName.set(key, person);
  }

  private newId(kind: string): string {
    this.counter += 1;
    return this.scope ? this.scope.newId() : `new-${kind}-${this.counter}`;
  }

  async organisation(name: string, sector: Sector | null): Promise<string> {
    const found = this.organisations.get(nameKey(name));
    if (found) return found;
    const id = this.newId('organisation');
    await this.scope?.insert('organisations', { id, name, sector: sector ?? 'other' });
    this.organisations.set(nameKey(name), id);
    this.added.organisations.push(name);
    return id;
  }

  /** The same email is the same person; without one, the same name at the same organisation (who has no other email). */
  async person(record: SheetRecord, organisationId: string | null): Promise<PersonFound> {
    if (record.email) {
      const byEmail = this.byEmail.get(emailKey(record.email));
      if (byEmail) return { id: byEmail.id, matchedBy: 'email', person: byEmail };
    }
    const byName = this.byName.get(nameAt(record.givenName, record.familyName, organisationId));
    if (byName && (!record.email || !byName.email)) return { id: byName.id, matchedBy: 'name', person: byName };
    const fields = {
      givenName: record.givenName,
      familyName: record.familyName,
      preferredName: null,
      email: record.email,
      phone: null,
      organisationId,
      membershipJoinedOn: null,
    };
    const id = this.scope ? await insertPerson(this.scope, fields) : this.newId('person');
    const person: KnownPerson = { id, name: `${record.givenName} ${record.familyName}`, email: record.email, organisationId, existing: false };
    this.remember(person, record.givenName, record.familyName);
    this.added.people.push(person.name);
    return { id, matchedBy: null, person };
  }

  /** A person already known (or added by an earlier row) with this email, case and spaces set aside. */
  personByEmail(email: string): { id: string; name: string } | null {
    return this.byEmail.get(emailKey(email)) ?? null;
  }

  /** A course already in Fieldbook (or added by an earlier row), by title; null when there is none. */
  findCourse(title: string): KnownCourse | null {
    return this.courses.get(nameKey(title)) ?? null;
  }

  findVenue(name: string): string | null {
    return this.venues.get(nameKey(name)) ?? null;
  }

  /**
   * The office may add courses; one added from a sheet says so, with an
   * outcome to replace (a course needs one). The import adds only those the
   * office confirmed: anything else is refused before it is written.
   */
  async course(title: string): Promise<KnownCourse> {
    const found = this.courses.get(nameKey(title));
    if (found) return found;
    if (this.scope && this.confirmedCourses !== 'every' && !this.confirmedCourses.has(nameKey(title))) {
      throw new FieldbookError(
        'INVALID_INPUT',
        `The file would add the course "${title}", which was not confirmed. Confirm it as a new course, or correct its name in the file to one Fieldbook has. Nothing was imported.`,
      );
    }
    const course: KnownCourse = { id: this.newId('course'), title, duration: 180, mode: 'anonymous' };
    await this.scope?.insert('courses', {
      id: course.id,
      title,
      description: `Added from the spreadsheet ${this.fileName}; check its duration and learning outcomes.`,
      duration_minutes: course.duration,
      learning_outcomes: JSON.stringify([{ id: this.scope.newId(), text: 'Learning outcomes not recorded in the spreadsheet' }]),
      evaluation_mode: 'anonymous',
    });
    this.courses.set(nameKey(title), course);
    this.added.courses.push(title);
    return course;
  }

  /** A contract (funding source) by name; an unknown one is added, its funder and year to be corrected on the contract screen. */
  async contract(name: string): Promise<{ id: string; name: string }> {
    const found = this.contracts.get(nameKey(name));
    if (found) return found;
    const contract = { id: this.newId('contract'), name };
    await this.scope?.insert('contracts', { id: contract.id, name, funder: 'Not recorded (added from a spreadsheet)', year_starts: '04-01', ends_on: null });
    this.contracts.set(nameKey(name), contract);
    this.added.contracts.push(name);
    return contract;
  }

  async venue(name: string): Promise<string> {
    const found = this.venues.get(nameKey(name));
    if (found) return found;
    const id = this.newId('venue');
    await this.scope?.insert('venues', { id, name, address: 'Not recorded (added from a spreadsheet)', access_notes: null });
    this.venues.set(nameKey(name), id);
    this.added.venues.push(name);
    return id;
  }
}
