import { z } from 'zod';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { EvaluationItem, type EvaluationMoment } from '../../../../shared/contract';
import { askedAt, measuresChange, ratingAt } from '../../../../shared/evaluation-moments';
import { IdNumbers, int32Column, int8Column } from './columns';
import type { ReportFacts } from './report-facts';
import { changed, NOTHING_READ, readVersions, watermarkHolds, type Versions, type Watermark } from './sources';

/**
 * Every evaluation answer at every moment (before the session, after it, at
 * the follow-up) as the change report counts it, read out of its JSON once
 * and kept in typed columns beside the other report facts: its session, the
 * person as recorded (or anonymous, with the pairing code its pair shares),
 * its moment, whether it came late, its form version, and for each question
 * of that version that measures change (a rating asked at more than one
 * moment, shared/evaluation-moments.ts) the 1–5 rating given at this moment,
 * 0 for none. A confidence pair answered after the session also keeps how its
 * "now" compares with its own "before today" (the retrospective rating).
 *
 * Brought up to date before every change report like the other facts
 * (report-facts.ts): the answers' version (migration 0019's triggers) says
 * when a row was changed or deleted, and otherwise only the rows added since
 * the last one held are read. Follow-up answers are rows of the same table at
 * the moment 'follow_up', so however they arrive they are counted here.
 */

const StoredItems = z.array(EvaluationItem);

export const MOMENTS: readonly EvaluationMoment[] = ['before', 'after', 'follow_up'];
const MOMENT_NUMBER: Record<string, number> = { before: 0, after: 1, follow_up: 2 };

/** An answer that carries no person. */
export const NO_PERSON = -1;
/** No pairing code. */
export const NO_CODE = -1;
/** Retrospective comparison of a confidence pair answered after the session: none, lower, same, higher. */
export const RETRO_NONE = 0;
export const RETRO_LOWER = 1;
export const RETRO_SAME = 2;
export const RETRO_HIGHER = 3;

export interface ChangeTemplate {
  id: string;
  /** Stored items text, to notice a version changed (versions are never edited: a safeguard). */
  stored: string;
  /** The questions that measure change, in the form's order: their numbers in `ChangeFacts.questions`, and the items. */
  questions: Int32Array;
  items: EvaluationItem[];
  /** By moment: whether each of those questions is asked then (1) or not (0). */
  askedAt: Uint8Array[];
  /** By moment: the places (in `questions`) of the questions asked then, in order. */
  askedPlaces: Int32Array[];
}

export class ChangeFacts {
  readonly templateNumbers = new IdNumbers();
  templates: ChangeTemplate[] = [];
  /** Questions by item id across every form version: the report pairs answers to the same id. */
  readonly questions = new IdNumbers();
  readonly session = int32Column();
  /** The person as recorded: a people number, NO_PERSON, or a stranger (not among the people): -2 - n, n in `strangers`. */
  readonly person = int32Column();
  readonly code = int32Column();
  readonly template = int32Column();
  readonly moment = int8Column();
  readonly late = int8Column();
  /** Where each answer's ratings start in `ratings` (one per question of its version). */
  readonly ratingStart = int32Column();
  readonly ratings = int8Column();
  /** Beside each rating: a confidence pair answered after the session, its "now" against its own "before today" (RETRO_…). */
  readonly retrospective = int8Column();
  codes = new IdNumbers();
  strangers = new IdNumbers();
  private mark: Watermark = NOTHING_READ;
  private versions: Versions | null = null;
  private unresolved = { sessions: new Set<string>(), templates: new Set<string>() };
  /** Moves on whenever the answers held change (read again, or more read): facts/change-by-session.ts works its order out again. */
  generation = 0;
  /** The generation at which every answer was last read again (clear): until it moves, answers are only added. */
  clearedAt = 0;

  constructor(readonly reportFacts: ReportFacts) {}

  /** Up to date with the database (the report facts having just been refreshed). */
  refresh(): this {
    const { sqlite } = this.reportFacts;
    sqlite.transaction(() => {
      const now = readVersions(sqlite);
      const templatesSame = changed(now, this.versions, 'evaluation_templates') ? this.loadTemplates(sqlite) : true;
      if (changed(now, this.versions, 'evaluation_responses') || !templatesSame || this.unresolvedNowKnown() || !watermarkHolds(sqlite, 'evaluation_responses', this.mark)) {
        this.clear();
      }
      this.readFrom(sqlite);
      this.versions = now;
    }).deferred();
    return this;
  }

  /**
   * An answer read before its session, form version or person was (a laptop's
   * file can bring them in any order) holds them as unknown; once they are
   * known, every answer is read again rather than left uncounted.
   */
  private unresolvedNowKnown(): boolean {
    const { attendance, people } = this.reportFacts;
    return (
      [...this.unresolved.sessions].some((id) => attendance.sessionNumbers.numberOf(id) !== undefined) ||
      [...this.unresolved.templates].some((id) => this.templateNumbers.numberOf(id) !== undefined) ||
      this.strangers.ids.some((id) => people.numbers.numberOf(id) !== undefined)
    );
  }

  /** False when a version already held changed, so every answer must be read again. */
  private loadTemplates(sqlite: Database): boolean {
    let unchanged = true;
    for (const row of sqlite.prepare('SELECT id, items FROM evaluation_templates').raw().iterate() as Iterable<[string, string]>) {
      const [id, stored] = row;
      const known = this.templateNumbers.numberOf(id);
      if (known !== undefined && this.templates[known]!.stored === stored) continue;
      if (known !== undefined) unchanged = false;
      const items = StoredItems.parse(JSON.parse(stored)).filter(measuresChange);
      this.templates[this.templateNumbers.add(id)] = {
        id,
        stored,
        questions: Int32Array.from(items, (item) => this.questions.add(item.id)),
        items,
        askedAt: MOMENTS.map((moment) => Uint8Array.from(items, (item) => (askedAt(item, moment) ? 1 : 0))),
        askedPlaces: MOMENTS.map((moment) => Int32Array.from(items.flatMap((item, k) => (askedAt(item, moment) ? [k] : [])))),
      };
    }
    return unchanged;
  }

  private clear(): void {
    for (const column of [this.session, this.person, this.code, this.template, this.moment, this.late, this.retrospective, this.ratingStart, this.ratings]) column.clear();
    this.unresolved = { sessions: new Set(), templates: new Set() };
    this.strangers = new IdNumbers();
    this.codes = new IdNumbers();
    this.mark = NOTHING_READ;
    this.generation += 1;
    this.clearedAt = this.generation;
  }

  private readFrom(sqlite: Database): void {
    const { attendance, people } = this.reportFacts;
    let read = 0;
    const rows = sqlite
      .prepare('SELECT rowid, id, session_id, template_id, person_id, moment, late, pairing_code, answers FROM evaluation_responses WHERE rowid > ? ORDER BY rowid')
      .raw()
      .iterate(this.mark.rowid) as Iterable<[number, string, string, string, string | null, string, number, string | null, string]>;
    for (const [rowid, id, sessionId, templateId, personId, momentWord, late, pairingCode, answersText] of rows) {
      const session = attendance.sessionNumbers.numberOf(sessionId);
      if (session === undefined) this.unresolved.sessions.add(sessionId);
      this.session.push(session ?? -1);
      const known = personId === null ? undefined : people.numbers.numberOf(personId);
      this.person.push(personId === null ? NO_PERSON : known !== undefined ? known : -2 - this.strangers.add(personId));
      this.code.push(pairingCode === null ? NO_CODE : this.codes.add(pairingCode));
      const templateNumber = this.templateNumbers.numberOf(templateId);
      if (templateNumber === undefined) this.unresolved.templates.add(templateId);
      this.template.push(templateNumber ?? -1);
      const moment = MOMENT_NUMBER[momentWord] ?? 1;
      this.moment.push(moment);
      this.late.push(late === 1 ? 1 : 0);
      this.ratingStart.push(this.ratings.length);
      const template = templateNumber === undefined ? undefined : this.templates[templateNumber];
      if (template && template.items.length > 0) {
        // Checked when stored (row-checks.ts and the write path); read as stored, as the report facts do.
        let answers: Record<string, unknown> = {};
        try {
          const parsed = JSON.parse(answersText) as unknown;
          if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
        } catch {
          // answers is checked json_valid; anything unreadable has no ratings.
        }
        const momentWordKnown = MOMENTS[moment]!;
        template.items.forEach((item, k) => {
          const answer = answers[item.id] as Parameters<typeof ratingAt>[2];
          const value = template.askedAt[moment]![k] ? ratingAt(item, momentWordKnown, answer) : null;
          this.ratings.push(value ?? 0);
          let retrospective = RETRO_NONE;
          if (item.kind === 'confidence_pair' && momentWordKnown === 'after' && value !== null && typeof answer === 'object' && answer !== null) {
            const then = (answer as { before?: unknown }).before;
            if (typeof then === 'number') retrospective = value > then ? RETRO_HIGHER : value < then ? RETRO_LOWER : RETRO_SAME;
          }
          this.retrospective.push(retrospective);
        });
      }
      this.mark = { rowid, id };
      read += 1;
    }
    if (read > 0) this.generation += 1;
  }

  get length(): number {
    return this.session.length;
  }
}

const perFacts = new WeakMap<ReportFacts, ChangeFacts>();

/** The change report's answers for these (just refreshed) report facts, up to date. */
export function changeFacts(facts: ReportFacts): ChangeFacts {
  let found = perFacts.get(facts);
  if (!found) perFacts.set(facts, (found = new ChangeFacts(facts)));
  return found.refresh();
}
