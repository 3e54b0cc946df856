import type { Database } from 'better-sqlite3-multiple-ciphers';
import { IdNumbers } from './columns';
import type { PeopleFacts } from './people-facts';
import { NOTHING_READ, watermarkHolds, type Watermark } from './sources';

/**
 * Sessions and who attended each: for every session, the people (as
 * recorded, before merges) whose latest sign-in fact there is a sign-in, not
 * an undo. Merges, cancellations and filters are applied when a report
 * counts (scope.ts), so a merge or a cancelled session changes no fact here.
 */

export interface SessionRow {
  startsAt: string;
  cancelled: boolean;
  contractId: string | null;
  courseId: string;
  venueId: string;
  /** The values of its facilitators list, as json_each reads them (a name listed twice counts twice). */
  facilitators: string[];
  /** Beside each facilitator, the id of the record it refers to, if any (schema 0029). */
  facilitatorIds: (string | null)[];
  /** False once the row is gone (its number stays, unused). */
  present: boolean;
}

/** Beyond this many new sign-in facts at once (an import), reading them all again is quicker than session by session. */
const REREAD_ALL_OVER = 50_000;

function facilitatorValues(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value)) return value.map(String);
    if (typeof value === 'object' && value !== null) return Object.values(value).map(String);
  } catch {
    // The column is checked json_valid; a value that is not a list has no facilitators to count.
  }
  return [];
}

/** As the SQL joins them by place in the list: only a list of names has records beside it, and only text ids count. */
function recordIds(facilitators: string, facilitatorIds: string): (string | null)[] {
  try {
    const names = JSON.parse(facilitators) as unknown;
    const ids = JSON.parse(facilitatorIds) as unknown;
    if (!Array.isArray(names) || !Array.isArray(ids)) return [];
    return names.map((_, i) => (typeof ids[i] === 'string' ? (ids[i] as string) : null));
  } catch {
    return [];
  }
}

export class AttendanceFacts {
  readonly sessionNumbers = new IdNumbers();
  readonly sessions: SessionRow[] = [];
  /** By session number: the numbers of the people who attended it, as recorded (each once). */
  attendees: Int32Array[] = [];
  /**
   * By session number: the people kept after merges who attended it, each
   * once (two records of one person at a session are one attendance), only
   * people whose row is there. Worked out again for a session whose facts
   * changed, and for all when merges change (keptUpToDate).
   */
  kept: Int32Array[] = [];
  private keptForPeople = -1;
  private readonly keptStale = new Set<number>();
  mark: Watermark = NOTHING_READ;

  loadSessions(sqlite: Database): void {
    for (const session of this.sessions) session.present = false;
    const rows = sqlite
      .prepare('SELECT id, starts_at, status, contract_id, course_id, venue_id, facilitators, facilitator_ids FROM sessions')
      .raw()
      .iterate() as Iterable<[string, string, string, string | null, string, string, string, string]>;
    for (const [id, startsAt, status, contractId, courseId, venueId, facilitators, facilitatorIds] of rows) {
      const names = facilitatorValues(facilitators);
      const row: SessionRow = {
        startsAt,
        cancelled: status === 'cancelled',
        contractId,
        courseId,
        venueId,
        facilitators: names,
        facilitatorIds: recordIds(facilitators, facilitatorIds),
        present: true,
      };
      const n = this.sessionNumbers.add(id);
      this.sessions[n] = row;
      if (this.attendees[n] === undefined) this.attendees[n] = new Int32Array(0);
      if (this.kept[n] === undefined) this.kept[n] = new Int32Array(0);
    }
  }

  /** Every sign-in fact read again: the latest per person and session, from the index in its order. */
  loadSignIns(sqlite: Database, people: PeopleFacts): void {
    this.attendees = this.sessions.map(() => new Int32Array(0));
    this.mark = this.lastRow(sqlite);
    const facts = sqlite
      .prepare('SELECT session_id, person_id, kind, hlc FROM sign_ins ORDER BY session_id, person_id, hlc')
      .raw()
      .iterate() as Iterable<[string, string, string, string]>;
    let sessionId: string | null = null;
    let found: number[] = [];
    const flush = () => {
      const session = sessionId === null ? undefined : this.sessionNumbers.numberOf(sessionId);
      if (session !== undefined) this.attendees[session] = Int32Array.from(found);
      found = [];
      this.keptForPeople = -1;
    };
    this.latestFacts(facts, people, (session, person) => {
      if (session !== sessionId) {
        flush();
        sessionId = session;
      }
      found.push(person);
    });
    flush();
  }

  /**
   * The sign-in facts added since the last read: the sessions they are at are
   * read again (a session's facts are a few hundred rows off the index).
   * False when that cannot be trusted, or is more work than loadSignIns().
   */
  readNewSignIns(sqlite: Database, people: PeopleFacts): boolean {
    if (!watermarkHolds(sqlite, 'sign_ins', this.mark)) return false;
    const last = this.lastRow(sqlite);
    if (last.rowid === this.mark.rowid) return true;
    const fresh = sqlite.prepare('SELECT COUNT(*) FROM sign_ins WHERE rowid > ?').pluck().get(this.mark.rowid) as number;
    if (fresh > REREAD_ALL_OVER) return false;
    const sessionIds = sqlite.prepare('SELECT DISTINCT session_id FROM sign_ins WHERE rowid > ? AND rowid <= ?').pluck().all(this.mark.rowid, last.rowid) as string[];
    const ofSession = sqlite.prepare('SELECT session_id, person_id, kind, hlc FROM sign_ins WHERE session_id = ? ORDER BY person_id, hlc');
    for (const sessionId of sessionIds) {
      const session = this.sessionNumbers.numberOf(sessionId);
      if (session === undefined) continue;
      const found: number[] = [];
      this.latestFacts(ofSession.raw().iterate(sessionId) as Iterable<[string, string, string, string]>, people, (_session, person) => found.push(person));
      this.attendees[session] = Int32Array.from(found);
      this.keptStale.add(session);
    }
    this.mark = last;
    return true;
  }

  /**
   * Walks facts ordered by session, person and clock stamp, and calls back
   * for each person whose latest fact at a session is a sign-in. As SQLite's
   * MAX(hlc) does, the first of equal stamps is the one that counts.
   */
  private latestFacts(facts: Iterable<[string, string, string, string]>, people: PeopleFacts, attended: (sessionId: string, person: number) => void): void {
    let session: string | null = null;
    let person: string | null = null;
    let kind = '';
    let hlc = '';
    const done = () => {
      if (session === null || person === null || kind !== 'sign_in') return;
      const n = people.numbers.numberOf(person);
      // A fact about someone not in people is not counted: the reports join the person's row.
      if (n !== undefined && people.present.at(n)) attended(session, n);
    };
    for (const [factSession, factPerson, factKind, factHlc] of facts) {
      if (factSession !== session || factPerson !== person) {
        done();
        session = factSession;
        person = factPerson;
        kind = factKind;
        hlc = factHlc;
      } else if (factHlc > hlc) {
        kind = factKind;
        hlc = factHlc;
      }
    }
    done();
  }

  /** Brings `kept` and `byPerson` up to date with the attendees and the people's merges. */
  keptUpToDate(people: PeopleFacts): void {
    const all = this.keptForPeople !== people.generation;
    if (!all && this.keptStale.size === 0) return;
    const seenAt = new Int32Array(people.size).fill(-1);
    const root = people.root;
    const present = people.present.view();
    const redo = (n: number) => {
      const attendees = this.attendees[n]!;
      const kept = new Int32Array(attendees.length);
      let count = 0;
      for (let i = 0; i < attendees.length; i += 1) {
        const person = root[attendees[i]!]!;
        if (seenAt[person] === n || present[person] === 0) continue;
        seenAt[person] = n;
        kept[count++] = person;
      }
      this.kept[n] = count === kept.length ? kept : kept.slice(0, count);
    };
    if (all) {
      this.attendees.forEach((_list, n) => redo(n));
      this.byPerson = personMajor(this.kept, people);
    } else {
      let patched = true;
      for (const n of this.keptStale) {
        const before = this.kept[n]!;
        redo(n);
        if (patched) patched = patchPersonMajor(this.byPerson, n, before, this.kept[n]!);
      }
      if (!patched) this.byPerson = personMajor(this.kept, people);
    }
    this.keptStale.clear();
    this.keptForPeople = people.generation;
  }

  /**
   * The same attendances person by person: each kept person's sessions, the
   * people in order of their organisation (so each organisation's people
   * are together). A report then reads them in order, and each breakdown's
   * group counts need only small arrays (by session, by group) rather than
   * an array the size of everyone.
   */
  byPerson: PersonMajor = { people: new Int32Array(0), organisationSlot: new Int32Array(0), start: new Int32Array(1), sessions: new Int32Array(0), positionOf: new Int32Array(0) };

  private lastRow(sqlite: Database): Watermark {
    const row = sqlite.prepare('SELECT rowid, id FROM sign_ins ORDER BY rowid DESC LIMIT 1').raw().get() as [number, string] | undefined;
    return row ? { rowid: row[0], id: row[1] } : NOTHING_READ;
  }
}

export interface PersonMajor {
  /** Kept people with at least one attendance, by organisation slot (0: none, n + 1: organisation n). */
  people: Int32Array;
  /** By position in `people`: their organisation slot. */
  organisationSlot: Int32Array;
  /** By position in `people`: where their sessions start in `sessions` (one more entry at the end). */
  start: Int32Array;
  /** Session numbers, each person's together; NO_SESSION marks a spare place (each person has one more than they need). */
  sessions: Int32Array;
  /** By person number: their position in `people`, or -1. */
  positionOf: Int32Array;
}

/** A spare place in a person's sessions: never in scope (a report counts a session only where inScope is 1). */
export const NO_SESSION = -1;

/**
 * A session's kept attendees changed (a new sign-in, an undo): its entries
 * are taken out of the people who left and put in the spare place of those
 * who came, so one sign-in does not rebuild a million entries. False when
 * that cannot be done (someone new to the list, or with no spare place
 * left): then the whole list is built again.
 */
function patchPersonMajor(major: PersonMajor, session: number, before: Int32Array, after: Int32Array): boolean {
  const now = new Set(after);
  const was = new Set(before);
  const place = (person: number, from: number, to: number): boolean => {
    const position = person < major.positionOf.length ? major.positionOf[person]! : -1;
    if (position < 0) return false;
    for (let k = major.start[position]!; k < major.start[position + 1]!; k += 1) {
      if (major.sessions[k] === from) {
        major.sessions[k] = to;
        return true;
      }
    }
    return false;
  };
  for (const person of before) if (!now.has(person) && !place(person, session, NO_SESSION)) return false;
  for (const person of after) if (!was.has(person) && !place(person, NO_SESSION, session)) return false;
  return true;
}

function personMajor(kept: readonly Int32Array[], people: PeopleFacts): PersonMajor {
  const count = new Int32Array(people.size);
  let total = 0;
  for (const list of kept) {
    for (let i = 0; i < list.length; i += 1) count[list[i]!]! += 1;
    total += list.length;
  }
  const organisation = people.organisation.view();
  // People with attendances, sorted by organisation slot (a counting sort: slots are few).
  let slots = 1;
  for (let n = 0; n < organisation.length; n += 1) if (organisation[n]! + 2 > slots) slots = organisation[n]! + 2;
  const perSlot = new Int32Array(slots + 1);
  let attending = 0;
  for (let n = 0; n < count.length; n += 1) {
    if (count[n] === 0) continue;
    perSlot[organisation[n]! + 2]! += 1;
    attending += 1;
  }
  for (let slot = 1; slot <= slots; slot += 1) perSlot[slot]! += perSlot[slot - 1]!;
  const order = new Int32Array(attending);
  const organisationSlot = new Int32Array(attending);
  for (let n = 0; n < count.length; n += 1) {
    if (count[n] === 0) continue;
    const at = perSlot[organisation[n]! + 1]!++;
    order[at] = n;
    organisationSlot[at] = organisation[n]! + 1;
  }
  const start = new Int32Array(attending + 1);
  const positionOf = new Int32Array(people.size).fill(-1);
  for (let i = 0; i < attending; i += 1) {
    start[i + 1] = start[i]! + count[order[i]!]! + 1;
    positionOf[order[i]!] = i;
  }
  const fill = start.slice(0, attending);
  const sessions = new Int32Array(total + attending).fill(NO_SESSION);
  kept.forEach((list, session) => {
    for (let i = 0; i < list.length; i += 1) sessions[fill[positionOf[list[i]!]!]!++] = session;
  });
  return { people: order, organisationSlot, start, sessions, positionOf };
}
