import type { CoreContext } from '../deps';
import { POINTERS, rowHash, type Pointer } from './erased-rows';

type Sqlite = CoreContext['sqlite'];

/**
 * Erasure always wins. The merge asks here before it keeps any change: a
 * change about an erased row, or one that points at an erased row, is
 * dropped before it reaches the change log, whatever its clock stamp says.
 * A new row pointing at an erased one (a sign-in a laptop took for the person
 * before its package brought the erasure) is erased too: its id is kept, and
 * anything already held of it (a change that arrived first and waits) goes,
 * so its later changes are dropped as well.
 */
export class Tombstones {
  private readonly erased: Set<string>;
  private readonly pointers = new Map<string, Pointer[]>();
  private readonly erasureOf;
  private readonly keep;
  private readonly forget;

  constructor(private readonly sqlite: Sqlite) {
    // Held in memory: the merge asks once per change, and a million-change import must not pay a query each.
    this.erased = new Set(
      sqlite.prepare('SELECT row_hash FROM erased_rows').pluck().all() as string[],
    );
    for (const pointer of POINTERS) this.pointers.set(pointer.table, [...(this.pointers.get(pointer.table) ?? []), pointer]);
    this.erasureOf = sqlite.prepare('SELECT erasure_id FROM erased_rows WHERE row_hash = ?').pluck();
    this.keep = sqlite.prepare('INSERT OR IGNORE INTO erased_rows (row_hash, table_name, erasure_id) VALUES (?, ?, ?)');
    this.forget = [
      sqlite.prepare('DELETE FROM change_log WHERE table_name = ? AND row_id = ?'),
      sqlite.prepare('DELETE FROM unapplied_rows WHERE table_name = ? AND row_id = ?'),
      sqlite.prepare('DELETE FROM conflicts WHERE table_name = ? AND row_id = ?'),
    ];
  }

  /** Nothing was ever erased here: the merge skips every question. */
  get none(): boolean {
    return this.erased.size === 0;
  }

  isErased(table: string, rowId: string): boolean {
    // Only people and the rows that point at them are ever erased: a course or a session is not worth a hash.
    return REACHED.has(table) && this.erased.has(rowHash(table, rowId));
  }

  /** The erased row these fields point at, if any. */
  erasedParent(table: string, fields: Record<string, unknown>): { table: string; rowId: string } | null {
    for (const pointer of this.pointers.get(table) ?? []) {
      const value = fields[pointer.column];
      if (typeof value === 'string' && this.erased.has(rowHash(pointer.parent, value))) return { table: pointer.parent, rowId: value };
    }
    return null;
  }

  /**
   * Erases a row not stored here that points at an erased one, with what
   * already waits of it. Returns the rows erased, for the merge to forget
   * they were waiting.
   */
  bury(table: string, rowId: string, parent: { table: string; rowId: string }): { table: string; rowId: string }[] {
    const erasureId = this.erasureOf.get(rowHash(parent.table, parent.rowId)) as string;
    const buried: { table: string; rowId: string }[] = [];
    const waitingFor = this.sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows WHERE waits_for = ?');
    const next = [{ table, rowId }];
    for (let row = next.pop(); row; row = next.pop()) {
      const children = waitingFor.all(`${row.table}:${row.rowId}`) as { table_name: string; row_id: string }[];
      this.keep.run(rowHash(row.table, row.rowId), row.table, erasureId);
      for (const statement of this.forget) statement.run(row.table, row.rowId);
      this.erased.add(rowHash(row.table, row.rowId));
      buried.push(row);
      for (const child of children) if (!this.isErased(child.table_name, child.row_id)) next.push({ table: child.table_name, rowId: child.row_id });
    }
    return buried;
  }
}

/** The tables an erasure reaches. */
const REACHED = new Set<string>(['people', ...POINTERS.map((pointer) => pointer.table)]);
