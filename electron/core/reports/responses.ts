import { z } from 'zod';
import { EvaluationItem } from '../../../shared/contract';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { rows, type ReportRequest } from './report-parts';

/**
 * Evaluation responses at the sessions a report counts, as a CTE after the
 * scope's, given at the end of the session: the person kept (after merges), their organisation and sector,
 * or "anonymous" for an answer that carries no person. With an
 * organisation or sector filter only answers with a person can match.
 */
export function scopedResponses(request: ReportRequest): string {
  // The end-of-session answers: before and follow-up answers are counted by the change report.
  const where = `WHERE r.moment = 'after'${request.scope.personWhere ? ` AND ${request.scope.personWhere}` : ''}`;
  return `scoped_responses AS (
      SELECT r.id, r.session_id, r.template_id, r.answers, p.id AS person_id,
        CASE WHEN r.person_id IS NULL THEN 'anonymous' ELSE p.organisation_id END AS organisation_id,
        CASE WHEN r.person_id IS NULL THEN 'anonymous' ELSE COALESCE(o.sector, 'none') END AS sector
      FROM evaluation_responses r
      JOIN scoped_sessions ss ON ss.id = r.session_id
      LEFT JOIN person_root pr ON pr.id = r.person_id
      LEFT JOIN people p ON p.id = COALESCE(pr.root, r.person_id)
      LEFT JOIN organisations o ON o.id = p.organisation_id
      ${where}
    )`;
}

const StoredItems = z.array(EvaluationItem);

export interface TemplateItems {
  id: string;
  courseId: string;
  items: EvaluationItem[];
  /** The items as stored (JSON text). */
  stored: string;
}

/**
 * Every version of every course's evaluation form: a response is read by the
 * items of the version it answered. Item ids are put into JSON paths, so an
 * id with a quote or backslash (never made by Fieldbook's editor, which
 * makes slugs) is left out rather than misread.
 */
export function readTemplates(sqlite: Database): TemplateItems[] {
  const stored = sqlite.prepare('SELECT id, course_id, items FROM evaluation_templates').all() as { id: string; course_id: string; items: string }[];
  return stored.map((row) => ({
    id: row.id,
    courseId: row.course_id,
    items: StoredItems.parse(JSON.parse(row.items)).filter((item) => !/["\\]/.test(item.id)),
    stored: row.items,
  }));
}

/** A rating 1–5 from a JSON path into answers, or NULL for "prefer not to say", missing or anything else. */
export const ratingAt = (path: string) => `(CASE WHEN json_type(x.answers, ${path}) = 'integer' AND json_extract(x.answers, ${path}) BETWEEN 1 AND 5 THEN json_extract(x.answers, ${path}) END)`;

/** Attendances in the report's scope, the denominator of the response rate. */
export function attendanceCount(request: ReportRequest): number {
  return rows<{ n: number }>(request, 'SELECT COUNT(*) AS n FROM attended')[0]?.n ?? 0;
}
