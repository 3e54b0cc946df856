import type { EvaluationItem, LearningOutcome } from '../../../shared/contract';

/**
 * The evaluation a new course gets without any setup, across the training
 * cycle: a rating for each learning outcome's topic before the session (at
 * sign-in) and after it; confidence before, after and at the follow-up
 * (after the session also the retrospective "before today" rating, labelled
 * as such in reports); two open questions at the end; and at the follow-up
 * "What have you done differently since the course?".
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
        moments: ['before', 'after'],
        text: { en: outcome.text },
      }),
    ),
    {
      id: 'confidence',
      kind: 'confidence_pair',
      optional: false,
      moments: ['before', 'after', 'follow_up'],
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
      moments: ['after'],
      text: { en: 'What will you do differently?', ar: 'ما الذي ستفعله بشكل مختلف؟', pl: 'Co zrobisz inaczej?' },
    },
    {
      id: 'anything-else',
      kind: 'free_text',
      optional: true,
      moments: ['after'],
      text: { en: 'Anything else?', ar: 'هل هناك أي شيء آخر؟', pl: 'Czy chcesz dodać coś jeszcze?' },
    },
    {
      id: 'done-differently',
      kind: 'free_text',
      optional: true,
      moments: ['follow_up'],
      text: {
        en: 'What have you done differently since the course?',
        ar: 'ما الذي فعلته بشكل مختلف منذ الدورة؟',
        pl: 'Co robisz inaczej od czasu kursu?',
      },
    },
  ];
}
