import type { Person, PersonRecord } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { mergedPeople } from '../membership/merged-people';
import { displayName } from '../signin/roster';

interface BookingRow {
  id: string;
  session_id: string;
  course_title: string;
  venue_name: string;
  starts_at: string;
  session_status: string;
  state: string;
  latest_sign_in: string | null;
}

/**
 * Everything the office needs on one person's page, read in a few indexed
 * queries. Rows of people merged into this one are included: a merge keeps
 * both records, and their bookings are this person's.
 */
export async function personRecord(ctx: CoreContext, person: Person): Promise<PersonRecord> {
  const merges = await mergedPeople(ctx.db);
  const ids = merges.countingFor(person.id);
  const idList = JSON.stringify(ids);
  const names = ctx.sqlite.prepare('SELECT id, given_name, family_name, preferred_name, merged_into FROM people WHERE id IN (SELECT value FROM json_each(?))');
  const people = names.all(JSON.stringify([...ids, merges.keptFor(person.id)])) as {
    id: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    merged_into: string | null;
  }[];
  const self = people.find((row) => row.id === person.id);
  const keptId = merges.keptFor(person.id);
  const kept = keptId !== person.id ? people.find((row) => row.id === keptId) : undefined;

  const bookings = ctx.sqlite
    .prepare(
      `SELECT b.id, b.session_id, c.title AS course_title, v.name AS venue_name, s.starts_at, s.status AS session_status, b.state,
              (SELECT si.kind FROM sign_ins si WHERE si.session_id = b.session_id AND si.person_id = b.person_id ORDER BY si.hlc DESC LIMIT 1) AS latest_sign_in
       FROM bookings b JOIN sessions s ON s.id = b.session_id JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id
       WHERE b.person_id IN (SELECT value FROM json_each(?))
       ORDER BY s.starts_at DESC, b.id`,
    )
    .all(idList) as BookingRow[];

  const evaluations = ctx.sqlite
    .prepare(
      `SELECT r.id, r.session_id AS sessionId, c.title AS courseTitle, s.starts_at AS startsAt, r.submitted_on AS submittedOn
       FROM evaluation_responses r JOIN sessions s ON s.id = r.session_id JOIN courses c ON c.id = s.course_id
       WHERE r.person_id IN (SELECT value FROM json_each(?))
       ORDER BY r.submitted_on DESC, r.id`,
    )
    .all(idList) as PersonRecord['evaluations'];

  const consents = ctx.sqlite
    .prepare(
      `SELECT k.id, k.text_version AS version, k.language, k.agreed_at AS agreedAt, c.title AS courseTitle
       FROM consents k JOIN sessions s ON s.id = k.session_id JOIN courses c ON c.id = s.course_id
       WHERE k.person_id IN (SELECT value FROM json_each(?))
       ORDER BY k.agreed_at DESC, k.id`,
    )
    .all(idList) as PersonRecord['consents'];

  const signedIn = (row: BookingRow) => row.latest_sign_in === 'sign_in';
  return {
    person,
    mergedInto: self?.merged_into && kept ? { id: kept.id, name: displayName(kept) } : null,
    merged: people.filter((row) => row.id !== person.id && ids.includes(row.id)).map((row) => ({ id: row.id, name: displayName(row) })),
    bookings: bookings.map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      courseTitle: row.course_title,
      venueName: row.venue_name,
      startsAt: row.starts_at,
      sessionStatus: row.session_status,
      state: row.state,
      signedIn: signedIn(row),
    })),
    attended: new Set(bookings.filter(signedIn).map((row) => row.session_id)).size,
    evaluations,
    consents,
  };
}
