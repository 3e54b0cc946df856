import type { SheetField, SheetKind } from '../../../../shared/contract';

/** A column's field as the office says it, for the mapping selects and the words on screen. */
export const fieldLabels: Record<Exclude<SheetField, 'ignore'>, string> = {
  givenName: 'First name',
  familyName: 'Surname',
  email: 'Email',
  organisation: 'Organisation',
  sector: 'Sector',
  date: 'Session date',
  course: 'Course',
  venue: 'Venue',
  attended: 'Attended',
};

/**
 * The fields each kind reads. The contract's SheetField lists every field;
 * which ones a kind reads is the core's rule (electron/core/sheets/headers.ts,
 * `fieldsOf`), repeated here so a people list is not offered "Course", which
 * the core would set aside.
 */
const fieldsOfKind: Record<SheetKind, readonly Exclude<SheetField, 'ignore'>[]> = {
  people: ['givenName', 'familyName', 'email', 'organisation', 'sector'],
  attendance: ['givenName', 'familyName', 'email', 'organisation', 'sector', 'date', 'course', 'venue', 'attended'],
};

export function fieldsFor(kind: SheetKind): readonly Exclude<SheetField, 'ignore'>[] {
  return fieldsOfKind[kind];
}

/** The choice of what a file holds, in the words of the paper it came from. */
export const kindLabels: Record<SheetKind, string> = {
  attendance: 'Past sign-in sheets (attendance)',
  people: 'A list of people',
};
