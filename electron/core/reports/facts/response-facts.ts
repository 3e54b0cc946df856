import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readTemplates, type TemplateItems } from '../responses';
import type { AttendanceFacts } from './attendance-facts';
import { IdNumbers, int32Column, int8Column } from './columns';
import type { PeopleFacts } from './people-facts';
import { NOTHING_READ, watermarkHolds, type Watermark } from './sources';

/**
 * Evaluation responses with their ratings read out once: the session, the
 * person as recorded (or anonymous), the form version answered, the first
 * before-and-after item's two ratings, and each learning-outcome rating of
 * that version, in its order. A rating is 1–5 or 0 for none: "prefer not
 * to say", missing or anything else (responses.ts's ratingAt; Fieldbook
 * writes answers with JSON.stringify, so a whole number is never "3.0").
 */

/** A response that carries no person. */
export const ANONYMOUS = -1;
/** A response whose person has no row (the reports' LEFT JOIN finds no one: no organisation, sector "none"). */
export const UNKNOWN_PERSON = -2;

export interface TemplateFacts extends TemplateItems {
  /** The stored items text, to notice a version changed (versions are never edited, so this is a safeguard). */
  stored: string;
  pairItem: string | null;
  outcomeItems: { itemId: string; outcomeId: string; text: string }[];
}

const rating = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : 0);

export class ResponseFacts {
  readonly templateNumbers = new IdNumbers();
  templates: TemplateFacts[] = [];
  readonly session = int32Column();
  readonly person = int32Column();
  readonly template = int32Column();
  readonly before = int8Column();
  readonly after = int8Column();
  /** Where each response's outcome ratings start in `outcomeRatings` (they run for its version's outcome items). */
  readonly outcomeStart = int32Column();
  readonly outcomeRatings = int8Column();
  mark: Watermark = NOTHING_READ;

  /** Reads the form versions; false when one already read has changed, so the responses must be read again. */
  loadTemplates(sqlite: Database): boolean {
    let unchanged = true;
    for (const template of readTemplates(sqlite)) {
      const known = this.templateNumbers.numberOf(template.id);
      if (known !== undefined && this.templates[known]!.stored === template.stored) continue;
      if (known !== undefined) unchanged = false;
      const pair = template.items.find((item) => item.kind === 'confidence_pair');
      const facts: TemplateFacts = {
        ...template,
        pairItem: pair ? pair.id : null,
        outcomeItems: template.items.flatMap((item) => (item.kind === 'outcome_rating' ? [{ itemId: item.id, outcomeId: item.outcomeId, text: item.text.en }] : [])),
      };
      this.templates[this.templateNumbers.add(template.id)] = facts;
    }
    return unchanged;
  }

  loadResponses(sqlite: Database, attendance: AttendanceFacts, people: PeopleFacts): void {
    for (const column of [this.session, this.person, this.template, this.before, this.after, this.outcomeStart, this.outcomeRatings]) column.clear();
    this.mark = NOTHING_READ;
    this.readFrom(sqlite, attendance, people);
  }

  /** The responses added since the last read; false when that cannot be trusted and loadResponses() is needed. */
  readNew(sqlite: Database, attendance: AttendanceFacts, people: PeopleFacts): boolean {
    if (!watermarkHolds(sqlite, 'evaluation_responses', this.mark)) return false;
    this.readFrom(sqlite, attendance, people);
    return true;
  }

  private readFrom(sqlite: Database, attendance: AttendanceFacts, people: PeopleFacts): void {
    const rows = sqlite
      // End-of-session answers only: before and follow-up answers belong to the change report.
      .prepare("SELECT rowid, id, session_id, template_id, person_id, answers FROM evaluation_responses WHERE rowid > ? AND moment = 'after' ORDER BY rowid")
      .raw()
      .iterate(this.mark.rowid) as Iterable<[number, string, string, string, string | null, string]>;
    for (const [rowid, id, sessionId, templateId, personId, answersText] of rows) {
      this.session.push(attendance.sessionNumbers.numberOf(sessionId) ?? -1);
      this.person.push(personId === null ? ANONYMOUS : (people.numbers.numberOf(personId) ?? UNKNOWN_PERSON));
      const templateNumber = this.templateNumbers.numberOf(templateId);
      this.template.push(templateNumber ?? -1);
      this.outcomeStart.push(this.outcomeRatings.length);
      const template = templateNumber === undefined ? undefined : this.templates[templateNumber];
      let answers: Record<string, unknown> = {};
      try {
        const parsed = JSON.parse(answersText) as unknown;
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
      } catch {
        // answers is checked json_valid; anything unreadable has no ratings.
      }
      const pair = template?.pairItem ? answers[template.pairItem] : undefined;
      const pairObject = typeof pair === 'object' && pair !== null && !Array.isArray(pair) ? (pair as Record<string, unknown>) : {};
      this.before.push(rating(pairObject.before));
      this.after.push(rating(pairObject.after));
      for (const item of template?.outcomeItems ?? []) this.outcomeRatings.push(rating(answers[item.itemId]));
      this.mark = { rowid, id };
    }
    // Past any before and follow-up answers stored after the last end-of-session one: else every report would read them again, only to skip them.
    const last = sqlite.prepare('SELECT rowid, id FROM evaluation_responses ORDER BY rowid DESC LIMIT 1').raw().get() as [number, string] | undefined;
    if (last && last[0] > this.mark.rowid) this.mark = { rowid: last[0], id: last[1] };
  }

  private kept: { generation: number; length: number; people: Int32Array } | null = null;

  /**
   * By response: the person it counts for — the person kept after merges, or
   * ANONYMOUS, or UNKNOWN_PERSON when that person's row is not there. Worked
   * out again only when people or the responses changed.
   */
  keptResponders(people: PeopleFacts): Int32Array {
    if (this.kept?.generation === people.generation && this.kept.length === this.length) return this.kept.people;
    const recorded = this.person.view();
    const kept = new Int32Array(recorded.length);
    const present = people.present.view();
    for (let i = 0; i < recorded.length; i += 1) {
      const person = recorded[i]!;
      kept[i] = person < 0 ? person : present[people.root[person]!] ? people.root[person]! : UNKNOWN_PERSON;
    }
    this.kept = { generation: people.generation, length: this.length, people: kept };
    return kept;
  }

  get length(): number {
    return this.session.length;
  }
}
