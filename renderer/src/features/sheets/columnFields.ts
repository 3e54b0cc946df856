import { sheetFieldsOfKind, type SheetField, type SheetKind } from '../../../../shared/contract';

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
  contract: 'Contract (funding)',
  joinedOn: 'Date joined',
  renewedOn: 'Renewal date',
  feePaid: 'Fee paid',
  confidenceBefore: 'Confidence before',
  confidenceAfter: 'Confidence after',
  followUpCode: 'Follow-up code',
  comments: 'Comments',
};

export function fieldsFor(kind: SheetKind): readonly Exclude<SheetField, 'ignore'>[] {
  return sheetFieldsOfKind[kind];
}

/** The choice of what a file holds, in the words of the paper it came from. */
export const kindLabels: Record<SheetKind, string> = {
  attendance: 'Past sign-in sheets (attendance)',
  people: 'A list of people',
  members: 'A list of members of a membership scheme',
  evaluations: 'Evaluation results (one row per response)',
};
