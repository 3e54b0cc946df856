import { z } from 'zod';
import { EvaluationItem, followUpCodeForReading, type FollowUpForm } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { questionsAt } from '../../../shared/evaluation-moments';
import { localDate, type CoreContext } from '../deps';
import { templateById } from '../evaluations/templates';
import { cell, type Cell, type ExportTable } from '../exports/table';
import { toCsv } from '../exports/write-csv';
import { toXlsx } from '../exports/write-xlsx';
import { displayName } from '../signin/roster';
import type { WriteScope } from '../write';
import { giveCode } from './codes';
import { coursesWithFollowUp, duePeople, PERSON_ROOT } from './due';

const StoredItems = z.array(EvaluationItem);

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

function mergeTable(lines: readonly MergeLine[], now: Date): ExportTable {
  const most = Math.max(...lines.map((line) => line.questions.length));
  const questionHeaders = Array.from({ length: most }, (_, index) => `Question ${index + 1}`);
  return {
    title: 'Follow-up mail-merge',
    fileStem: `Follow-up mail-merge ${localDate(now)}`,
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

/**
 * Gives everyone due (all, one course's or one session's) a new personal
 * code, which marks them asked, and writes the mail-merge file. Inside the
 * procedure's transaction: a file that fails to be written asks nobody.
 */
export async function writeMailMerge(
  ctx: CoreContext,
  scope: WriteScope,
  choice: { format: 'xlsx' | 'csv'; courseId?: string; sessionId?: string },
): Promise<{ fileName: string; bytes: Uint8Array; asked: number }> {
  let courseId = choice.courseId;
  if (choice.sessionId) {
    const session = ctx.sqlite.prepare('SELECT course_id FROM sessions WHERE id = ?').get(choice.sessionId) as { course_id: string } | undefined;
    if (!session) throw new FieldbookError('NOT_FOUND', 'Choose the session again: that one could not be found.');
    if (courseId && courseId !== session.course_id) throw new FieldbookError('INVALID_INPUT', 'Choose a session of that course, or leave the course out.', { sessionId: 'Choose a session of that course.' });
    courseId = session.course_id;
  }
  const forms = await coursesWithFollowUp(ctx, scope.trx, courseId);
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
  const table = mergeTable(lines, now);
  const bytes = choice.format === 'xlsx' ? await toXlsx(table) : toCsv(table);
  return { fileName: `${table.fileStem}.${choice.format}`, bytes, asked: lines.length };
}

/** The forms to print for everyone asked who has not answered yet (one session's, or all), in session and name order. */
export function printableForms(ctx: CoreContext, sessionId?: string): FollowUpForm[] {
  const rows = ctx.sqlite
    .prepare(
      `WITH RECURSIVE ${PERSON_ROOT}
       SELECT f.code, f.asked_at, p.given_name, p.family_name, p.preferred_name, c.title, s.starts_at, v.name AS venue_name, t.items
       FROM follow_up_codes f JOIN root r ON r.id = f.person_id JOIN people p ON p.id = r.root
       JOIN sessions s ON s.id = f.session_id JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id
       JOIN evaluation_templates t ON t.id = f.template_id
       WHERE f.answered_at IS NULL AND (@sessionId IS NULL OR f.session_id = @sessionId)
       ORDER BY s.starts_at, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE`,
    )
    .all({ sessionId: sessionId ?? null }) as {
    code: string;
    asked_at: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    title: string;
    starts_at: string;
    venue_name: string;
    items: string;
  }[];
  return rows.map((row) => ({
    code: followUpCodeForReading(row.code),
    name: displayName(row),
    courseTitle: row.title,
    startsAt: row.starts_at,
    venueName: row.venue_name,
    askedAt: row.asked_at,
    questions: questionsAt(StoredItems.parse(JSON.parse(row.items)), 'follow_up').map((item) => ({
      text: questionWords(item),
      kind: item.kind === 'free_text' ? ('text' as const) : item.kind === 'single_choice' ? ('choice' as const) : ('rating' as const),
      options: item.kind === 'single_choice' ? item.options.map((option) => option.text.en) : [],
    })),
  }));
}
