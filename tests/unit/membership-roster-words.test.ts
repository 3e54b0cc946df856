import { describe, expect, it } from 'vitest';
import type { MemberLine } from '../../shared/contract';
import { memberLineText, shortDay } from '../../shared/member-line';

/** The roster's membership line, as a facilitator reads it beside a person. */

const line = (fields: Partial<MemberLine> = {}): MemberLine => ({
  personId: 'p',
  schemeId: 's',
  schemeName: 'Allies',
  requiredCourses: ['Core training'],
  status: 'current',
  outcome: 'due',
  dueBy: '2027-02-28',
  ...fields,
});

describe('the roster’s membership line', () => {
  it('says the scheme, the required course and its due day, with the year only when it is not the package’s', () => {
    expect(memberLineText(line(), '2027-01-10')).toBe('Allies — Core training due by 28 Feb');
    expect(memberLineText(line(), '2026-09-01')).toBe('Allies — Core training due by 28 Feb 2027');
  });

  it('says training when any of several courses will do, and what became of the requirement otherwise', () => {
    expect(memberLineText(line({ requiredCourses: ['Core training', 'Core training (online)'] }), '2027-01-10')).toBe('Allies — training due by 28 Feb');
    expect(memberLineText(line({ outcome: 'trained' }), '2027-01-10')).toBe('Allies — trained');
    expect(memberLineText(line({ outcome: 'not_trained' }), '2027-03-10')).toBe('Allies — Core training not done by 28 Feb');
    expect(memberLineText(line({ outcome: 'exempt' }), '2027-01-10')).toBe('Allies — exempt from training');
  });

  it('names a status other than current after the scheme', () => {
    expect(memberLineText(line({ status: 'in_grace', outcome: 'trained' }), '2027-05-10')).toBe('Allies (in grace period) — trained');
    expect(memberLineText(line({ status: 'expired', outcome: 'trained' }), '2027-08-10')).toBe('Allies (expired) — trained');
  });

  it('reads a day with no package as one with its year', () => {
    expect(shortDay('2027-02-28', null)).toBe('28 Feb 2027');
  });
});
