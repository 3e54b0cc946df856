import type { Answer, EvaluationItem, EvaluationMoment } from './contract/evaluation';

/** The moments a question is asked at: those it names, or after alone (every question before moments existed). */
export function momentsOf(item: EvaluationItem): readonly EvaluationMoment[] {
  return item.moments ?? ['after'];
}

export function askedAt(item: EvaluationItem, moment: EvaluationMoment): boolean {
  return momentsOf(item).includes(moment);
}

/**
 * The questions as asked at one moment, in the form's order. A confidence pair
 * asks both its ratings only after the session: its "before today" wording is
 * the retrospective rating. Before the session and at the follow-up it asks
 * its "now" wording alone, as a single rating, so its answer there is one
 * rating, like an outcome's.
 */
export function questionsAt(items: readonly EvaluationItem[], moment: EvaluationMoment): EvaluationItem[] {
  return items
    .filter((item) => askedAt(item, moment))
    .map((item): EvaluationItem =>
      item.kind === 'confidence_pair' && moment !== 'after'
        ? { id: item.id, kind: 'outcome_rating', outcomeId: '', optional: item.optional, moments: item.moments, text: item.after }
        : item,
    );
}

function rating(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
}

/**
 * The 1 to 5 rating an answer gives for a question at a moment, to compare
 * across moments: an outcome's rating, or a confidence pair's "now" rating
 * (its "after" half after the session, the single rating otherwise). Null for
 * no answer, "prefer not to say", or a question that is not a rating.
 */
export function ratingAt(item: EvaluationItem, moment: EvaluationMoment, answer: Answer | undefined): number | null {
  if (item.kind === 'outcome_rating') return rating(answer);
  if (item.kind !== 'confidence_pair') return null;
  if (moment === 'after') return typeof answer === 'object' && answer !== null ? rating(answer.after) : null;
  return rating(answer);
}

/** Whether a question's answers can be compared across moments: a rating asked at more than one. */
export function measuresChange(item: EvaluationItem): boolean {
  return (item.kind === 'outcome_rating' || item.kind === 'confidence_pair') && momentsOf(item).length > 1;
}
