import { followUpCodeForReading, type SubjectAccessPart } from '../../../shared/contract';
import type { CodeRow } from '../follow-ups/codes';
import { cell } from '../exports/table';
import { partOf, type AccessContext } from './context';

/**
 * The follow-up codes they were sent. The codes are kept at the office only,
 * outside the shared tables the rest of the answer reads, so they are found
 * by the person's records (the one asked about and those merged with it),
 * never anyone else's.
 */
export function followUpCodesPart(access: AccessContext): SubjectAccessPart {
  const rows = access.sqlite
    .prepare('SELECT * FROM follow_up_codes WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY asked_at, code')
    .all(JSON.stringify(access.rows.people)) as CodeRow[];
  return partOf(
    'follow-up-codes',
    'Follow-up codes',
    'The personal codes sent to them with a follow-up, weeks after a session: when each was sent, and whether and when it was answered (the answers are under Evaluation answers).',
    [
      ['Code', (row) => cell.text(followUpCodeForReading(row.code))],
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Starts', (row) => access.sessionStart(row.session_id)],
      ['Sent at', (row) => cell.instant(row.asked_at)],
      ['Answered', (row) => cell.yesNo(row.answered_at !== null)],
      ['Answered at', (row) => cell.instant(row.answered_at)],
    ],
    rows,
  );
}
