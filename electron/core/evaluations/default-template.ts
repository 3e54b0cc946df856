import type { EvaluationItem, LearningOutcome } from '../../../shared/contract';

/**
 * The evaluation a new course gets without any setup: a rating for each
 * learning outcome, confidence before and after, and two open questions.
 * Outcome wording is the course's own (in English until someone translates
 * it in the template); the fixed questions come in every kiosk language.
 */
export function defaultItems(outcomes: LearningOutcome[]): EvaluationItem[] {
  return [
    ...outcomes.map(
      (outcome): EvaluationItem => ({
        id: `outcome-${outcome.id}`,
        kind: 'outcome_rating',
        outcomeId: outcome.id,
        optional: false,
        text: { en: outcome.text },
      }),
    ),
    {
      id: 'confidence',
      kind: 'confidence_pair',
      optional: false,
      before: {
        en: 'Before today, how confident were you working with different communities?',
        ar: 'قبل اليوم، ما مدى ثقتك في العمل مع مجتمعات مختلفة؟',
        pl: 'Jak pewnie czułeś(-aś) się przed dzisiejszym dniem, pracując z różnymi społecznościami?',
      },
      after: {
        en: 'Now, how confident are you working with different communities?',
        ar: 'والآن، ما مدى ثقتك في العمل مع مجتمعات مختلفة؟',
        pl: 'Jak pewnie czujesz się teraz, pracując z różnymi społecznościami?',
      },
    },
    {
      id: 'do-differently',
      kind: 'free_text',
      optional: true,
      text: { en: 'What will you do differently?', ar: 'ما الذي ستفعله بشكل مختلف؟', pl: 'Co zrobisz inaczej?' },
    },
    {
      id: 'anything-else',
      kind: 'free_text',
      optional: true,
      text: { en: 'Anything else?', ar: 'هل هناك أي شيء آخر؟', pl: 'Czy chcesz dodać coś jeszcze?' },
    },
  ];
}
