import type { SubjectAccessPart } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { cell, type Cell } from '../exports/table';
import { deviceNamer } from '../people/person-history';
import { displayName } from '../signin/roster';
import type { RowsAbout } from './rows-about';

/**
 * What every part of a subject access answer reads through: the rows about
 * the person, each table's rows by id, and the names of the sessions,
 * computers and people those rows point at, so every part names them the
 * same way.
 */

export interface AccessContext {
  sqlite: CoreContext['sqlite'];
  rows: RowsAbout;
  /** The stored rows of one table that are about the person. */
  stored<Row>(table: string, orderBy: string): Row[];
  /** "First aid at Riverside Hall", or words saying it is no longer here. */
  sessionName(sessionId: string | null): Cell;
  /** The session's start, at the venue. */
  sessionStart(sessionId: string | null): Cell;
  deviceName(deviceId: string): string;
  personName(personId: string): string;
  organisationName(organisationId: string | null): Cell;
}

interface SessionFacts {
  course: string;
  venue: string;
  startsAt: string;
}

export function accessContext(ctx: CoreContext, rows: RowsAbout): AccessContext {
  const sqlite = ctx.sqlite;
  const readSession = sqlite.prepare(
    `SELECT c.title AS course, v.name AS venue, s.starts_at AS startsAt
     FROM sessions s JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id WHERE s.id = ?`,
  );
  const sessions = new Map<string, SessionFacts | null>();
  const session = (id: string) => {
    if (!sessions.has(id)) sessions.set(id, (readSession.get(id) as SessionFacts | undefined) ?? null);
    return sessions.get(id)!;
  };
  const readPerson = sqlite.prepare('SELECT given_name, family_name, preferred_name FROM people WHERE id = ?');
  const readOrganisation = sqlite.prepare('SELECT name FROM organisations WHERE id = ?').pluck();
  return {
    sqlite,
    rows,
    stored<Row>(table: string, orderBy: string) {
      const ids = rows.byTable.get(table) ?? [];
      if (ids.length === 0) return [];
      return sqlite.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ${orderBy}`).all(JSON.stringify(ids)) as Row[];
    },
    sessionName(sessionId) {
      if (!sessionId) return cell.empty();
      const found = session(sessionId);
      return cell.text(found ? `${found.course} at ${found.venue}` : 'A session no longer held here');
    },
    sessionStart(sessionId) {
      return cell.wallClock(sessionId ? session(sessionId)?.startsAt : null);
    },
    deviceName: deviceNamer(ctx),
    personName(personId) {
      const found = readPerson.get(personId) as Parameters<typeof displayName>[0] | undefined;
      return found ? displayName(found) : 'Someone no longer here';
    },
    organisationName(organisationId) {
      if (!organisationId) return cell.empty();
      return cell.text((readOrganisation.get(organisationId) as string | undefined) ?? 'An organisation no longer here');
    },
  };
}

/** A part from its columns and rows: each column a heading and how to read its cell from a row. */
export function partOf<Row>(
  key: string,
  title: string,
  about: string,
  columns: readonly (readonly [string, (row: Row) => Cell])[],
  rows: readonly Row[],
): SubjectAccessPart {
  return { key, title, about, headers: columns.map(([header]) => header), rows: rows.map((row) => columns.map(([, read]) => read(row))) };
}
