import { TermValues, type TermOrigin } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import type { MembershipTermsTable } from '../../db/schema';
import { decodeHlc } from '../../sync/hlc';
import type { WriteScope } from '../write';
import { dayInWords, lastDayInEffect, originOf, termEndsOn, type TermDates } from './dates';
import { mergedPeople } from './merged-people';

/**
 * Adding a member's term: the one way a term is made, by the office's
 * screens, the command line and the spreadsheet import of member lists.
 */

export interface NewTerm {
  schemeId: string;
  personId: string;
  startsOn: string;
  feePence: number | null;
  paidOn: string | null;
  organisationId: string | null;
  notes: string | null;
}

/** The values a caller passes, checked with the same rules as a stored term. */
const checkedValues = TermValues.pick({ startsOn: true, feePence: true, paidOn: true, notes: true });

export const termDates = (row: Pick<MembershipTermsTable, 'starts_on' | 'ends_on' | 'cancelled_on'>): TermDates => ({
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  cancelledOn: row.cancelled_on,
});

/** Every term of a member in a scheme, the terms of people merged into them included, oldest first. */
export async function termsOfMember(scope: Pick<WriteScope, 'trx'>, schemeId: string, personId: string) {
  const merged = await mergedPeople(scope.trx);
  const keptId = merged.keptFor(personId);
  const rows = await scope.trx
    .selectFrom('membership_terms')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .where('person_id', 'in', merged.countingFor(keptId))
    .orderBy('starts_on')
    .orderBy('created_at')
    .execute();
  return { keptId, rows };
}

const refuse = (sentence: string, field = 'startsOn') => new FieldbookError('INVALID_INPUT', sentence, { [field]: sentence });

/**
 * Adds a term, its origin and end worked out from the scheme and the
 * member's earlier terms. Idempotent: a term of that scheme and person
 * starting that day already there is returned with `added: false` and
 * nothing is written, so an import run twice adds nothing the second time.
 * A term for someone merged into another person is the kept person's.
 */
export async function addTerm(
  scope: WriteScope,
  input: { schemeId: string; personId: string; startsOn: string; feePence: number | null; paidOn: string | null; organisationId: string | null; notes: string | null },
): Promise<{ termId: string; origin: TermOrigin; added: boolean }> {
  const checked = checkedValues.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw refuse(issue.message, String(issue.path[0] ?? 'startsOn'));
  }
  const { startsOn, feePence, paidOn, notes } = checked.data;

  const scheme = await scope.trx.selectFrom('membership_schemes').select(['year_starts', 'grace_days']).where('id', '=', input.schemeId).executeTakeFirst();
  if (!scheme) throw refuse('Choose the membership scheme again: that one could not be found.', 'schemeId');
  const person = await scope.trx.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
  if (!person) throw refuse('Choose the person again: that one could not be found.', 'personId');
  if (input.organisationId !== null) {
    const organisation = await scope.trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) throw refuse('Choose the organisation again: that one could not be found.', 'organisationId');
  }

  const { keptId, rows } = await termsOfMember(scope, input.schemeId, input.personId);
  const same = rows.find((row) => row.starts_on === startsOn);
  if (same) return { termId: same.id, origin: same.origin, added: false };

  const inside = rows.find((row) => row.cancelled_on === null && row.starts_on <= startsOn && startsOn <= row.ends_on);
  if (inside) {
    throw refuse(
      `They are already a member from ${dayInWords(inside.starts_on)} to ${dayInWords(inside.ends_on)}, so a term cannot start on ${dayInWords(startsOn)}. A renewal starts after that term.`,
    );
  }
  // A term that never took effect (cancelled on or before its first day) renews nothing and blocks nothing.
  const inEffect = rows.filter((row) => lastDayInEffect(termDates(row)) >= row.starts_on);
  const latest = inEffect.at(-1);
  if (latest && startsOn < latest.starts_on) {
    throw refuse(
      `A term cannot start on ${dayInWords(startsOn)}, before their term that starts ${dayInWords(latest.starts_on)}: a renewal comes after the term it renews. Add terms in date order.`,
    );
  }

  const origin = originOf(inEffect.map(termDates), startsOn, scheme.grace_days);
  const termId = scope.newId();
  await scope.insert('membership_terms', {
    id: termId,
    scheme_id: input.schemeId,
    person_id: keptId,
    starts_on: startsOn,
    ends_on: termEndsOn(startsOn, scheme.year_starts),
    origin,
    fee_pence: feePence,
    paid_on: paidOn,
    organisation_id: input.organisationId,
    notes,
    cancelled_on: null,
    exempt_reason: null,
    // The device's clock as its change log reads it, so tests and imports with a fixed clock agree.
    created_at: new Date(decodeHlc(scope.stamp()).wallMs).toISOString(),
  });
  return { termId, origin, added: true };
}
