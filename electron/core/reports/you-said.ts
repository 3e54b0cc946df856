import { rows, table, type ReportBody, type ReportRequest } from './report-parts';

/**
 * "You said, we did": what was raised in the sessions of the period (the
 * session notes) and the office's answers, by tag, as they stood on the
 * as-of date. The notes are about a session, never a person; the list
 * carries the course, the day, the tags and the two texts, and no one's name.
 */

const NO_TAG = 'No tag';

interface NoteRow {
  id: string;
  course: string;
  day: string;
  text: string;
  tags: string;
  needsResponse: number;
  status: string;
  response: string | null;
}

export function youSaidReport(request: ReportRequest): ReportBody {
  // Written by the as-of date; an answer given after it had not been given yet.
  const notes = rows<NoteRow>(
    request,
    `SELECT n.id, c.title AS course, substr(ss.starts_at, 1, 10) AS day, n.text, n.tags, n.needs_response AS needsResponse,
       CASE WHEN n.responded_at IS NOT NULL AND substr(n.responded_at, 1, 10) <= @asOf THEN n.status ELSE 'open' END AS status,
       CASE WHEN n.responded_at IS NOT NULL AND substr(n.responded_at, 1, 10) <= @asOf THEN n.response END AS response
     FROM session_notes n JOIN scoped_sessions ss ON ss.id = n.session_id JOIN courses c ON c.id = ss.course_id
     WHERE substr(n.created_at, 1, 10) <= @asOf
     ORDER BY ss.starts_at, n.created_at`,
    { asOf: request.period.asOf },
  ).map((row) => ({ ...row, tags: (JSON.parse(row.tags) as string[]).slice().sort() }));

  const byTag = new Map<string, { raised: number; answered: number }>();
  for (const note of notes) {
    for (const tag of note.tags.length ? note.tags : [NO_TAG]) {
      const counts = byTag.get(tag) ?? { raised: 0, answered: 0 };
      counts.raised += 1;
      if (note.response !== null) counts.answered += 1;
      byTag.set(tag, counts);
    }
  }
  const tags = [...byTag]
    .map(([tag, counts]) => ({ tag, ...counts }))
    .sort((a, b) => b.raised - a.raised || a.tag.localeCompare(b.tag, 'en-GB'));
  const answered = notes.filter((note) => note.response !== null).length;
  const needingAnswer = notes.filter((note) => note.needsResponse === 1 && note.response === null).length;
  const statusWords: Record<string, string> = { open: 'Open', responded: 'Responded', closed: 'Closed' };

  return {
    figures: [
      { key: 'raised', label: 'Notes raised', value: notes.length },
      { key: 'answered', label: 'Answered', value: answered },
      { key: 'awaitingAnswer', label: 'Waiting for an answer', value: needingAnswer },
    ],
    tables: [
      table('byTag', 'By tag', ['Tag', 'Raised', 'Answered'], tags.map((row) => [row.tag, row.raised, row.answered])),
      table(
        'notes',
        'You said, we did',
        ['Course', 'Session', 'Tags', 'You said', 'We did', 'Status'],
        notes.map((note) => [note.course, note.day, note.tags.join(', '), note.text, note.response ?? '', statusWords[note.status] ?? note.status]),
        null,
        6,
      ),
    ],
    data: {
      raised: notes.length,
      answered,
      awaitingAnswer: needingAnswer,
      byTag: tags,
      notes: notes.map((note) => ({ course: note.course, day: note.day, tags: note.tags, youSaid: note.text, weDid: note.response, status: note.status })),
    },
    notes: request.scope.personFiltered ? ['Notes are about a session, not a person: the organisation and sector filters do not apply to them.'] : [],
  };
}
