import { FieldbookError } from '../../../shared/errors';
import type { WriteScope } from '../write';
import { addDays, dayInWords, daysBetween, lastDayInEffect } from './dates';
import { addTerm, termDates, termsOfMember } from './terms';

/**
 * Join and renew: what the office's Add a member and Renew do, and what
 * confirming a laptop's "wants to join" request does. Left out, the fee
 * recorded is the scheme's and the organisation the person's now.
 */

export async function schemeRow(scope: Pick<WriteScope, 'trx'>, schemeId: string) {
  const scheme = await scope.trx.selectFrom('membership_schemes').selectAll().where('id', '=', schemeId).executeTakeFirst();
  if (!scheme) throw new FieldbookError('INVALID_INPUT', 'Choose the membership scheme again: that one could not be found.', { schemeId: 'Choose a scheme from the list.' });
  return scheme;
}

export async function personRow(scope: Pick<WriteScope, 'trx'>, personId: string) {
  const person = await scope.trx.selectFrom('people').select(['id', 'given_name', 'organisation_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new FieldbookError('INVALID_INPUT', 'Choose the person again: that one could not be found.', { personId: 'Choose a person from the list.' });
  return person;
}

/**
 * The day a renewal starts when the office does not say: the day after their
 * latest term, so the membership runs on without a break; or today, when that
 * term was cancelled or ended longer ago than the grace period (a rejoin).
 */
function nextStart(latest: { starts_on: string; ends_on: string; cancelled_on: string | null }, graceDays: number, today: string): string {
  const next = addDays(lastDayInEffect(termDates(latest)), 1);
  if (latest.cancelled_on !== null) return next > today ? next : today;
  return next < today && daysBetween(next, today) > graceDays ? today : next;
}

export interface TermChoice {
  schemeId: string;
  personId: string;
  feePence?: number | null;
  paidOn: string | null;
  notes: string | null;
}

/** Someone's first term in a scheme; refused if they have one (renew instead). */
export async function joinScheme(scope: WriteScope, input: TermChoice & { startsOn: string; organisationId?: string | null }) {
  const scheme = await schemeRow(scope, input.schemeId);
  const person = await personRow(scope, input.personId);
  const { rows } = await termsOfMember(scope, input.schemeId, input.personId);
  if (rows.length > 0) {
    throw new FieldbookError('CONFLICT', `Renew ${person.given_name}'s membership instead: they joined ${scheme.name} on ${dayInWords(rows[0]!.starts_on)}.`);
  }
  return addTerm(scope, {
    schemeId: input.schemeId,
    personId: input.personId,
    startsOn: input.startsOn,
    feePence: input.feePence === undefined ? scheme.fee_pence : input.feePence,
    paidOn: input.paidOn,
    organisationId: input.organisationId === undefined ? person.organisation_id : input.organisationId,
    notes: input.notes,
  });
}

/** The next term: from the day after their latest term ends unless a day is given; renewal or rejoin is worked out. */
export async function renewScheme(scope: WriteScope, input: TermChoice & { startsOn?: string }, today: string) {
  const scheme = await schemeRow(scope, input.schemeId);
  const person = await personRow(scope, input.personId);
  const { rows } = await termsOfMember(scope, input.schemeId, input.personId);
  const latest = rows.at(-1);
  if (!latest) throw new FieldbookError('CONFLICT', `Add ${person.given_name} as a member instead: they have not joined ${scheme.name} yet, so there is nothing to renew.`);
  return addTerm(scope, {
    schemeId: input.schemeId,
    personId: input.personId,
    startsOn: input.startsOn ?? nextStart(latest, scheme.grace_days, today),
    feePence: input.feePence === undefined ? scheme.fee_pence : input.feePence,
    paidOn: input.paidOn,
    organisationId: person.organisation_id,
    notes: input.notes,
  });
}
