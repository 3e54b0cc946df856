import type { SamePerson, SheetLikelyDuplicate } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { whyLikelySame } from '../signin/similar-people';
import { LISTED } from './walk';

/** A person already in Fieldbook, as the sheet's matching holds them. */
export interface DuplicateCandidate {
  id: string;
  givenName: string;
  familyName: string;
  name: string;
  email: string | null;
  organisationId: string | null;
}

/** The row a new person would be added from, with the organisation it found. */
export interface RowPerson {
  sheet: string;
  row: number;
  givenName: string;
  familyName: string;
  email: string | null;
  organisation: string | null;
  organisationId: string | null;
}

interface Choice {
  choice: SamePerson;
  used: boolean;
}

const where = (sheet: string | undefined, row: number) => (sheet === undefined ? `row ${row}` : `row ${row} of "${sheet}"`);
const NOTHING = 'Nothing was imported.';

/**
 * The likely duplicates of a sheet: rows that no matching rule ties to
 * anyone, but that look like someone already in Fieldbook by the one rule
 * every way of adding a person uses (whyLikelySame). Candidates are held in
 * memory by normalised name, loaded with everyone else before the walk, so a
 * 100,000-row sheet asks the database nothing per row. Each pair is added as
 * a different person unless the office chose it as the same.
 */
export class LikelyDuplicates<C extends DuplicateCandidate> {
  private readonly byName = new Map<string, C[]>();
  private readonly choices = new Map<string, Choice>();
  /** Each pair, up to the first 500. */
  readonly found: SheetLikelyDuplicate[] = [];
  /** Rows that look like someone already here (a row may look like two). */
  count = 0;

  constructor(
    samePeople: readonly SamePerson[],
    sheetsRead: readonly string[],
    private readonly organisationName: (id: string) => string | null,
  ) {
    for (const choice of samePeople) {
      if (choice.sheet === undefined && sheetsRead.length > 1) {
        throw new FieldbookError(
          'INVALID_INPUT',
          `Say which sheet row ${choice.row} is on: the file has the sheets ${sheetsRead.map((name) => `"${name}"`).join(', ')}. ${NOTHING}`,
        );
      }
      this.choices.set(this.key(choice.sheet ?? sheetsRead[0] ?? '', choice.row), { choice, used: false });
    }
  }

  private key(sheet: string, row: number): string {
    return `${sheet.toLowerCase()}\n${row}`;
  }

  /** Someone already in Fieldbook, under their name as the search normalises it. */
  addExisting(normalisedName: string, candidate: C): void {
    if (!normalisedName) return;
    const list = this.byName.get(normalisedName);
    if (list) list.push(candidate);
    else this.byName.set(normalisedName, [candidate]);
  }

  /**
   * The row would add a new person: lists each existing person it looks
   * like, and returns the one the office chose as the same, or null (add
   * them as a different person).
   */
  check(normalisedName: string, person: RowPerson): C | null {
    const candidates = this.byName.get(normalisedName);
    const choice = this.choices.get(this.key(person.sheet, person.row));
    if (!candidates) return null;
    const row = { given_name: person.givenName, family_name: person.familyName, email: person.email, organisation_id: person.organisationId };
    const alike = candidates
      .map((candidate) => ({
        candidate,
        why: whyLikelySame({ given_name: candidate.givenName, family_name: candidate.familyName, email: candidate.email, organisation_id: candidate.organisationId }, row),
      }))
      .filter((pair): pair is { candidate: C; why: NonNullable<typeof pair.why> } => pair.why !== null);
    if (alike.length === 0) return null;
    let chosen: C | null = null;
    if (choice) {
      const wanted = choice.choice.personId;
      if (wanted === undefined && alike.length > 1) {
        throw new FieldbookError(
          'INVALID_INPUT',
          `Choose which person ${where(person.sheet, person.row)} is: it looks like ${alike.map(({ candidate }) => candidate.name).join(' and ')}. ${NOTHING}`,
        );
      }
      chosen = alike.find(({ candidate }) => wanted === undefined || candidate.id === wanted)?.candidate ?? null;
      if (chosen) choice.used = true;
    }
    this.count += 1;
    for (const { candidate, why } of alike) {
      if (this.found.length >= LISTED) continue;
      this.found.push({
        sheet: person.sheet,
        row: person.row,
        name: `${person.givenName} ${person.familyName}`,
        email: person.email,
        organisation: person.organisation,
        personId: candidate.id,
        person: candidate.name,
        personEmail: candidate.email,
        personOrganisation: candidate.organisationId === null ? null : this.organisationName(candidate.organisationId),
        why,
        decision: chosen?.id === candidate.id ? 'same' : 'different',
      });
    }
    return chosen;
  }

  /**
   * Every choice must have met its row: one that did not (a row number
   * mistyped, or a file changed since its preview) refuses the file rather
   * than adding, as a second person, someone the office said was known.
   */
  finish(): void {
    for (const { choice, used } of this.choices.values()) {
      if (used) continue;
      throw new FieldbookError(
        'INVALID_INPUT',
        `Preview the file again: ${where(choice.sheet, choice.row)} is not a likely duplicate of ${choice.personId === undefined ? 'anyone in Fieldbook' : 'the person chosen'}, so it cannot be imported as them. ${NOTHING}`,
      );
    }
  }
}
