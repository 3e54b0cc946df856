import { followUpCodeForReading, type Answers } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { localDate } from '../deps';
import { checkAnswers } from '../evaluations/responses';
import { answersFromCells, answersKey, checkedAnswers, itemForHeader } from '../sheets/question-columns';
import type { SheetRecord } from '../sheets/records';
import type { Walk } from '../sheets/walk';
import { codeProblem, followUpResponseId, opened, recordFollowUp, type CodeOpened } from './answers';


/** The row's cells as answers to the follow-up questions the code was sent with, or why they cannot be read. */
function answersOf(record: SheetRecord, code: CodeOpened, placedHeaders: Set<string>): Answers | string {
  const answers = answersFromCells(record.unplaced, (header) => itemForHeader(code.questions, header), placedHeaders);
  if (typeof answers === 'string') return answers;
  // A form tool's "Confidence" or "Comments" column: the follow-up's one rating of confidence, and its last open question.
  const confidence = code.questions.find((item) => item.id === 'confidence' || item.kind === 'outcome_rating');
  if (record.confidenceAfter !== null && confidence && answers[confidence.id] === undefined) answers[confidence.id] = record.confidenceAfter;
  const open = code.questions.filter((item) => item.kind === 'free_text').at(-1);
  if (record.comments !== null && open && answers[open.id] === undefined) answers[open.id] = record.comments;
  if (Object.keys(answers).length === 0) return 'no answers to the follow-up questions';
  return checkedAnswers(answers);
}

/** What the follow-up questions' own check says of a row's answers, as a row's reason ("“What have you done…”: please answer this question"), or null. */
function answersProblem(code: CodeOpened, answers: Answers): string | null {
  try {
    checkAnswers(code.questions, answers);
    return null;
  } catch (error) {
    if (!(error instanceof FieldbookError)) throw error;
    const [id, message] = Object.entries(error.fields ?? {})[0] ?? ['', error.message];
    const item = code.questions.find((question) => question.id === id);
    const words = message.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
    return item && 'text' in item ? `“${item.text.en}”: ${words}` : words;
  }
}

/**
 * Rows of an evaluations sheet that carry a follow-up code: a known code not
 * used yet becomes that person's follow-up answers for the session it was
 * sent for, and uses the code up; an unknown or used code is a refused row,
 * with its reason. The same row imported again finds its own answers there
 * and adds nothing; a code twice in one file answers once.
 */
export class FollowUpRows {
  private readonly usedInFile = new Set<string>();

  constructor(private readonly walk: Walk) {}

  /** Takes one row with a code; whether it was accepted (new or already there). */
  async take(record: SheetRecord, placedHeaders: Set<string>): Promise<boolean> {
    const { walk } = this;
    const code = record.followUpCode!;
    const found = codeProblem(walk.ctx, code);
    if (this.usedInFile.has(code)) {
      walk.refuse(record, `the code ${followUpCodeForReading(code)} is on an earlier row of this file, and a code answers once`);
      return false;
    }
    let row;
    if ('problem' in found) {
      // Used by this very row before (the file imported again): already there.
      const usedRow = found.problem === 'used' ? walk.ctx.sqlite.prepare('SELECT * FROM follow_up_codes WHERE code = ?').get(code) : undefined;
      if (!usedRow) {
        walk.refuse(record, found.text);
        return false;
      }
      row = usedRow as Parameters<typeof opened>[1];
    } else row = found.row;
    const person = opened(walk.ctx, row);
    const answers = answersOf(record, person, placedHeaders);
    if (typeof answers === 'string') {
      walk.refuse(record, answers);
      return false;
    }
    const problem = answersProblem(person, answers);
    if (problem) {
      walk.refuse(record, problem);
      return false;
    }
    this.usedInFile.add(code);
    if ('problem' in found) {
      const stored = await walk.db.selectFrom('evaluation_responses').select('answers').where('id', '=', followUpResponseId(row)).executeTakeFirst();
      if (stored && answersKey(JSON.parse(stored.answers) as Answers) === answersKey(answers)) {
        walk.preview.responses.already += 1;
        return true;
      }
      walk.refuse(record, found.text);
      return false;
    }
    walk.preview.responses.new += 1;
    walk.preview.responses.linked += 1;
    if (walk.scope) await recordFollowUp(walk.ctx, walk.scope, person, answers, localDate(walk.ctx.clock()));
    return true;
  }
}
