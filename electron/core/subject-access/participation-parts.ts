import { PREFER_NOT_TO_SAY, type Answer, type EvaluationItem, type SubjectAccessPart } from '../../../shared/contract';
import type { ConsentsTable, EqualityAnswersTable, EvaluationCompletionsTable, EvaluationResponsesTable } from '../../db/schema';
import { cell, type Cell } from '../exports/table';
import { codeWords } from '../reports/ethnicity-words';
import { consentTextInFull, type ConsentTextArchive } from './consent-texts';
import { partOf, type AccessContext } from './context';

/** What they agreed to and answered: consents with the words they read, their equality answer, linked evaluations. */

const languageWords: Record<string, string> = { en: 'English', ar: 'Arabic', pl: 'Polish' };
const language = (code: string | null) => cell.text(code ? (languageWords[code] ?? code) : null);

export function consentsPart(access: AccessContext, texts: ConsentTextArchive): SubjectAccessPart {
  const rows = access.stored<ConsentsTable>('consents', 'agreed_at, id');
  return partOf(
    'consents',
    'Consents',
    'Each time they agreed to how their information is used, with the version and language of the text they read, and its words.',
    [
      ['Agreed at', (row) => cell.instant(row.agreed_at)],
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Version', (row) => cell.text(row.text_version)],
      ['Language', (row) => language(row.language)],
      ['The text they agreed to', (row) => {
        const text = texts[row.text_version]?.[row.language];
        return cell.text(text ? consentTextInFull(text) : 'The words of this version in this language are not kept in this version of Fieldbook.');
      }],
      ['Computer', (row) => cell.text(access.deviceName(row.device_id))],
    ],
    rows,
  );
}

export function equalityPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<EqualityAnswersTable>('equality_answers', 'answered_at, id');
  return partOf(
    'equality',
    'Equality answer',
    'The ethnic group they chose to give, if they answered. It is kept apart from their record and is reported only as totals; this answer is the one place it is shown for one person.',
    [
      ['Answer', (row) => cell.text(codeWords[row.ethnicity as keyof typeof codeWords] ?? row.ethnicity)],
      ['Answered at', (row) => cell.instant(row.answered_at)],
    ],
    rows,
  );
}

interface AnswerLine {
  response: EvaluationResponsesTable;
  question: string;
  answer: Cell;
}

const rating = (value: unknown) => (value === PREFER_NOT_TO_SAY ? 'Prefer not to say' : value === undefined ? 'Not given' : `${String(value)} of 5`);

function answerLines(item: EvaluationItem, answer: Answer | undefined, response: EvaluationResponsesTable): AnswerLine[] {
  const line = (question: string, value: Cell): AnswerLine => ({ response, question, answer: value });
  switch (item.kind) {
    case 'outcome_rating':
      return [line(item.text.en, cell.text(answer === undefined ? null : rating(answer)))];
    case 'confidence_pair': {
      const pair = (typeof answer === 'object' && answer !== null ? answer : {}) as { before?: unknown; after?: unknown };
      return [line(item.before.en, cell.text(rating(pair.before))), line(item.after.en, cell.text(rating(pair.after)))];
    }
    case 'free_text':
      return [line(item.text.en, cell.text(typeof answer === 'string' ? answer : null))];
    case 'single_choice':
      return [line(item.text.en, cell.text(item.options.find((option) => option.id === answer)?.text.en ?? null))];
  }
}

export function evaluationsPart(access: AccessContext): SubjectAccessPart {
  const responses = access.stored<EvaluationResponsesTable>('evaluation_responses', 'submitted_on, id');
  const template = access.sqlite.prepare('SELECT items FROM evaluation_templates WHERE id = ?').pluck();
  const lines = responses.flatMap((response) => {
    const items = JSON.parse((template.get(response.template_id) as string | undefined) ?? '[]') as EvaluationItem[];
    const answers = JSON.parse(response.answers) as Record<string, Answer>;
    return items.flatMap((item) => answerLines(item, answers[item.id], response));
  });
  return partOf(
    'evaluations',
    'Evaluation answers',
    'Their answers to evaluations of courses whose answers are kept with the person, question by question (questions in English). Anonymous answers name no one and cannot be found for anyone, so none are here.',
    [
      ['Session', (line) => access.sessionName(line.response.session_id)],
      ['Answered on', (line) => cell.day(line.response.submitted_on)],
      ['Language', (line) => language(line.response.language)],
      ['Question', (line) => cell.text(line.question)],
      ['Answer', (line) => line.answer],
    ],
    lines,
  );
}

export function completionsPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<EvaluationCompletionsTable>('evaluation_completions', 'completed_at, id');
  return partOf(
    'completions',
    'Evaluations completed',
    'That they answered a session\'s evaluation (for the response rate), never what they answered when the answers are anonymous.',
    [
      ['Session', (row) => access.sessionName(row.session_id)],
      // A completion of an anonymous evaluation keeps the day only, so its time cannot tie it to the answers.
      ['Completed', (row) => (row.completed_at.length === 10 ? cell.day(row.completed_at) : cell.instant(row.completed_at))],
    ],
    rows,
  );
}
