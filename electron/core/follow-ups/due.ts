import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import type { EvaluationTemplate, FollowUpsDue } from '../../../shared/contract';
import { questionsAt } from '../../../shared/evaluation-moments';
import { calendarDay } from '../../../shared/words-for-days';
import { localDate, type CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { currentTemplate } from '../evaluations/templates';
import { PERSON_ROOT } from './person-root';
import { waitingByCourse, waitingCodes } from './waiting';


/** "2026-03-12" and a number of days on (or back, when negative). */
export function daysFrom(day: string, days: number): string {
  return new Date(calendarDay(day).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A linked course whose current form asks something at the follow-up: the only ones a follow-up is sent for. */
export interface FollowUpCourseForm {
  courseId: string;
  courseTitle: string;
  template: EvaluationTemplate;
}

/** `db`: the write's own transaction when called inside one (a read on the outer handle would wait for it forever). */
export async function coursesWithFollowUp(ctx: CoreContext, db: Kysely<Schema>, courseId?: string): Promise<FollowUpCourseForm[]> {
  const courses = ctx.sqlite
    .prepare(`SELECT id, title FROM courses WHERE evaluation_mode = 'linked' ${courseId ? 'AND id = ?' : ''} ORDER BY title COLLATE NOCASE`)
    .all(...(courseId ? [courseId] : [])) as { id: string; title: string }[];
  const found: FollowUpCourseForm[] = [];
  for (const course of courses) {
    const template = await currentTemplate(db, course.id);
    if (questionsAt(template.items, 'follow_up').length > 0) found.push({ courseId: course.id, courseTitle: course.title, template });
  }
  return found;
}

export interface DuePerson {
  sessionId: string;
  startsAt: string;
  venueName: string;
  courseId: string;
  personId: string;
  name: string;
  email: string;
}

/**
 * Who is due a follow-up: signed in (their latest sign-in fact a sign-in, not
 * undone) at a session, not cancelled, of a linked course whose form asks
 * follow-up questions, whose day was at least the form's weeks ago; with an
 * email; and neither asked yet (no code for them at that session) nor
 * answered already. People merged since count once, as the record kept.
 */
export function duePeople(ctx: CoreContext, forms: readonly FollowUpCourseForm[], only?: { sessionId?: string }): DuePerson[] {
  const today = localDate(ctx.clock());
  const found: DuePerson[] = [];
  const statement = ctx.sqlite.prepare(
    `WITH RECURSIVE ${PERSON_ROOT},
     chosen AS (
       SELECT s.id, s.starts_at, v.name AS venue_name FROM sessions s JOIN venues v ON v.id = s.venue_id
       WHERE s.course_id = @courseId AND s.status <> 'cancelled' AND substr(s.starts_at, 1, 10) <= @lastDay
         AND (@sessionId IS NULL OR s.id = @sessionId)
     ),
     latest AS (
       SELECT si.session_id, si.person_id, si.kind, MAX(si.hlc) AS hlc FROM sign_ins si
       WHERE si.session_id IN (SELECT id FROM chosen) GROUP BY si.session_id, si.person_id
     ),
     attended AS (SELECT DISTINCT l.session_id, r.root AS person_id FROM latest l JOIN root r ON r.id = l.person_id WHERE l.kind = 'sign_in'),
     asked AS (
       SELECT f.session_id, r.root AS person_id FROM follow_up_codes f JOIN root r ON r.id = f.person_id WHERE f.session_id IN (SELECT id FROM chosen)
       UNION SELECT e.session_id, r.root FROM evaluation_responses e JOIN root r ON r.id = e.person_id
       WHERE e.session_id IN (SELECT id FROM chosen) AND e.moment = 'follow_up'
     )
     SELECT c.id AS session_id, c.starts_at, c.venue_name, p.id AS person_id, p.given_name, p.family_name, p.preferred_name, p.email
     FROM attended a JOIN chosen c ON c.id = a.session_id JOIN people p ON p.id = a.person_id
     WHERE p.email IS NOT NULL AND trim(p.email) <> ''
       AND NOT EXISTS (SELECT 1 FROM asked k WHERE k.session_id = a.session_id AND k.person_id = a.person_id)
     ORDER BY c.starts_at, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE`,
  );
  for (const form of forms) {
    const lastDay = daysFrom(today, -7 * form.template.followUpWeeks);
    const rows = statement.all({ courseId: form.courseId, lastDay, sessionId: only?.sessionId ?? null }) as {
      session_id: string;
      starts_at: string;
      venue_name: string;
      person_id: string;
      given_name: string;
      family_name: string;
      preferred_name: string | null;
      email: string;
    }[];
    for (const row of rows) {
      found.push({
        sessionId: row.session_id,
        startsAt: row.starts_at,
        venueName: row.venue_name,
        courseId: form.courseId,
        personId: row.person_id,
        name: displayName(row),
        email: row.email,
      });
    }
  }
  return found;
}

/** The due list by course and session, as the screen shows it, with those asked who have not answered yet. */
export async function followUpsDue(ctx: CoreContext): Promise<FollowUpsDue> {
  const forms = await coursesWithFollowUp(ctx, ctx.db);
  const people = duePeople(ctx, forms);
  const courses: FollowUpsDue['courses'] = [];
  for (const form of forms) {
    const mine = people.filter((person) => person.courseId === form.courseId);
    if (mine.length === 0) continue;
    const sessions = new Map<string, FollowUpsDue['courses'][number]['sessions'][number]>();
    for (const person of mine) {
      let session = sessions.get(person.sessionId);
      if (!session) {
        session = {
          sessionId: person.sessionId,
          startsAt: person.startsAt,
          venueName: person.venueName,
          dueOn: daysFrom(person.startsAt.slice(0, 10), 7 * form.template.followUpWeeks),
          people: [],
        };
        sessions.set(person.sessionId, session);
      }
      session.people.push({ personId: person.personId, name: person.name, email: person.email });
    }
    courses.push({ courseId: form.courseId, courseTitle: form.courseTitle, followUpWeeks: form.template.followUpWeeks, sessions: [...sessions.values()] });
  }
  const waiting = waitingCodes(ctx);
  return { due: people.length, waiting: waiting.length, courses, waitingCourses: waitingByCourse(waiting) };
}
