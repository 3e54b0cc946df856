import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TermOrigin } from '../../../../shared/contract/membership';

/**
 * Membership terms as the membership report reads them, every scheme's,
 * oldest first (by start, then the order the office added them): read
 * again whole when a term changes (migration 0021), as they are written a
 * few at a time at the office.
 */
export type TermRow = [
  rowid: number,
  personId: string,
  startsOn: string,
  endsOn: string,
  origin: TermOrigin,
  cancelledOn: string | null,
  exemptReason: string | null,
  organisationId: string | null,
];

export class TermFacts {
  private bySchemeId = new Map<string, TermRow[]>();

  load(sqlite: Database): void {
    const rows = sqlite
      .prepare(
        `SELECT scheme_id, rowid, person_id, starts_on, ends_on, origin, cancelled_on, exempt_reason, organisation_id
         FROM membership_terms ORDER BY starts_on, rowid`,
      )
      .raw()
      .iterate() as Iterable<[string, ...TermRow]>;
    const bySchemeId = new Map<string, TermRow[]>();
    for (const [schemeId, ...term] of rows) {
      const list = bySchemeId.get(schemeId);
      if (list) list.push(term);
      else bySchemeId.set(schemeId, [term]);
    }
    this.bySchemeId = bySchemeId;
  }

  /** The scheme's terms starting on or before a day, oldest first. */
  startedBy(schemeId: string, day: string): TermRow[] {
    const terms = this.bySchemeId.get(schemeId) ?? [];
    let end = terms.length;
    while (end > 0 && terms[end - 1]![2] > day) end -= 1;
    return end === terms.length ? terms : terms.slice(0, end);
  }
}
