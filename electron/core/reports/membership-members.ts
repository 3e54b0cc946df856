import type { TermOrigin, Training } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import type { MembershipSchemesTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { lastDayInEffect, originOf, type TermDates } from '../membership/dates';
import { mergedPeople } from '../membership/merged-people';
import { courseIdsOf } from '../membership/schemes';
import { trainingOf } from '../membership/training';
import { firstAttendanceOfEveryone } from './facts/first-attendance';
import { reportFacts } from './facts/report-facts';

/**
 * Every member of one scheme as the membership report reads them, as of a
 * day: their terms (a merged duplicate's count for the person kept), the
 * origin of each, and the training of each joining. The rules are the
 * membership ones (dates.ts, training.ts, and attendance.ts's meaning of
 * attendance), applied to the terms and attendance held in the reports'
 * facts in memory (facts/term-facts.ts, facts/first-attendance.ts), so
 * 20,000 members are one pass, not 20,000 reads.
 */

export interface ReportTerm extends TermDates {
  /** The stored row's number, as text (the report names no term). */
  id: string;
  origin: TermOrigin;
  exemptReason: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation's sector, or 'none' when the term has no organisation. */
  sector: string;
}

export interface ReportMember {
  personId: string;
  /** Terms started by the as-of date, oldest first; cancellations after it are left out. */
  terms: ReportTerm[];
  /** Each joining started by the as-of date, oldest first. */
  joinings: Training[];
}

export function schemeFor(ctx: CoreContext, schemeId: string | undefined): MembershipSchemesTable {
  if (!schemeId) {
    throw new FieldbookError('INVALID_INPUT', 'Choose a membership scheme: the membership report is about one scheme.', {
      schemeId: 'Choose a membership scheme.',
    });
  }
  const scheme = ctx.sqlite.prepare('SELECT * FROM membership_schemes WHERE id = ?').get(schemeId) as MembershipSchemesTable | undefined;
  if (!scheme) throw new FieldbookError('NOT_FOUND', 'That membership scheme could not be found.');
  return scheme;
}

/**
 * A term's origin for the report: as it was stored when the term was added
 * (so a later change to the grace period does not rewrite history), except
 * that a person's first term is always their joining, and a "new" term that
 * is not their first (two duplicates, each with a term, later merged) is
 * worked out again from the terms before it.
 */
function originFor(stored: readonly ReportTerm[], index: number, graceDays: number): TermOrigin {
  const term = stored[index]!;
  if (index === 0) return 'new';
  if (term.origin !== 'new') return term.origin;
  return originOf(
    stored.slice(0, index).filter((before) => lastDayInEffect(before) >= before.startsOn),
    term.startsOn,
    graceDays,
  );
}

export async function reportMembers(ctx: CoreContext, scheme: MembershipSchemesTable, asOf: string): Promise<ReportMember[]> {
  // Rowid order is the order the office added them in (terms are office data), the tie-break for a shared start.
  const facts = reportFacts(ctx.sqlite);
  const rows = facts.terms.startedBy(scheme.id, asOf);
  const { organisations } = facts;
  const merged = await mergedPeople(ctx.db);
  const attended = firstAttendanceOfEveryone(facts, courseIdsOf(scheme), asOf, merged);

  const byPerson = new Map<string, ReportTerm[]>();
  for (const [rowid, storedPersonId, startsOn, endsOn, origin, cancelledOn, exemptReason, organisationId] of rows) {
    const personId = merged.keptFor(storedPersonId);
    const organisation = organisationId === null ? undefined : organisations.numbers.numberOf(organisationId);
    const terms = byPerson.get(personId) ?? [];
    terms.push({
      id: String(rowid),
      startsOn,
      endsOn,
      // A cancellation dated after the as-of day had not happened yet on it.
      cancelledOn: cancelledOn !== null && cancelledOn <= asOf ? cancelledOn : null,
      origin,
      exemptReason,
      organisationId,
      organisationName: organisation === undefined ? null : organisations.names[organisation]!,
      sector: organisation === undefined ? 'none' : organisations.sectors[organisation]!,
    });
    byPerson.set(personId, terms);
  }

  return [...byPerson].map(([personId, stored]) => {
    const terms = stored.map((term, index) => ({ ...term, origin: originFor(stored, index, scheme.grace_days) }));
    return { personId, terms, joinings: trainingOf(terms, scheme.window_months, asOf, attended.get(personId) ?? null) };
  });
}
