import { PREFER_NOT_TO_SAY, type Answers, type EvaluationItem, type EvaluationSummary } from '../../../shared/contract';

/** Fewer responses than this and anonymous answers could point at a person: per-item figures are withheld. */
export const SMALL_GROUP = 5;

function rating(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/**
 * What funders ask: the mean rating of each learning outcome, and the share of
 * people whose confidence rose (after above before) with the mean change.
 * Missing answers and "prefer not to say" are left out of every figure; a
 * confidence change counts only when both ratings were given.
 */
export function summarise(
  itemsByTemplate: Map<string, EvaluationItem[]>,
  responses: { templateId: string; answers: Answers }[],
  signedIn: number,
  anonymous: boolean,
): Omit<EvaluationSummary, 'before' | 'change'> {
  const outcomeRatings = new Map<string, { text: string; values: number[] }>();
  const changes: number[] = [];
  let anyConfidence = false;
  const comments: { question: string; text: string }[] = [];

  for (const response of responses) {
    for (const item of itemsByTemplate.get(response.templateId) ?? []) {
      const answer = response.answers[item.id];
      if (item.kind === 'outcome_rating') {
        const entry = outcomeRatings.get(item.outcomeId) ?? { text: item.text.en, values: [] };
        const value = rating(answer);
        if (value !== null) entry.values.push(value);
        outcomeRatings.set(item.outcomeId, entry);
      } else if (item.kind === 'confidence_pair') {
        anyConfidence = true;
        const pair = typeof answer === 'object' && answer !== null ? answer : {};
        const before = rating(pair.before);
        const after = rating(pair.after);
        if (before !== null && after !== null) changes.push(after - before);
      } else if (item.kind === 'free_text' && typeof answer === 'string' && answer.trim() && answer !== PREFER_NOT_TO_SAY) {
        comments.push({ question: item.text.en, text: answer.trim() });
      }
    }
  }

  const smallGroup = responses.length < SMALL_GROUP;
  const withheld = smallGroup && anonymous;
  const rose = changes.filter((change) => change > 0).length;
  return {
    signedIn,
    responses: responses.length,
    responseRate: signedIn ? responses.length / signedIn : 0,
    smallGroup,
    withheld,
    outcomes: withheld
      ? []
      : [...outcomeRatings].map(([outcomeId, entry]) => ({ outcomeId, text: entry.text, mean: mean(entry.values), answered: entry.values.length })),
    confidence:
      withheld || !anyConfidence
        ? null
        : { paired: changes.length, rose, share: changes.length ? rose / changes.length : null, meanChange: mean(changes) },
    comments: withheld ? [] : comments,
  };
}
