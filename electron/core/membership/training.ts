import type { TermOrigin, Training } from '../../../shared/contract/membership';
import { trainingDueBy } from './dates';

/** What the training rule needs of a stored term. */
export interface JoiningTerm {
  id: string;
  startsOn: string;
  origin: TermOrigin;
  exemptReason: string | null;
}

/**
 * One outcome per joining: a new or rejoin term starts one, and the renewals
 * after it belong to it. Only joinings started by the as-of date count, and
 * only attendance on or before it, so the answer for a day never changes.
 * In order: exempt (the office typed a reason); trained (attended a required
 * course before joining or within the window, which includes its last day);
 * due (the window is still open); not trained.
 */
export function trainingOf(
  terms: readonly JoiningTerm[],
  windowMonths: number,
  asOf: string,
  /** Their first attendance at a required course on or before asOf, or null. */
  firstAttendedOn: string | null,
): Training[] {
  const started = terms.filter((term) => term.startsOn <= asOf).sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  // A list whose first term was stored as a renewal (an old spreadsheet) still joined with it.
  const joinings = started.filter((term, index) => index === 0 || term.origin !== 'renewal');
  return joinings.map((joining) => {
    const dueBy = trainingDueBy(joining.startsOn, windowMonths);
    const attendedOn = firstAttendedOn !== null && firstAttendedOn <= asOf ? firstAttendedOn : null;
    const outcome =
      joining.exemptReason !== null ? 'exempt' : attendedOn !== null && attendedOn <= dueBy ? 'trained' : asOf <= dueBy ? 'due' : 'not_trained';
    return { joiningTermId: joining.id, joinedOn: joining.startsOn, dueBy, outcome, attendedOn, exemptReason: joining.exemptReason };
  });
}

/** The joining a term belongs to: the latest new or rejoin term starting on or before it. */
export function joiningOf<T extends { id: string; startsOn: string; origin: TermOrigin }>(terms: readonly T[], termId: string): T | undefined {
  const term = terms.find((candidate) => candidate.id === termId);
  if (!term) return undefined;
  const before = terms.filter((candidate) => candidate.startsOn <= term.startsOn).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  return [...before].reverse().find((candidate) => candidate.origin !== 'renewal') ?? before[0];
}
