import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * The office's conflict log: values one device wrote that a merge replaced
 * with another device's edit made without seeing them. Kept in line with each
 * row's whole history, so it says the same whatever order files arrive in.
 */

export interface HistoryEntry {
  id: string;
  hlc: string;
  device_id: string;
  /** JSON: field → the change the editing device held when it made this edit. */
  replaces: string | null;
  fields: string;
}

/**
 * Whether the winning edit was made on a device that already held the
 * losing value: following what each edit replaced, field by field, from the
 * winner back through the row's history reaches the loser. Then the loser
 * was edited over, not overwritten by a conflicting edit.
 */
function knew(winner: HistoryEntry, loser: HistoryEntry, field: string, byId: Map<string, HistoryEntry>): boolean {
  let current: HistoryEntry | undefined = winner;
  for (let steps = 0; current && steps <= byId.size; steps += 1) {
    const replaced = current.replaces ? (JSON.parse(current.replaces) as Record<string, string>)[field] : undefined;
    if (replaced === undefined) return false;
    if (replaced === loser.id) return true;
    current = byId.get(replaced);
  }
  return false;
}

export class ConflictLog {
  private readonly recordConflict: Statement;
  private readonly conflictsOfRow: Statement;
  private readonly dropConflict: Statement;
  private readonly repointConflict: Statement;

  constructor(
    sqlite: Database,
    private readonly newId: () => string,
  ) {
    this.recordConflict = sqlite.prepare('INSERT INTO conflicts (id, table_name, row_id, field, lost_change_id, won_change_id) VALUES (?, ?, ?, ?, ?, ?)');
    this.conflictsOfRow = sqlite.prepare('SELECT id, lost_change_id, field, won_change_id, status FROM conflicts WHERE table_name = ? AND row_id = ?');
    this.dropConflict = sqlite.prepare('DELETE FROM conflicts WHERE id = ?');
    this.repointConflict = sqlite.prepare('UPDATE conflicts SET won_change_id = ? WHERE id = ?');
  }

  /**
   * Brings the row's entries in the conflict log in line with its whole
   * history, so the log says the same whatever order bundles arrived in:
   * every value from another device than the winner's, which the winner's
   * device had not seen, that differs from the winning value. Open entries that stopped being true (a later change put
   * the value back) are removed; decided ones stay as a record of the decision.
   */
  reconcile(table: string, rowId: string, history: HistoryEntry[], parsed: Record<string, unknown>[], winners: Map<string, HistoryEntry>): number {
    let added = 0;
    const lost = new Map<string, { field: string; lostId: string; wonId: string }>();
    const byId = new Map(history.map((entry) => [entry.id, entry]));
    history.forEach((entry, index) => {
      for (const [field, value] of Object.entries(parsed[index]!)) {
        const winner = winners.get(field)!;
        if (winner === entry || winner.device_id === entry.device_id || knew(winner, entry, field, byId)) continue;
        const winning = parsed[history.indexOf(winner)]![field];
        if (JSON.stringify(winning) === JSON.stringify(value)) continue;
        lost.set(`${entry.id}\u0000${field}`, { field, lostId: entry.id, wonId: winner.id });
      }
    });
    for (const logged of this.conflictsOfRow.all(table, rowId) as { id: string; lost_change_id: string; field: string; won_change_id: string; status: string }[]) {
      const key = `${logged.lost_change_id}\u0000${logged.field}`;
      const now = lost.get(key);
      lost.delete(key);
      if (!now) {
        if (logged.status === 'open') this.dropConflict.run(logged.id);
      } else if (now.wonId !== logged.won_change_id) {
        this.repointConflict.run(now.wonId, logged.id);
      }
    }
    for (const entry of lost.values()) {
      this.recordConflict.run(this.newId(), table, rowId, entry.field, entry.lostId, entry.wonId);
      added += 1;
    }
    return added;
  }
}
