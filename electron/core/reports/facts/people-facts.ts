import type { Database } from 'better-sqlite3-multiple-ciphers';
import { IdNumbers, int32Column } from './columns';
import { NOTHING_READ, watermarkHolds, type Watermark } from './sources';

/**
 * People and their organisations as the reports count them: each person's
 * organisation and the person kept for them after merges (scope.ts's
 * person_root: follow merged_into to a person who was never merged; a
 * chain that ends at no one, or goes round, leaves the person as they are).
 * Each person and organisation keeps one small number for as long as the
 * database is open, so the sign-in and response facts can hold it.
 */

const NONE = -1;

export class OrganisationFacts {
  readonly numbers = new IdNumbers();
  /** By organisation number: its name, or null for an id with no organisation row. */
  names: (string | null)[] = [];
  /** By organisation number: its sector, or 'none' when there is no such organisation (as COALESCE(o.sector, 'none')). */
  sectors: string[] = [];

  load(sqlite: Database): void {
    this.names = this.names.map(() => null);
    this.sectors = this.sectors.map(() => 'none');
    for (const [id, name, sector] of sqlite.prepare('SELECT id, name, sector FROM organisations').raw().iterate() as Iterable<[string, string, string]>) {
      const n = this.add(id);
      this.names[n] = name;
      this.sectors[n] = sector;
    }
  }

  /** An organisation's number; an id with no row yet (a person pointing at it) gets one too, nameless. */
  add(id: string): number {
    const n = this.numbers.add(id);
    if (n === this.names.length) {
      this.names.push(null);
      this.sectors.push('none');
    }
    return n;
  }
}

export class PeopleFacts {
  readonly numbers = new IdNumbers();
  /** By person number: their organisation's number, or -1 for none. */
  readonly organisation = int32Column();
  /** By person number: whether the row is there (an erased person's number stays, unused). */
  readonly present = int32Column();
  /** By person number: the person kept for them (themself unless merged). */
  root = new Int32Array(0);
  /** Merged people: their number and the id they were merged into. */
  private mergedInto = new Map<number, string>();
  mark: Watermark = NOTHING_READ;
  /** Moves on whenever a person's row, organisation or merge may have changed. */
  generation = 0;

  /** Reads every person again (after an edit, a merge or an erasure), keeping each one's number. */
  load(sqlite: Database, organisations: OrganisationFacts): void {
    for (let n = 0; n < this.present.length; n += 1) this.present.set(n, 0);
    this.mergedInto.clear();
    this.mark = NOTHING_READ;
    this.readFrom(sqlite, organisations);
  }

  /** Reads the people added since the last read; false when that cannot be trusted and load() is needed. */
  readNew(sqlite: Database, organisations: OrganisationFacts): boolean {
    if (!watermarkHolds(sqlite, 'people', this.mark)) return false;
    this.readFrom(sqlite, organisations);
    return true;
  }

  private readFrom(sqlite: Database, organisations: OrganisationFacts): void {
    const rows = sqlite
      .prepare('SELECT rowid, id, organisation_id, merged_into FROM people WHERE rowid > ? ORDER BY rowid')
      .raw()
      .iterate(this.mark.rowid) as Iterable<[number, string, string | null, string | null]>;
    let read = 0;
    for (const [rowid, id, organisationId, mergedInto] of rows) {
      const n = this.numbers.add(id);
      const organisation = organisationId === null ? NONE : organisations.add(organisationId);
      if (n === this.organisation.length) {
        this.organisation.push(organisation);
        this.present.push(1);
      } else {
        this.organisation.set(n, organisation);
        this.present.set(n, 1);
      }
      if (mergedInto === null) this.mergedInto.delete(n);
      else this.mergedInto.set(n, mergedInto);
      this.mark = { rowid, id };
      read += 1;
    }
    if (read > 0 || this.root.length !== this.numbers.size) this.followMerges();
    if (read > 0 || this.mark.rowid === 0) this.generation += 1;
  }

  /** Each person's kept person, worked out again for everyone: merges are few, so this is one pass. */
  private followMerges(): void {
    const root = new Int32Array(this.numbers.size);
    for (let n = 0; n < root.length; n += 1) root[n] = n;
    for (const start of this.mergedInto.keys()) {
      let current = start;
      let steps = 0;
      let kept: number | null = null;
      // Bounded: a chain that goes round (a damaged file) has no person kept.
      while (steps <= this.mergedInto.size) {
        const next = this.mergedInto.get(current);
        if (next === undefined) {
          kept = current;
          break;
        }
        const nextNumber = this.numbers.numberOf(next);
        if (nextNumber === undefined || !this.present.at(nextNumber)) break;
        current = nextNumber;
        steps += 1;
      }
      if (kept !== null) root[start] = kept;
    }
    this.root = root;
  }

  /** People merged into someone kept (their kept person is not themself). */
  mergedPeople(): number[] {
    return [...this.mergedInto.keys()].filter((n) => this.root[n] !== n);
  }

  get size(): number {
    return this.numbers.size;
  }
}

/**
 * Equality monitoring answers: each person's own answer and when it was
 * given, for equality.ts's rule (the person kept's own answer, else the
 * latest of those merged into them). An answer added raises the table's
 * version, so people added since the last read have none.
 */
export class EqualityFacts {
  /** Every answer given, in the order first met; a person's answer is its index + 1. */
  readonly answers = new IdNumbers();
  /** By person number: their own answer (index + 1), 0 for none. */
  own = new Int32Array(0);
  /** By person number: when they answered. */
  answeredAt: (string | undefined)[] = [];

  load(sqlite: Database, people: PeopleFacts): void {
    this.own = new Int32Array(people.size);
    this.answeredAt = [];
    const rows = sqlite.prepare('SELECT person_id, ethnicity, answered_at FROM equality_answers').raw().iterate() as Iterable<[string, string, string]>;
    for (const [personId, ethnicity, answeredAt] of rows) {
      const person = people.numbers.numberOf(personId);
      if (person === undefined) continue;
      this.own[person] = this.answers.add(ethnicity) + 1;
      this.answeredAt[person] = answeredAt;
    }
  }

  ownAnswer(person: number): number {
    return person < this.own.length ? this.own[person]! : 0;
  }
}
