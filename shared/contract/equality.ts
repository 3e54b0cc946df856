import { z } from 'zod';

/**
 * Ethnic groups as asked in the 2021 census of England and Wales (ONS), with
 * "prefer not to say" as a first-class answer. Codes are stable; the words
 * people see come from the kiosk's message catalogues.
 */
export const ethnicityGroups = [
  { group: 'asian', codes: ['asian-bangladeshi', 'asian-chinese', 'asian-indian', 'asian-pakistani', 'asian-other'] },
  { group: 'black', codes: ['black-african', 'black-caribbean', 'black-other'] },
  { group: 'mixed', codes: ['mixed-white-asian', 'mixed-white-black-african', 'mixed-white-black-caribbean', 'mixed-other'] },
  { group: 'white', codes: ['white-british', 'white-irish', 'white-gypsy-traveller', 'white-roma', 'white-other'] },
  { group: 'other', codes: ['other-arab', 'other-any'] },
] as const;

export const ethnicityCodes = [...ethnicityGroups.flatMap((group) => group.codes), 'prefer-not-to-say'] as const;
export const Ethnicity = z.enum(ethnicityCodes, { error: 'Choose one of the listed answers, or "Prefer not to say".' });
export type Ethnicity = z.infer<typeof Ethnicity>;
