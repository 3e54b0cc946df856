import type { Answers, EvaluationItem, EvaluationTemplate } from '../../../shared/contract';
import { askedAt } from '../../../shared/evaluation-moments';
import { derivedId } from '../derived-id';
import { hasCompleted } from '../evaluations/anonymous-release';
import { currentTemplate, templateById } from '../evaluations/templates';
import { FollowUpRows } from '../follow-ups/sheet-rows';
import { answersFromCells, answersKey, checkedAnswers, itemForHeader } from './question-columns';
import type { KnownCourse } from './matching';
import type { SheetRecord } from './records';
import { SessionsFound } from './sessions-found';
import { emailKey } from './values';
import type { Walk, WalkResult } from './walk';

/** A course's current questions, and which of the file's columns answer which. */
interface CourseForm {
  template: EvaluationTemplate;
  /** Unplaced header → the outcome rating or free-text question it starts with the words of. */
  byHeader: Map<string, EvaluationItem>;
  confidence: Extract<EvaluationItem, { kind: 'confidence_pair' }> | null;
  /** Where the "Comments" column goes: the form's last open question. */
  comments: Extract<EvaluationItem, { kind: 'free_text' }> | null;
}


/**
 * Evaluation results exported from a form tool, one row per response. Each
 * row's session must be in Fieldbook already (its sign-in sheet imported
 * first): a response is refused, not given a session of its own, because a
 * misspelt course or venue on a results sheet would otherwise add sessions
 * nobody ran. Answers are stored against the course's current questions, so
 * the session's evaluation page and its summary show them.
 *
 * Each response's id is derived from its session, its content and which
 * copy of that content it is among the session's rows, so two identical
 * rows are two responses and importing the file again adds none. For an
 * anonymous course the content leaves the email out: the id must not let
 * anyone test whether an address gave an answer.
 */
export async function walkEvaluations(walk: Walk): Promise<WalkResult> {
  const { db, scope, matcher, preview, read, report } = walk;
  const sessions = await SessionsFound.load(db);
  const forms = new Map<string, CourseForm>();
  const placedHeaders = new Set<string>();
  const copies = new Map<string, number>();
  const answeredNow = new Set<string>();
  // Rows with a follow-up code are a person's follow-up answers, placed by the code (follow-ups/sheet-rows.ts).
  const followUps = new FollowUpRows(walk);
  let accepted = 0;
  await report.stage(scope ? 'writing' : 'matching', read.records.length);

  const formOf = async (course: KnownCourse): Promise<CourseForm> => {
    let form = forms.get(course.id);
    if (!form) {
      let template = await currentTemplate(db, course.id);
      // The default questions are stored on first use, as the kiosk does, so the answers name a template that exists.
      if (scope && !template.stored) template = await templateById(scope, course.id, template.id, walk.ctx.clock());
      // A results sheet holds the end-of-session answers: the follow-up's open question is not its "Comments".
      const freeText = template.items.filter((item) => item.kind === 'free_text').filter((item) => askedAt(item, 'after'));
      form = {
        template,
        byHeader: new Map(),
        confidence: template.items.find((item) => item.kind === 'confidence_pair') ?? null,
        comments: freeText[freeText.length - 1] ?? null,
      };
      forms.set(course.id, form);
    }
    return form;
  };

  for (const record of read.records) {
    await report.advance();
    if (record.followUpCode !== null) {
      if (await followUps.take(record, placedHeaders)) accepted += 1;
      continue;
    }
    const course = matcher.findCourse(record.course!);
    if (!course) {
      walk.refuse(record, `there is no course called "${record.course}" in Fieldbook`);
      continue;
    }
    const venueId = matcher.findVenue(record.venue!);
    const session = venueId ? sessions.find(course.id, record.date!, venueId) : null;
    if (!session) {
      walk.refuse(record, `there is no session of ${course.title} at ${record.venue} on ${record.date} in Fieldbook: import its sign-in sheet first`);
      continue;
    }
    const form = await formOf(course);
    const answers = answersOf(record, form, placedHeaders);
    if (typeof answers === 'string') {
      walk.refuse(record, answers);
      continue;
    }

    const linked = course.mode === 'linked';
    const person = linked && record.email ? matcher.personByEmail(record.email) : null;
    const content = `${answersKey(answers)}|${linked && record.email ? emailKey(record.email) : ''}`;
    const copy = (copies.get(`${session.id}|${content}`) ?? 0) + 1;
    copies.set(`${session.id}|${content}`, copy);
    const id = derivedId('sheet-evaluation-response', session.id, content, String(copy));
    if (await db.selectFrom('evaluation_responses').select('id').where('id', '=', id).executeTakeFirst()) {
      preview.responses.already += 1;
      accepted += 1;
      continue;
    }
    const completionId = person ? derivedId('evaluation-completion', session.id, person.id) : null;
    if (completionId && (answeredNow.has(completionId) || (await hasCompleted(db, completionId)))) {
      walk.refuse(record, `${person!.name} has already answered the evaluation for this session`);
      continue;
    }
    accepted += 1;
    preview.responses.new += 1;
    if (completionId) {
      answeredNow.add(completionId);
      preview.responses.linked += 1;
    }
    if (!scope) continue;
    if (completionId) await scope.insert('evaluation_completions', { id: completionId, session_id: session.id, person_id: person!.id, completed_at: record.date! });
    await scope.insert('evaluation_responses', {
      id,
      session_id: session.id,
      template_id: form.template.id,
      // An anonymous course's answers never name a person, and keep no language, as on the kiosk.
      person_id: person?.id ?? null,
      language: person ? 'en' : null,
      answers: JSON.stringify(answers),
      submitted_on: record.date!,
    });
  }

  preview.ignoredColumns = preview.ignoredColumns.filter((header) => !placedHeaders.has(header));
  return { accepted, anythingNew: preview.responses.new > 0 };
}

/** A row's answers keyed by the course's question ids, or why they cannot be read. */
function answersOf(record: SheetRecord, form: CourseForm, placedHeaders: Set<string>): Answers | string {
  const questionFor = (header: string) => {
    if (!form.byHeader.has(header)) {
      const item = itemForHeader(form.template.items, header);
      if (item) form.byHeader.set(header, item);
    }
    return form.byHeader.get(header) ?? null;
  };
  const answers = answersFromCells(record.unplaced, questionFor, placedHeaders);
  if (typeof answers === 'string') return answers;
  if (record.confidenceBefore !== null || record.confidenceAfter !== null) {
    if (!form.confidence) return 'the course’s evaluation has no confidence question';
    answers[form.confidence.id] = {
      ...(record.confidenceBefore !== null ? { before: record.confidenceBefore } : {}),
      ...(record.confidenceAfter !== null ? { after: record.confidenceAfter } : {}),
    };
  }
  if (record.comments !== null) {
    if (!form.comments) return 'the course’s evaluation has no question for comments';
    if (answers[form.comments.id] === undefined) answers[form.comments.id] = record.comments;
  }
  if (Object.keys(answers).length === 0) return 'no answers';
  return checkedAnswers(answers);
}
