import type { EvaluationItem, FollowUpForm } from '../../../shared/contract';
import { followUpCodeForReading } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { questionsAt } from '../../../shared/evaluation-moments';
import { localDate, type CoreContext } from '../deps';
import { templateById } from '../evaluations/templates';
import { cell, type Cell, type ExportTable } from '../exports/table';
import { toCsv } from '../exports/write-csv';
import { toXlsx } from '../exports/write-xlsx';
import type { WriteScope } from '../write';
import { giveCode } from './codes';
import { coursesWithFollowUp, duePeople } from './due';
import { waitingCodes, type WaitingChoice } from './waiting';

/** A follow-up question as the person reads it, in English (the office's own email or form tool sends it). */
export function questionWords(item: EvaluationItem): string {
  return item.kind === 'confidence_pair' ? item.after.en : item.text.en;
}

/** One line of the mail-merge: who, where they trained, their code and the questions they are sent. */
interface MergeLine {
  name: string;
  firstName: string;
  email: string;
  courseTitle: string;
  startsAt: string;
  venueName: string;
  code: string;
  questions: string[];
}

/** The file's name and title: a mail-merge written again says so, so it is not taken for a new round of codes. */
function mergeTable(lines: readonly MergeLine[], now: Date, again: boolean): ExportTable {
  const most = Math.max(...lines.map((line) => line.questions.length));
  const questionHeaders = Array.from({ length: most }, (_, index) => `Question ${index + 1}`);
  const title = again ? 'Follow-up mail-merge written again' : 'Follow-up mail-merge';
  return {
    title,
    fileStem: `${title} ${localDate(now)}`,
    headers: ['Name', 'First name', 'Email', 'Course', 'Session date', 'Venue', 'Code', ...questionHeaders],
    rows: lines.map((line): Cell[] => [
      cell.text(line.name),
      cell.text(line.firstName),
      cell.text(line.email),
      cell.text(line.courseTitle),
      cell.day(line.startsAt.slice(0, 10)),
      cell.text(line.venueName),
      cell.text(followUpCodeForReading(line.code)),
      ...questionHeaders.map((_, index) => cell.text(line.questions[index])),
    ]),
  };
}

type MailMergeChoice = WaitingChoice & { format: 'xlsx' | 'csv' };

/** The course chosen, by itself or as the chosen session's; refuses a session not held here or not of the course chosen. */
function chosenCourse(ctx: CoreContext, choice: WaitingChoice): string | undefined {
  if (!choice.sessionId) return choice.courseId;
  const session = ctx.sqlite.prepare('SELECT course_id FROM sessions WHERE id = ?').get(choice.sessionId) as { course_id: string } | undefined;
  if (!session) throw new FieldbookError('NOT_FOUND', 'Choose the session again: that one could not be found.');
  if (choice.courseId && choice.courseId !== session.course_id) throw new FieldbookError('INVALID_INPUT', 'Choose a session of that course, or leave the course out.', { sessionId: 'Choose a session of that course.' });
  return session.course_id;
}

async function mergeFile(lines: readonly MergeLine[], choice: MailMergeChoice, now: Date, again: boolean): Promise<{ fileName: string; bytes: Uint8Array }> {
  const table = mergeTable(lines, now, again);
  const bytes = choice.format === 'xlsx' ? await toXlsx(table) : toCsv(table);
  return { fileName: `${table.fileStem}.${choice.format}`, bytes };
}

/**
 * Gives everyone due (all, one course's or one session's) a new personal
 * code, which marks them asked, and writes the mail-merge file. Inside the
 * procedure's transaction: a file that fails to be written asks nobody.
 */
export async function writeMailMerge(
  ctx: CoreContext,
  scope: WriteScope,
  choice: MailMergeChoice,
): Promise<{ fileName: string; bytes: Uint8Array; asked: number }> {
  const forms = await coursesWithFollowUp(ctx, scope.trx, chosenCourse(ctx, choice));
  const due = duePeople(ctx, forms, { sessionId: choice.sessionId });
  if (due.length === 0) throw new FieldbookError('NOT_FOUND', 'Choose another course or session: nobody there is due a follow-up now, so no mail-merge was written.');

  const now = ctx.clock();
  const lines: MergeLine[] = [];
  for (const form of forms) {
    const people = due.filter((person) => person.courseId === form.courseId);
    if (people.length === 0) continue;
    // The course's default questions are stored now, as the kiosk stores them on first use, so each code names a form that exists.
    const template = form.template.stored ? form.template : await templateById(scope, form.courseId, form.template.id, now);
    const questions = questionsAt(template.items, 'follow_up').map(questionWords);
    const firstNames = ctx.sqlite.prepare('SELECT given_name, preferred_name FROM people WHERE id = ?');
    for (const person of people) {
      const code = giveCode(ctx.sqlite, { session_id: person.sessionId, person_id: person.personId, template_id: template.id, asked_at: now.toISOString() });
      const names = firstNames.get(person.personId) as { given_name: string; preferred_name: string | null };
      lines.push({
        name: person.name,
        firstName: names.preferred_name ?? names.given_name,
        email: person.email,
        courseTitle: form.courseTitle,
        startsAt: person.startsAt,
        venueName: person.venueName,
        code,
        questions,
      });
    }
  }
  return { ...(await mergeFile(lines, choice, now, false)), asked: lines.length };
}

/**
 * The mail-merge of those asked and not answered yet, written again for an
 * office that lost its file: each with the code they were sent and the
 * questions sent with it. Nothing is written to the database: nobody gets a
 * new code, and an answered code is never sent again. People whose email was
 * removed since are left out and counted (their forms print).
 */
export async function rewriteMailMerge(ctx: CoreContext, choice: MailMergeChoice): Promise<{ fileName: string; bytes: Uint8Array; written: number; withoutEmail: number }> {
  const waiting = waitingCodes(ctx, { courseId: chosenCourse(ctx, choice), sessionId: choice.sessionId });
  if (waiting.length === 0) throw new FieldbookError('NOT_FOUND', 'Choose another course or session: nobody there was asked and is still to answer, so no mail-merge was written.');
  const lines: MergeLine[] = waiting.flatMap((code) =>
    code.email === null
      ? []
      : [{ name: code.name, firstName: code.firstName, email: code.email, courseTitle: code.courseTitle, startsAt: code.startsAt, venueName: code.venueName, code: code.code, questions: code.questions.map(questionWords) }],
  );
  const withoutEmail = waiting.length - lines.length;
  if (lines.length === 0) {
    throw new FieldbookError('NOT_FOUND', `Use their printable forms instead: ${withoutEmail === 1 ? 'the one person asked there no longer has' : `the ${withoutEmail} people asked there no longer have`} an email, so no mail-merge was written.`);
  }
  return { ...(await mergeFile(lines, choice, ctx.clock(), true)), written: lines.length, withoutEmail };
}

/** The forms to print for everyone asked who has not answered yet (one session's, or all), in session and name order. */
export function printableForms(ctx: CoreContext, sessionId?: string): FollowUpForm[] {
  return waitingCodes(ctx, { sessionId }).map((waiting) => ({
    code: followUpCodeForReading(waiting.code),
    name: waiting.name,
    courseTitle: waiting.courseTitle,
    startsAt: waiting.startsAt,
    venueName: waiting.venueName,
    askedAt: waiting.askedAt,
    questions: waiting.questions.map((item) => ({
      text: questionWords(item),
      kind: item.kind === 'free_text' ? ('text' as const) : item.kind === 'single_choice' ? ('choice' as const) : ('rating' as const),
      options: item.kind === 'single_choice' ? item.options.map((option) => option.text.en) : [],
    })),
  }));
}
