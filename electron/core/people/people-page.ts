import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput, PeoplePage } from '../../../shared/contract';
import { keysetPage } from './paging';
import { toPerson, type PersonRow } from './person-row';
import { keyRange } from './search-keys';

interface PageRow extends PersonRow {
  sort_key: string;
}

const COLUMNS = `k.key AS sort_key, p.id, p.given_name, p.family_name, p.preferred_name, p.email, p.phone, p.organisation_id,
  p.membership_joined_on, o.name AS organisation_name`;
const JOINS = 'JOIN people p ON p.id = k.person_id LEFT JOIN organisations o ON o.id = p.organisation_id';
const MATCHES = 'SELECT DISTINCT person_id FROM person_search_keys WHERE key >= @from AND key < @to';

/**
 * Below this many search keys in the typed range a search reads its matches
 * and sorts them; above it, walking the name order and keeping the matches
 * is quicker, since a page's worth turns up almost at once. Counting keys up
 * to the limit costs at most that many index entries.
 */
const SORT_MATCHES_BELOW = 5_000;
const FEW_KEYS = `SELECT count(*) FROM (SELECT 1 FROM person_search_keys WHERE key >= @from AND key < @to LIMIT ${SORT_MATCHES_BELOW})`;

/**
 * The office's people list, a page at a time, in name order, from the
 * database: each page is a walk along the (key, person_id) index from a
 * cursor, so page 2,000 costs what page 1 does. The count is SQLite's
 * whole-table count (or the search's distinct matches), and a page's
 * position travels in its cursor rather than being counted again. Nobody
 * merged away is listed (they have no sort key). With an organisation, it is
 * that organisation's staff, the same way.
 */
export class PeoplePager {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly sqlite: Database) {}

  page(input: ParsedInput<'people.page'>): PeoplePage {
    const range = keyRange(input.query);
    const backwards = input.before !== undefined;
    const cursor = input.before ?? input.after;
    const where = cursor ? `(k.key, k.person_id) ${backwards ? '<' : '>'} (@key, @id)` : '1';
    const order = backwards ? 'k.key DESC, k.person_id DESC' : 'k.key, k.person_id';
    const bind = { ...(cursor && { key: cursor.key, id: cursor.id }), ...(range ?? {}), limit: input.pageSize + 1 };
    // The page is chosen on the sort keys alone; only its rows are joined to people and organisations.
    const page = (keys: string, extra = '') =>
      `SELECT ${COLUMNS}${extra} FROM (SELECT k.key, k.person_id FROM ${keys} ORDER BY ${order} LIMIT @limit) k ${JOINS} ORDER BY ${order}`;

    let total: number;
    let found: PageRow[];
    if (input.organisationId) {
      // One organisation's staff: tens or hundreds of people, read through the organisation index and sorted.
      const staff = `SELECT id AS person_id FROM people WHERE organisation_id = @organisationId AND merged_into IS NULL${range ? ` AND id IN (${MATCHES})` : ''}`;
      const ofOrganisation = { organisationId: input.organisationId, ...(range ?? {}) };
      total = this.prepared(`SELECT count(*) FROM (${staff})`).pluck().get(ofOrganisation) as number;
      found = this.prepared(page(`(${staff}) m JOIN person_sort_keys k ON k.person_id = m.person_id WHERE ${where}`)).all({ ...bind, ...ofOrganisation }) as PageRow[];
    } else if (!range) {
      total = this.prepared('SELECT count(*) FROM person_sort_keys').pluck().get() as number;
      found = this.prepared(page(`person_sort_keys k WHERE ${where}`)).all(bind) as PageRow[];
    } else if ((this.prepared(FEW_KEYS).pluck().get(range) as number) < SORT_MATCHES_BELOW) {
      // Few matches: read them all and sort them.
      total = this.prepared(`SELECT count(*) FROM (${MATCHES})`).pluck().get(range) as number;
      found = this.prepared(page(`(${MATCHES}) m JOIN person_sort_keys k ON k.person_id = m.person_id WHERE ${where}`)).all(bind) as PageRow[];
    } else {
      // Many: walk the name order keeping matches (a page turns up at once; the + keeps SQLite from sorting every
      // match instead), counting them in the same statement.
      const rows = this.prepared(
        `WITH m AS MATERIALIZED (${MATCHES}) ${page(`person_sort_keys k WHERE ${where} AND +k.person_id IN m`, ', (SELECT count(*) FROM m) AS total')}`,
      ).all(bind) as (PageRow & { total: number })[];
      total = rows[0]?.total ?? (this.prepared(`SELECT count(*) FROM (${MATCHES})`).pluck().get(range) as number);
      found = rows;
    }

    return keysetPage(found, input, total, (row) => ({ key: row.sort_key, id: row.id }), toPerson);
  }

  private prepared(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
