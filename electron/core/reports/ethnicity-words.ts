import { ethnicityGroups, type Ethnicity } from '../../../shared/contract';

/**
 * The English words for each ethnicity group and answer, as the kiosk shows
 * them (renderer/locales/en.json, kiosk.equality; a unit test holds the two
 * the same): a report names each category as participants saw it. The core
 * cannot read the renderer's catalogue, so the report's words live here.
 */
export type EthnicGroup = (typeof ethnicityGroups)[number]['group'];

export const groupWords: Record<EthnicGroup, string> = {
  asian: 'Asian, Asian British or Asian Welsh',
  black: 'Black, Black British, Black Welsh, Caribbean or African',
  mixed: 'Mixed or Multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
};

export const codeWords: Record<Ethnicity, string> = {
  'prefer-not-to-say': 'Prefer not to say',
  'asian-bangladeshi': 'Bangladeshi',
  'asian-chinese': 'Chinese',
  'asian-indian': 'Indian',
  'asian-pakistani': 'Pakistani',
  'asian-other': 'Any other Asian background',
  'black-african': 'African',
  'black-caribbean': 'Caribbean',
  'black-other': 'Any other Black, Black British or Caribbean background',
  'mixed-white-asian': 'White and Asian',
  'mixed-white-black-african': 'White and Black African',
  'mixed-white-black-caribbean': 'White and Black Caribbean',
  'mixed-other': 'Any other Mixed or Multiple ethnic background',
  'white-british': 'English, Welsh, Scottish, Northern Irish or British',
  'white-irish': 'Irish',
  'white-gypsy-traveller': 'Gypsy or Irish Traveller',
  'white-roma': 'Roma',
  'white-other': 'Any other White background',
  'other-arab': 'Arab',
  'other-any': 'Any other ethnic group',
};
