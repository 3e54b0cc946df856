import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AttendanceFacts } from './attendance-facts';
import { EqualityFacts, OrganisationFacts, PeopleFacts } from './people-facts';
import { ResponseFacts } from './response-facts';
import { changed, readVersions, type Versions } from './sources';
import { TermFacts } from './term-facts';

/**
 * The facts the reports count, kept in memory per open database as columns
 * of small integers (docs/benchmarks.md, "Reports"): who attended which
 * session, people's organisations and merges, sessions' attributes,
 * evaluation ratings, equality answers and membership terms. SQL over the sign-in facts costs
 * seconds a report for five years; a pass over these columns costs
 * milliseconds.
 *
 * Never stale: every report first brings the facts up to date (refresh).
 * Each source table has a version its triggers change (migration 0019);
 * a changed small table is read again whole, and the tables that grow by
 * appending are read on from the last row held, so a report after one
 * sign-in reads one session's facts again, not a million. Built on the
 * first report, not when the database opens.
 */
export class ReportFacts {
  readonly organisations = new OrganisationFacts();
  readonly people = new PeopleFacts();
  readonly equality = new EqualityFacts();
  readonly attendance = new AttendanceFacts();
  readonly responses = new ResponseFacts();
  readonly terms = new TermFacts();
  private versions: Versions | null = null;
  /** How long the last refresh took, and whether it read everything (for the bench). */
  lastRefresh = { ms: 0, whole: false };

  constructor(readonly sqlite: Database) {}

  /**
   * Brings every fact up to date with the database, in one read transaction
   * so what is read is one moment's data (inside a procedure's transaction
   * it is a savepoint: a rolled-back write changed a version or the last
   * row, which the next refresh notices).
   */
  refresh(): this {
    const started = performance.now();
    const whole = this.versions === null;
    this.sqlite.transaction(() => this.bringUpToDate()).deferred();
    this.lastRefresh = { ms: performance.now() - started, whole };
    return this;
  }

  private bringUpToDate(): void {
    const { sqlite } = this;
    const now = readVersions(sqlite);
    const held = this.versions;
    const is = (source: Parameters<typeof changed>[2]) => changed(now, held, source);

    if (is('organisations')) this.organisations.load(sqlite);
    // Numbers given to people, organisations and sessions never change, so reading one table again leaves the others' facts true.
    if (is('people') || !this.people.readNew(sqlite, this.organisations)) this.people.load(sqlite, this.organisations);
    // An answer added raises the version, so people added since hold none.
    if (is('equality_answers')) this.equality.load(sqlite, this.people);

    if (is('sessions')) this.attendance.loadSessions(sqlite);
    // Erasing a person removes their sign-ins too (a version change); a person's own row changing changes no fact here.
    if (is('sign_ins') || !this.attendance.readNewSignIns(sqlite, this.people)) this.attendance.loadSignIns(sqlite, this.people);
    this.attendance.keptUpToDate(this.people);

    const templatesSame = is('evaluation_templates') ? this.responses.loadTemplates(sqlite) : true;
    if (is('evaluation_responses') || !templatesSame || !this.responses.readNew(sqlite, this.attendance, this.people)) {
      this.responses.loadResponses(sqlite, this.attendance, this.people);
    }
    if (is('membership_terms')) this.terms.load(sqlite);
    this.versions = now;
  }

  /** Bytes held in typed columns (the id maps and session rows come on top), for docs/benchmarks.md. */
  get columnBytes(): number {
    const { responses, people } = this;
    return (
      [people.organisation, people.present, responses.session, responses.person, responses.template, responses.before, responses.after, responses.outcomeStart, responses.outcomeRatings].reduce(
        (sum, column) => sum + column.bytes,
        0,
      ) +
      people.root.byteLength +
      this.equality.own.byteLength +
      [...this.attendance.attendees, ...this.attendance.kept].reduce((sum, list) => sum + list.byteLength, 0) +
      Object.values(this.attendance.byPerson).reduce((sum, list) => sum + list.byteLength, 0) +
      responses.keptResponders(people).byteLength
    );
  }
}

const perDatabase = new WeakMap<Database, ReportFacts>();

/** The facts for this database, up to date. */
export function reportFacts(sqlite: Database): ReportFacts {
  let facts = perDatabase.get(sqlite);
  if (!facts) perDatabase.set(sqlite, (facts = new ReportFacts(sqlite)));
  return facts.refresh();
}
