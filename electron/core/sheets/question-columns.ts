import { Answers, type Answer, type EvaluationItem } from '../../../shared/contract';
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

/**
 * A row's cells read as answers to the questions their headers name, keyed by
 * question id, or the first cell's reason it cannot be read; each header
 * placed on a question is added to placedHeaders (so it is not listed as ignored).
 */
export function answersFromCells(
  cells: readonly { header: string; value: CellValue }[],
  questionFor: (header: string) => EvaluationItem | null,
  placedHeaders: Set<string>,
): Record<string, Answer> | string {
  const answers: Record<string, Answer> = {};
  for (const { header, value } of cells) {
    const item = questionFor(header);
    if (!item) continue;
    placedHeaders.add(header);
    const answer = answerFor(item, value);
    if (answer === undefined) continue;
    if (typeof answer === 'object' && 'reason' in answer) return answer.reason;
    answers[item.id] = answer;
  }
  return answers;
}

/** The answers as the contract checks them, or its first reason in a row's words ("a rating must be from 1 to 5"). */
export function checkedAnswers(answers: Record<string, Answer>): Answers | string {
  const checked = Answers.safeParse(answers);
  if (!checked.success) return (checked.error.issues[0]?.message ?? 'an answer is not valid').replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
  return checked.data;
}

/** The answers as one text whatever order their questions came in: two rows with the same answers have the same key. */
export const answersKey = (answers: Answers): string => JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));
