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
  /** Moves on whenever the terms are read again, so what is worked out from them (member-facts.ts) knows to be worked out again. */
  generation = 0;

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
    this.generation += 1;
  }

  /** Every term of the scheme, oldest first. */
  ofScheme(schemeId: string): readonly TermRow[] {
    return this.bySchemeId.get(schemeId) ?? [];
  }
}
