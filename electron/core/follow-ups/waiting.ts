import { z } from 'zod';
import { EvaluationItem, type FollowUpsDue } from '../../../shared/contract';
import { questionsAt } from '../../../shared/evaluation-moments';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { PERSON_ROOT } from './person-root';

const StoredItems = z.array(EvaluationItem);

/** Whose codes to read: everyone's, one course's or one session's. */
export interface WaitingChoice {
  courseId?: string;
  sessionId?: string;
}

/** A code sent and not answered yet, with its person as the record kept reads now, and the follow-up questions it was sent with. */
export interface WaitingCode {
  code: string;
  askedAt: string;
  sessionId: string;
  startsAt: string;
  venueName: string;
  courseId: string;
  courseTitle: string;
  name: string;
  firstName: string;
  /** Their email now; null once removed (their form still prints). */
  email: string | null;
  questions: EvaluationItem[];
}

/**
 * Everyone asked and not answered yet, in session and name order: the codes
 * not used, less those of a person (after merges) who has answered that
 * session's follow-up already, and one code a person and session (two
 * records merged since could each hold one; the first sent is kept).
 */
export function waitingCodes(ctx: CoreContext, choice: WaitingChoice = {}): WaitingCode[] {
  const rows = ctx.sqlite
    .prepare(
      `WITH RECURSIVE ${PERSON_ROOT}
       SELECT f.code, f.asked_at, f.session_id, r.root AS person_id, p.given_name, p.family_name, p.preferred_name, p.email,
              c.id AS course_id, c.title, s.starts_at, v.name AS venue_name, t.items
       FROM follow_up_codes f JOIN root r ON r.id = f.person_id JOIN people p ON p.id = r.root
       JOIN sessions s ON s.id = f.session_id JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id
       JOIN evaluation_templates t ON t.id = f.template_id
       WHERE f.answered_at IS NULL AND (@sessionId IS NULL OR f.session_id = @sessionId) AND (@courseId IS NULL OR s.course_id = @courseId)
         AND NOT EXISTS (
           SELECT 1 FROM evaluation_responses e JOIN root er ON er.id = e.person_id
           WHERE e.session_id = f.session_id AND e.moment = 'follow_up' AND er.root = r.root
         )
       ORDER BY s.starts_at, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, r.root, f.asked_at, f.code`,
    )
    .all({ sessionId: choice.sessionId ?? null, courseId: choice.courseId ?? null }) as {
    code: string;
    asked_at: string;
    session_id: string;
    person_id: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    email: string | null;
    course_id: string;
    title: string;
    starts_at: string;
    venue_name: string;
    items: string;
  }[];
  const seen = new Set<string>();
  const found: WaitingCode[] = [];
  for (const row of rows) {
    const key = `${row.session_id} ${row.person_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      code: row.code,
      askedAt: row.asked_at,
      sessionId: row.session_id,
      startsAt: row.starts_at,
      venueName: row.venue_name,
      courseId: row.course_id,
      courseTitle: row.title,
      name: displayName(row),
      firstName: row.preferred_name ?? row.given_name,
      email: row.email && row.email.trim() !== '' ? row.email : null,
      questions: questionsAt(StoredItems.parse(JSON.parse(row.items)), 'follow_up'),
    });
  }
  return found;
}

/** Where those waiting were trained, by course (in title order) and session, as the screen offers them for a mail-merge written again. */
export function waitingByCourse(codes: readonly WaitingCode[]): FollowUpsDue['waitingCourses'] {
  const courses = new Map<string, FollowUpsDue['waitingCourses'][number]>();
  for (const code of codes) {
    let course = courses.get(code.courseId);
    if (!course) {
      course = { courseId: code.courseId, courseTitle: code.courseTitle, sessions: [] };
      courses.set(code.courseId, course);
    }
    let session = course.sessions.find((candidate) => candidate.sessionId === code.sessionId);
    if (!session) {
      session = { sessionId: code.sessionId, startsAt: code.startsAt, venueName: code.venueName, waiting: 0 };
      course.sessions.push(session);
    }
    session.waiting += 1;
  }
  return [...courses.values()].sort((a, b) => a.courseTitle.localeCompare(b.courseTitle, 'en', { sensitivity: 'base' }));
}
