import type { ChangeQuestion, EvaluationItem, EvaluationMoment, MomentPair } from '../../../shared/contract';
import { askedAt } from '../../../shared/evaluation-moments';
import { SMALL_GROUP } from '../evaluations/summary';
import { RETRO_LOWER, type ChangeTemplate } from './facts/change-facts';

/**
 * The change report's counters, per group (the total, a course, a contract,
 * a sector, or one cell of a course-and-contract and a sector) and question,
 * and the report's words for them by the rules of
 * evaluations/paired-change.ts. change-counts.ts counts into them.
 */

/** Per group and question, these counters in a row of an Int32Array. */
const CREATED = 0;
const ANONYMOUS_ANSWER = 1;
/** Ratings given at each moment: 6 counters a moment (0 unused, 1–5). */
const RATINGS = 2;
/** Before–after, after–follow-up, before–follow-up: higher, same, lower each. */
const PAIRED = RATINGS + 18;
const IMPROVED = PAIRED + 9;
const KEPT = IMPROVED + 1;
/** Retrospective: lower, same, higher (RETRO_… − 1). */
const RETRO = KEPT + 1;
const STRIDE = RETRO + 3;
/** The counters added up (the flags before them are set, not added). */
const COUNTED = STRIDE - RATINGS;

const PAIRS: readonly [EvaluationMoment, EvaluationMoment][] = [
  ['before', 'after'],
  ['after', 'follow_up'],
  ['before', 'follow_up'],
];

/** A cell's counts over one session's own questions, kept between reports (change-summaries.ts). */
export interface SessionCell {
  sector: string;
  responses: number;
  late: number;
  answered: Int32Array;
  pairedPeople: Int32Array;
  /** By the session's question l (its number in the session's `questions`): when first met at the session (its count of ratings read then, 0 never) and the item met. */
  firstSeen: Int32Array;
  items: EvaluationItem[];
  /** By the session's question l: the counters from RATINGS on (COUNTED of them). */
  counts: Int32Array;
}

export interface ChangeGroup {
  key: string;
  name: string;
  responses: number;
  answered: Record<EvaluationMoment, number>;
  late: number;
  paired: { beforeAfter: number; afterFollowUp: number; beforeFollowUp: number };
  anyAnonymous: boolean;
  questions: ChangeQuestion[];
}

export class GroupCounts {
  responses = 0;
  readonly answered = new Int32Array(3);
  late = 0;
  /** People (pair keys) who answered at both moments of each pair. */
  readonly pairedPeople = new Int32Array(3);
  anyAnonymous = false;
  /** By question: when it was first met (the pass's count of ratings read, 0 never), and the item it was first met as (as pairedChange keeps them). */
  readonly firstSeen: Float64Array;
  readonly items: EvaluationItem[] = [];
  readonly counts: Int32Array;
  /** By form version and moment (t * 3 + m): 1 once an answer to it was counted here (meetForm). */
  readonly formsMet: Uint8Array;

  constructor(
    readonly key: string,
    readonly name: string,
    questions: number,
    /** Form versions: only a cell the pass counts answers into meets them (meetForm). */
    forms = 0,
  ) {
    this.counts = new Int32Array(questions * STRIDE);
    this.firstSeen = new Float64Array(questions);
    this.formsMet = new Uint8Array(forms * 3);
  }

  /** One answer at moment m (0 before, 1 after, 2 follow-up). */
  countAnswer(m: number, late: boolean): void {
    this.responses += 1;
    this.answered[m]! += 1;
    if (late) this.late += 1;
  }

  /**
   * The first answer to form version t at moment m in this group meets its
   * questions asked then, in order: `read` ratings were read before it, so
   * the j-th of them is the (read + j + 1)-th, which orders the questions as
   * first met. Checked once an answer rather than once a rating.
   */
  meetForm(form: ChangeTemplate, t: number, m: number, read: number): void {
    const at = t * 3 + m;
    if (this.formsMet[at] === 1) return;
    this.formsMet[at] = 1;
    const places = form.askedPlaces[m]!;
    const c = this.counts;
    for (let j = 0; j < places.length; j += 1) {
      const k = places[j]!;
      const q = form.questions[k]!;
      if (c[q * STRIDE + CREATED] === 1) continue;
      c[q * STRIDE + CREATED] = 1;
      this.firstSeen[q] = read + j + 1;
      this.items[q] = form.items[k]!;
    }
  }

  /** A rating of 1–5 of question q at moment m. */
  countRating(q: number, m: number, value: number): void {
    this.counts[q * STRIDE + RATINGS + m * 6 + value]! += 1;
  }

  /** A confidence pair's "now" after the session against its own "before today" (RETRO_…). */
  countRetrospective(q: number, retrospective: number): void {
    this.counts[q * STRIDE + RETRO + retrospective - RETRO_LOWER]! += 1;
  }

  /** A group of anonymous answers only (the anonymous sector's cells): every question it met was met anonymous. */
  markAnonymous(): void {
    this.anyAnonymous = true;
    for (let q = 0; q < this.firstSeen.length; q += 1) if (this.firstSeen[q]! > 0) this.counts[q * STRIDE + ANONYMOUS_ANSWER] = 1;
  }

  /** One pair key's moments answered at a session (bit m set for moment m). */
  countPairedPerson(mask: number): void {
    if ((mask & 3) === 3) this.pairedPeople[0]! += 1;
    if ((mask & 6) === 6) this.pairedPeople[1]! += 1;
    if ((mask & 5) === 5) this.pairedPeople[2]! += 1;
  }

  /** One pair key's last ratings of question q at a session (0 where not given), two or more of them given. */
  countPair(q: number, before: number, after: number, followUp: number): void {
    const c = this.counts;
    const base = q * STRIDE;
    if (before > 0 && after > 0) c[base + PAIRED + (after > before ? 0 : after === before ? 1 : 2)]! += 1;
    if (after > 0 && followUp > 0) c[base + PAIRED + 3 + (followUp > after ? 0 : followUp === after ? 1 : 2)]! += 1;
    if (before > 0 && followUp > 0) c[base + PAIRED + 6 + (followUp > before ? 0 : followUp === before ? 1 : 2)]! += 1;
    // Kept: rose from before to after, and at the follow-up still above their before.
    if (before > 0 && after > before && followUp > 0) {
      c[base + IMPROVED]! += 1;
      if (followUp > before) c[base + KEPT]! += 1;
    }
  }

  /** This cell's counts over a session's questions (the first `count` of `questions`), counted from a read of 0 at the session. */
  summarise(sector: string, questions: Int32Array, count: number): SessionCell {
    const firstSeen = new Int32Array(count);
    const items: EvaluationItem[] = [];
    const counts = new Int32Array(count * COUNTED);
    for (let l = 0; l < count; l += 1) {
      const q = questions[l]!;
      firstSeen[l] = this.firstSeen[q]!;
      items[l] = this.items[q]!;
      counts.set(this.counts.subarray(q * STRIDE + RATINGS, (q + 1) * STRIDE), l * COUNTED);
    }
    return { sector, responses: this.responses, late: this.late, answered: this.answered.slice(), pairedPeople: this.pairedPeople.slice(), firstSeen, items, counts };
  }

  /** Adds a session's cell, `read` ratings having been read before that session. */
  addSession(cell: SessionCell, questions: Int32Array, read: number): void {
    this.responses += cell.responses;
    this.late += cell.late;
    for (let m = 0; m < 3; m += 1) {
      this.answered[m]! += cell.answered[m]!;
      this.pairedPeople[m]! += cell.pairedPeople[m]!;
    }
    const mine = this.counts;
    for (let l = 0; l < cell.firstSeen.length; l += 1) {
      if (cell.firstSeen[l] === 0) continue;
      const q = questions[l]!;
      const base = q * STRIDE;
      if (mine[base + CREATED] === 0) {
        mine[base + CREATED] = 1;
        this.firstSeen[q] = read + cell.firstSeen[l]!;
        this.items[q] = cell.items[l]!;
      }
      const from = l * COUNTED;
      for (let k = 0; k < COUNTED; k += 1) mine[base + RATINGS + k]! += cell.counts[from + k]!;
    }
  }

  /** Empty again over a session's questions (the first `count` of `questions`), to count the next session into. */
  reset(questions: Int32Array, count: number): void {
    this.responses = 0;
    this.late = 0;
    this.anyAnonymous = false;
    this.answered.fill(0);
    this.pairedPeople.fill(0);
    this.formsMet.fill(0);
    for (let l = 0; l < count; l += 1) {
      const q = questions[l]!;
      this.counts.fill(0, q * STRIDE, (q + 1) * STRIDE);
      this.firstSeen[q] = 0;
    }
  }

  /** Adds another group's counts into this one (a course's from its course-and-contract groups). */
  add(other: GroupCounts): void {
    this.responses += other.responses;
    this.late += other.late;
    this.anyAnonymous ||= other.anyAnonymous;
    for (let m = 0; m < 3; m += 1) {
      this.answered[m]! += other.answered[m]!;
      this.pairedPeople[m]! += other.pairedPeople[m]!;
    }
    const mine = this.counts;
    const theirs = other.counts;
    for (let q = 0; q < this.firstSeen.length; q += 1) {
      const seen = other.firstSeen[q]!;
      if (seen === 0) continue;
      if (this.firstSeen[q] === 0 || seen < this.firstSeen[q]!) {
        this.firstSeen[q] = seen;
        this.items[q] = other.items[q]!;
      }
      const base = q * STRIDE;
      // Flags are 0 or 1: either group's answer sets them.
      mine[base + CREATED] = 1;
      if (theirs[base + ANONYMOUS_ANSWER] === 1) mine[base + ANONYMOUS_ANSWER] = 1;
      for (let k = RATINGS; k < STRIDE; k += 1) mine[base + k]! += theirs[base + k]!;
    }
  }

  /** The questions met, in the order first met. */
  private order(): number[] {
    const met: number[] = [];
    this.firstSeen.forEach((seen, q) => {
      if (seen > 0) met.push(q);
    });
    return met.sort((a, b) => this.firstSeen[a]! - this.firstSeen[b]!);
  }

  result(): ChangeGroup {
    const [before, after, followUp] = this.pairedPeople;
    return {
      key: this.key,
      name: this.name,
      responses: this.responses,
      answered: { before: this.answered[0]!, after: this.answered[1]!, follow_up: this.answered[2]! },
      late: this.late,
      paired: { beforeAfter: before!, afterFollowUp: after!, beforeFollowUp: followUp! },
      anyAnonymous: this.anyAnonymous,
      questions: this.order().map((q) => this.question(q)),
    };
  }

  /** One question as pairedChange words it, from the counters. */
  private question(q: number): ChangeQuestion {
    const c = this.counts.subarray(q * STRIDE, (q + 1) * STRIDE);
    const item = this.items[q]!;
    const anonymous = c[ANONYMOUS_ANSWER] === 1;
    const ratings = (m: number) => c.subarray(RATINGS + m * 6, RATINGS + m * 6 + 6);
    const answered = (m: number) => ratings(m).reduce((sum, n) => sum + n, 0);
    const medianAt = (m: number) => (anonymous && answered(m) < SMALL_GROUP ? null : medianOf(ratings(m)));
    const pairs = PAIRS.flatMap(([from, to], p): MomentPair[] => {
      if (!askedAt(item, from) || !askedAt(item, to)) return [];
      const [higher, same, lower] = [c[PAIRED + p * 3]!, c[PAIRED + p * 3 + 1]!, c[PAIRED + p * 3 + 2]!];
      const paired = higher + same + lower;
      return anonymous && paired < SMALL_GROUP
        ? [{ from, to, paired, withheld: true, higher: null, same: null, lower: null }]
        : [{ from, to, paired, higher, same, lower, withheld: false }];
    });
    const improved = c[IMPROVED]!;
    const [retroLower, retroSame, retroHigher] = [c[RETRO]!, c[RETRO + 1]!, c[RETRO + 2]!];
    const retrospective = retroLower + retroSame + retroHigher;
    return {
      id: item.id,
      question: item.kind === 'confidence_pair' ? item.after.en : item.kind === 'outcome_rating' ? item.text.en : item.id,
      kind: item.kind === 'confidence_pair' ? 'confidence' : 'outcome',
      answered: { before: answered(0), after: answered(1), follow_up: answered(2) },
      median: { before: medianAt(0), after: medianAt(1), follow_up: medianAt(2) },
      pairs,
      kept: askedAt(item, 'follow_up') && askedAt(item, 'before') ? { improved, kept: anonymous && improved < SMALL_GROUP ? null : c[KEPT]! } : null,
      retrospective:
        item.kind === 'confidence_pair' && retrospective > 0
          ? anonymous && retrospective < SMALL_GROUP
            ? { paired: retrospective, higher: null, same: null, lower: null }
            : { paired: retrospective, higher: retroHigher, same: retroSame, lower: retroLower }
          : null,
    };
  }
}

/** The median of ratings given as counts (counts[v] answers of v), as paired-change.ts's median of the list. */
function medianOf(counts: Int32Array): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (let v = 1; v <= 5; v += 1) {
      seen += counts[v]!;
      if (index < seen) return v;
    }
    return 5;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
