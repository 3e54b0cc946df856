import type { EvaluationItem } from '../../../../../shared/contract';
import { ApiError } from '../../../api/client';

/** Why answers were not recorded, as the participant needs to hear it. */
export type EvaluationProblem = 'notSignedIn' | 'alreadyResponded' | 'closed' | 'changed' | 'generic';

/** Every problem's catalogue keys, written out so the catalogue checks can find them. */
export const problemKeys: Record<EvaluationProblem, { title: string; text: string }> = {
  notSignedIn: { title: 'kiosk.evaluation.problems.notSignedIn.title', text: 'kiosk.evaluation.problems.notSignedIn.text' },
  alreadyResponded: {
    title: 'kiosk.evaluation.problems.alreadyResponded.title',
    text: 'kiosk.evaluation.problems.alreadyResponded.text',
  },
  closed: { title: 'kiosk.evaluation.problems.closed.title', text: 'kiosk.evaluation.problems.closed.text' },
  changed: { title: 'kiosk.evaluation.problems.changed.title', text: 'kiosk.evaluation.problems.changed.text' },
  generic: { title: 'kiosk.evaluation.problems.generic.title', text: 'kiosk.evaluation.problems.generic.text' },
};

/**
 * What a refusal means for the participant, by the error's code (the core's
 * own words are English, for staff). Answers the core found wrong come back
 * as the ids of their items, so the participant can check them and send again.
 */
export function problemOf(error: unknown, items: readonly EvaluationItem[]): { problem: EvaluationProblem } | { recheck: string[] } {
  if (!(error instanceof ApiError)) return { problem: 'generic' };
  switch (error.code) {
    case 'NOT_SIGNED_IN':
      return { problem: 'notSignedIn' };
    case 'ALREADY_RESPONDED':
      return { problem: 'alreadyResponded' };
    case 'KIOSK_CLOSED':
    case 'KIOSK_LOCKED':
      return { problem: 'closed' };
    case 'INVALID_INPUT': {
      if (error.fields.templateId) return { problem: 'changed' };
      // The schema names an answer "answers.<item id>"; the core's own check names it by the item's id.
      const named = Object.keys(error.fields).map((field) => field.replace(/^answers\./, ''));
      const flagged = items.filter((item) => named.some((field) => field === item.id || field.startsWith(`${item.id}.`)));
      return flagged.length > 0 ? { recheck: flagged.map((item) => item.id) } : { problem: 'generic' };
    }
    default:
      return { problem: 'generic' };
  }
}
