import type { Kysely } from 'kysely';
import type { SamePerson, Sector } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { normaliseForSearch } from '../../../shared/search-text';
import type { Schema } from '../../db/schema';
import { insertPerson } from '../catalogue/people';
import type { WriteScope } from '../write';
import { LikelyDuplicates } from './likely-duplicates';
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
  givenName: string;
  familyName: string;
  name: string;
  email: string | null;
  organisationId: string | null;
  /** Already in Fieldbook before this file (not added by an earlier row of it). */
  existing: boolean;
}

export interface PersonFound {
  id: string;
  matchedBy: 'email' | 'name' | 'chosen' | null;
  person: KnownPerson;
}

/** A person's whole name with accents, case and punctuation set aside, as the name search does. */
const searchName = (givenName: string, familyName: string) => normaliseForSearch(`${givenName} ${familyName}`);

/** Same name at the same organisation. */
const nameAt = (name: string, organisationId: string | null) => `${name}|${organisationId ?? ''}`;

/** What the office chose for the likely duplicates, and the sheets read, to place a choice that names no sheet. */
export interface DuplicateChoices {
  samePeople: readonly SamePerson[];
  sheetsRead: readonly string[];
}

/**
 * Finds each row's organisation, person, course and venue among what is
 * already there (and what earlier rows of the file added), and adds what is
 * not. With no write scope it only pretends (the preview): new records get
 * a stand-in id and are counted, and nothing is written. The preview and the
 * import run the same code, so the preview says what the import will do.
 */
export class SheetMatcher {
  private readonly organisations = new Map<string, string>();
  private readonly organisationNames = new Map<string, string>();
  private readonly courses = new Map<string, KnownCourse>();
  private readonly venues = new Map<string, string>();
  private readonly contracts = new Map<string, { id: string; name: string }>();
  private readonly byEmail = new Map<string, KnownPerson>();
  private readonly byName = new Map<string, KnownPerson>();
  private counter = 0;
  readonly added = { organisations: [] as string[], courses: [] as string[], venues: [] as string[], contracts: [] as string[], people: [] as string[] };
  private readonly confirmedCourses: ReadonlySet<string> | 'every';
  readonly duplicates: LikelyDuplicates<KnownPerson>;

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
    choices: DuplicateChoices = { samePeople: [], sheetsRead: [] },
  ) {
    this.confirmedCourses = confirmedCourses === 'every' ? 'every' : new Set(confirmedCourses.map(nameKey));
    this.duplicates = new LikelyDuplicates<KnownPerson>(choices.samePeople, choices.sheetsRead, (id) => this.organisationNames.get(id) ?? null);
  }

  async load(): Promise<void> {
    for (const row of await this.db.selectFrom('organisations').select(['id', 'name']).where('merged_into', 'is', null).execute()) {
      this.organisations.set(nameKey(row.name), row.id);
      this.organisationNames.set(row.id, row.name);
    }
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
    const byId = new Map<string, KnownPerson>();
    for (const row of people) {
      const person: KnownPerson = {
        id: row.id,
        givenName: row.given_name,
        familyName: row.family_name,
        name: `${row.given_name} ${row.family_name}`,
        email: row.email,
        organisationId: row.organisation_id,
        existing: true,
      };
      const name = searchName(row.given_name, row.family_name);
      this.remember(person, name);
      this.duplicates.addExisting(name, person);
      byId.set(person.id, person);
    }
    await this.rememberMergedEmails(byId);
  }

  /**
   * An email of someone merged into another person (by the office, by a
   * sync review, or by a sheet's "same person") finds the one they were
   * merged into, so the row that led to the merge finds them again.
   */
  private async rememberMergedEmails(live: ReadonlyMap<string, KnownPerson>): Promise<void> {
    const merged = await this.db.selectFrom('people').select(['id', 'email', 'merged_into']).where('merged_into', 'is not', null).execute();
    const into = new Map(merged.map((row) => [row.id, row.merged_into!]));
    for (const row of merged) {
      if (!row.email || this.byEmail.has(emailKey(row.email))) continue;
      let target = row.merged_into!;
      for (let hops = 0; into.has(target) && hops < 100; hops += 1) target = into.get(target)!;
      const person = live.get(target);
      if (person) this.byEmail.set(emailKey(row.email), person);
    }
  }

  private remember(person: KnownPerson, name: string): void {
    if (person.email && !this.byEmail.has(emailKey(person.email))) this.byEmail.set(emailKey(person.email), person);
    const key = nameAt(name, person.organisationId);
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

  /**
   * The same email is the same person; without one, the same name at the
   * same organisation (who has no other email). A row neither finds, but
   * that looks like someone already here, is a likely duplicate: that person
   * when the office chose them as the same, otherwise a new person.
   */
  async person(record: SheetRecord, organisationId: string | null): Promise<PersonFound> {
    if (record.email) {
      const byEmail = this.byEmail.get(emailKey(record.email));
      if (byEmail) return { id: byEmail.id, matchedBy: 'email', person: byEmail };
    }
    const name = searchName(record.givenName, record.familyName);
    const byName = this.byName.get(nameAt(name, organisationId));
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
    const chosen = this.duplicates.check(name, { ...record, organisationId });
    if (chosen) {
      // The row as a record merged into the person chosen, as a merge at the office keeps both: the person keeps
      // the email Fieldbook has, and the row's email finds them again (this file imported again, a later row).
      if (this.scope) await this.scope.update('people', await insertPerson(this.scope, fields), { merged_into: chosen.id });
      if (record.email) this.byEmail.set(emailKey(record.email), chosen);
      return { id: chosen.id, matchedBy: 'chosen', person: chosen };
    }
    const id = this.scope ? await insertPerson(this.scope, fields) : this.newId('person');
    const person: KnownPerson = {
      id,
      givenName: record.givenName,
      familyName: record.familyName,
      name: `${record.givenName} ${record.familyName}`,
      email: record.email,
      organisationId,
      existing: false,
    };
    this.remember(person, name);
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
