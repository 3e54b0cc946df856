import type { Answer, EvaluationItem } from '../../../shared/contract';
import { headerKey } from './headers';
import { cellText, readRating, type CellValue } from './values';

/**
 * A results sheet's columns for a form's own questions, found by their
 * words: the end-of-session answers (evaluations.ts) and the follow-up's
 * (follow-ups/sheet-rows.ts) read them the same way.
 */

const questionText = (item: EvaluationItem) => (item.kind === 'confidence_pair' ? item.before.en : item.text.en);

/** The question whose words a header starts with, the longest such if several do ("Recognise good practice (1-5)"). */
export function itemForHeader(items: EvaluationItem[], header: string): EvaluationItem | null {
  let best: EvaluationItem | null = null;
  for (const item of items) {
    if (item.kind !== 'outcome_rating' && item.kind !== 'free_text') continue;
    const text = headerKey(item.text.en);
    if (text !== '' && headerKey(header).startsWith(text) && (!best || text.length > headerKey(questionText(best)).length)) best = item;
  }
  return best;
}

/** A cell's answer to a question: a rating or text; undefined when blank; a reason when it cannot be read. */
export function answerFor(item: EvaluationItem, value: CellValue): Answer | { reason: string } | undefined {
  if (item.kind === 'outcome_rating') {
    const rating = readRating(value, `“${item.text.en}”`);
    if (!rating.ok) return { reason: rating.reason };
    return rating.value ?? undefined;
  }
  const text = cellText(value);
  return text === '' ? undefined : text;
}
