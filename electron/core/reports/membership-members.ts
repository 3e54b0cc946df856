import { FieldbookError } from '../../../shared/errors';
import type { MembershipSchemesTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { courseIdsOf } from '../membership/schemes';
import { NEVER, dayNumber } from './facts/day-numbers';
import { ORIGIN_NEW, ORIGIN_RENEWAL, ORIGIN_REJOIN, firstAttendedOn, schemeMembers, type SchemeMembers } from './facts/member-facts';
import { reportFacts, type ReportFacts } from './facts/report-facts';

/**
 * Every member of one scheme as the membership report reads them, as of a
 * day: which of their terms had started, each term's origin and last day in
 * effect, and the training of each joining. The rules are the membership
 * ones (membership/dates.ts's lastDayInEffect and originOf, training.ts's
 * trainingOf, attendance.ts's meaning of attendance), applied over the
 * members' typed columns (facts/member-facts.ts) with day numbers, so
 * 20,000 members are one pass of integer arithmetic: no date strings, no
 * object per member or term.
 */

export const OUTCOME_TRAINED = 0;
export const OUTCOME_NOT_TRAINED = 1;
export const OUTCOME_DUE = 2;
export const OUTCOME_EXEMPT = 3;

export interface MembersAsOf {
  facts: ReportFacts;
  members: SchemeMembers;
  asOf: number;
  /** By member: how many of their terms (the first ones) started by the as-of day; a member with none is not yet a member. */
  started: Int32Array;
  /** By term started: its origin (ORIGIN_*) for the report, as originFor below says. */
  origin: Int8Array;
  /** By term started: its last day in effect on the as-of day (a cancellation dated after it had not happened yet). */
  lastDay: Int32Array;
  /** By term started: 1 when it was cancelled on or before the as-of day. */
  cancelled: Uint8Array;
  /** By member: the training outcome (OUTCOME_*) of their first joining. */
  firstOutcome: Int8Array;
  /** By member: the term their latest joining started with, its outcome and the last day of its window. */
  latestJoining: Int32Array;
  latestOutcome: Int8Array;
}

export function schemeFor(ctx: CoreContext, schemeId: string | undefined): MembershipSchemesTable {
  if (!schemeId) {
    throw new FieldbookError('INVALID_INPUT', 'Choose a membership scheme: the membership report is about one scheme.', {
      schemeId: 'Choose a membership scheme.',
    });
  }
  const scheme = ctx.sqlite.prepare('SELECT * FROM membership_schemes WHERE id = ?').get(schemeId) as MembershipSchemesTable | undefined;
  if (!scheme) throw new FieldbookError('NOT_FOUND', 'Choose the membership scheme again: that one could not be found.');
  return scheme;
}

export async function membersAsOf(ctx: CoreContext, scheme: MembershipSchemesTable, asOf: string): Promise<MembersAsOf> {
  const facts = reportFacts(ctx.sqlite);
  const members = await schemeMembers(facts, ctx.db, scheme);
  const attendedFirst = firstAttendedOn(facts, members, courseIdsOf(scheme));
  const day = dayNumber(asOf);
  const grace = scheme.grace_days;
  const { termStart, startsOn, endsOn, cancelledOn, storedOrigin, exempt, dueBy } = members;
  const memberCount = members.keptIds.length;
  const termCount = startsOn.length;
  const found: MembersAsOf = {
    facts,
    members,
    asOf: day,
    started: new Int32Array(memberCount),
    origin: new Int8Array(termCount),
    lastDay: new Int32Array(termCount),
    cancelled: new Uint8Array(termCount),
    firstOutcome: new Int8Array(memberCount),
    latestJoining: new Int32Array(memberCount),
    latestOutcome: new Int8Array(memberCount),
  };
  const { origin, lastDay, cancelled } = found;

  for (let m = 0; m < memberCount; m += 1) {
    const first = termStart[m]!;
    const end = termStart[m + 1]!;
    // Terms are oldest first, so those started by the as-of day come first.
    let last = first;
    while (last < end && startsOn[last]! <= day) last += 1;
    found.started[m] = last - first;
    // Attendance on or before the as-of day only: their first ever counts when it was by then.
    const attended = attendedFirst[m]! <= day ? attendedFirst[m]! : NEVER;
    for (let t = first; t < last; t += 1) {
      // lastDayInEffect: the end, or the day before a cancellation dated by the as-of day if that is sooner.
      const cancelledBy = cancelledOn[t]! <= day;
      cancelled[t] = cancelledBy ? 1 : 0;
      lastDay[t] = cancelledBy ? Math.min(cancelledOn[t]! - 1, endsOn[t]!) : endsOn[t]!;
      origin[t] = t === first ? ORIGIN_NEW : storedOrigin[t] !== ORIGIN_NEW ? storedOrigin[t]! : originAgain(found, first, t, grace);
      // trainingOf: the first term starts a joining, and so does every later term that is not a renewal.
      if (t !== first && origin[t] === ORIGIN_RENEWAL) continue;
      const outcome = exempt[t] ? OUTCOME_EXEMPT : attended <= dueBy[t]! ? OUTCOME_TRAINED : day <= dueBy[t]! ? OUTCOME_DUE : OUTCOME_NOT_TRAINED;
      if (t === first) found.firstOutcome[m] = outcome;
      found.latestJoining[m] = t;
      found.latestOutcome[m] = outcome;
    }
  }
  return found;
}

/**
 * A term's origin for the report is as it was stored when the term was
 * added (so a later change to the grace period does not rewrite history),
 * except that a person's first term is always their joining, and a "new"
 * term that is not their first (two duplicates, each with a term, later
 * merged) is worked out again from the terms before it that took effect:
 * originOf's rule (a gap of days with no term in effect no longer than the
 * grace period is a renewal, a longer one a rejoin).
 */
function originAgain(found: MembersAsOf, first: number, term: number, graceDays: number): number {
  const { startsOn } = found.members;
  const { lastDay } = found;
  let latest = NEVER;
  for (let before = first; before < term; before += 1) {
    if (lastDay[before]! < startsOn[before]! || startsOn[before]! >= startsOn[term]!) continue;
    if (latest === NEVER || lastDay[before]! > latest) latest = lastDay[before]!;
  }
  if (latest === NEVER) return ORIGIN_NEW;
  return startsOn[term]! - latest - 1 <= graceDays ? ORIGIN_RENEWAL : ORIGIN_REJOIN;
}

/** Whether a later term renews this one: it started after it, took effect, and began no later than the day after its grace period. */
export function renewedInGrace(found: MembersAsOf, member: number, term: number, graceDays: number): boolean {
  const { termStart, startsOn, endsOn } = found.members;
  const lastRenewalDay = endsOn[term]! + graceDays + 1;
  const first = termStart[member]!;
  const last = first + found.started[member]!;
  for (let later = first; later < last; later += 1) {
    if (startsOn[later]! > startsOn[term]! && startsOn[later]! <= lastRenewalDay && found.lastDay[later]! >= startsOn[later]!) return true;
  }
  return false;
}
