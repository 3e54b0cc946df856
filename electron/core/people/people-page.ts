import type { Database, Statement } from 'better-sqlite3';
import type { PageCursor, ParsedInput, PeoplePage } from '../../../shared/contract';
import { toPerson, type PersonRow } from './person-row';
import { keyRange } from './search-keys';

interface PageRow extends PersonRow {
  sort_key: string;
}

const COLUMNS = `k.key AS sort_key, p.id, p.given_name, p.family_name, p.preferred_name, p.email, p.phone, p.organisation_id,
  p.membership_joined_on, o.name AS organisation_name`;
const FROM = `person_sort_keys k JOIN people p ON p.id = k.person_id LEFT JOIN organisations o ON o.id = p.organisation_id`;
/** Only people with a search key in the typed range (as the search box finds them). */
const MATCHING = `k.person_id IN (SELECT person_id FROM person_search_keys WHERE key >= @from AND key < @to)`;

type Bind = { key: string; id: string; from: string; to: string; limit: number };

/**
 * The office's people list, a page at a time, in name order, from the
 * database: each page is a walk along the (key, person_id) index from a
 * cursor, so page 2,000 costs what page 1 does, and the count and the
 * page's position are index counts. Nobody merged away is listed (they have
 * no sort key). Statements are prepared once per database.
 */
export class PeoplePager {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly sqlite: Database) {}

  page(input: ParsedInput<'people.page'>): PeoplePage {
    const range = keyRange(input.query);
    const filter = range ? `AND ${MATCHING}` : '';
    const bind: Bind = { key: '', id: '', from: range?.from ?? '', to: range?.to ?? '', limit: input.pageSize + 1 };
    const backwards = input.before !== undefined;
    const cursor = input.before ?? input.after;
    if (cursor) Object.assign(bind, { key: cursor.key, id: cursor.id });

    const where = cursor ? `(k.key, k.person_id) ${backwards ? '<' : '>'} (@key, @id)` : '1';
    const order = backwards ? 'k.key DESC, k.person_id DESC' : 'k.key, k.person_id';
    const found = this.all<PageRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ${filter} ORDER BY ${order} LIMIT @limit`, bind, range !== null);
    const more = found.length > input.pageSize;
    const rows = found.slice(0, input.pageSize);
    if (backwards) rows.reverse();

    const total = this.count(`SELECT count(*) FROM person_sort_keys k WHERE 1 ${filter}`, bind, range !== null);
    const first = rows[0];
    const last = rows[rows.length - 1];
    const before = first
      ? this.count(`SELECT count(*) FROM person_sort_keys k WHERE (k.key, k.person_id) < (@key, @id) ${filter}`, { ...bind, key: first.sort_key, id: first.id }, range !== null)
      : 0;
    const cursorOf = (row: PageRow): PageCursor => ({ key: row.sort_key, id: row.id });
    return {
      rows: rows.map(toPerson),
      total,
      from: first ? before + 1 : 0,
      // Going back, "more" means more before; going forward, more after. The other side is known from the position.
      next: last && (backwards ? before + rows.length < total : more) ? cursorOf(last) : null,
      previous: first && before > 0 ? cursorOf(first) : null,
    };
  }

  private prepared(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Binds only the names the statement uses: better-sqlite3 refuses extra named parameters. */
  private params(text: string, bind: Bind, searching: boolean): Partial<Bind> {
    const used: Partial<Bind> = {};
    for (const name of ['key', 'id', 'limit'] as const) if (text.includes(`@${name}`)) Object.assign(used, { [name]: bind[name] });
    if (searching) Object.assign(used, { from: bind.from, to: bind.to });
    return used;
  }

  private all<T>(text: string, bind: Bind, searching: boolean): T[] {
    return this.prepared(text).all(this.params(text, bind, searching)) as T[];
  }

  private count(text: string, bind: Bind, searching: boolean): number {
    return this.prepared(text).pluck().get(this.params(text, bind, searching)) as number;
  }
}
