import type { ChangeQuestion, EvaluationItem, EvaluationMoment, MomentPair } from '../../../shared/contract';
import { askedAt } from '../../../shared/evaluation-moments';
import { SMALL_GROUP } from '../evaluations/summary';
import { changeSessions } from './facts/change-by-session';
import { changeFacts, RETRO_LOWER, RETRO_NONE, type ChangeTemplate } from './facts/change-facts';
import type { CountedScope } from './facts/counted-scope';
import { ANONYMOUS } from './facts/response-facts';

/**
 * The change report's counts from the facts in memory (facts/change-facts.ts),
 * by the rules of evaluations/paired-change.ts, which the session page counts
 * with: every answer at the scope's sessions, taken session by session in
 * order of their start and each session's answers in the order stored; a
 * pair is one person's (kept after merges) or one pairing code's answers at
 * one session, and where they answered a question twice at one moment the
 * last rating given counts. Each group (the total, each course, contract and
 * sector) keeps a few counters per question, so a report is one pass over
 * the answers and no JSON, string key or object per answer. The pass reads
 * who gave each answer from facts/change-by-session.ts in the order it goes,
 * and counts each answer once, into its session's course-and-contract and
 * sector cell; the groups are the cells added up at the end.
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

const PAIRS: readonly [EvaluationMoment, EvaluationMoment][] = [
  ['before', 'after'],
  ['after', 'follow_up'],
  ['before', 'follow_up'],
];

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

class GroupCounts {
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

export interface ChangeCounts {
  total: ChangeGroup;
  byCourse: ChangeGroup[];
  byContract: ChangeGroup[];
  bySector: ChangeGroup[];
}

/** Most answers first, then by name, as the report has always ordered its breakdowns. */
const ordered = (groups: Iterable<GroupCounts>) =>
  [...groups].map((group) => group.result()).sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name));

export function changeCounts(scope: CountedScope, names: { courses: ReadonlyMap<string, string>; contracts: ReadonlyMap<string, string> }, sectorName: (key: string) => string): ChangeCounts {
  const { facts } = scope;
  const change = changeFacts(facts);
  const Q = change.questions.size;
  const { sessions } = facts.attendance;

  // Each answer is counted once, into the cell of its session's course and contract and its sector; each course-and-contract
  // group and each sector are their cells added up at the end, then the total, each course and each contract those groups
  // added up (a pair is always within one session, and its answers are of one sector).
  const sessionGroups = new Map<string, { course: string; contract: string; counts: GroupCounts; bySector: (GroupCounts | undefined)[] }>();
  // Sectors numbered in the order met.
  const sectorNumbers = new Map<string, number>();
  const sectorGroups: GroupCounts[] = [];
  const sectorNumber = (key: string) => {
    let number = sectorNumbers.get(key);
    if (number === undefined) {
      sectorNumbers.set(key, (number = sectorGroups.length));
      sectorGroups.push(new GroupCounts(key, sectorName(key), Q));
    }
    return number;
  };
  // A person's sector is their organisation's: found by its number, not by the sector's name, for each answer. Someone
  // with no organisation, or no row (UNKNOWN_PERSON), has organisation -1: sector 'none'.
  const byOrganisation = new Int32Array(facts.organisations.numbers.size + 1).fill(-1);
  let anonymousSector = -1;
  const sectorOf = (kept: number, organisation: number): number => {
    if (kept === ANONYMOUS) return anonymousSector >= 0 ? anonymousSector : (anonymousSector = sectorNumber('anonymous'));
    const known = byOrganisation[organisation + 1]!;
    return known >= 0 ? known : (byOrganisation[organisation + 1] = sectorNumber(scope.sectorOfOrganisation(organisation)));
  };
  let ratingsRead = 0;

  const template = change.template.view();
  const moment = change.moment.view();
  const late = change.late.view();
  const ratingStart = change.ratingStart.view();
  const ratings = change.ratings.view();
  const retro = change.retrospective.view();
  const forms = change.templates;
  const { start, order, kept: keptAt, organisation: organisationAt, pairKey, pairKeys, mostPairKeys } = changeSessions(change);

  // By pair key at the session being counted: the moments it answered at (bit m for moment m) and the cell its answers count in.
  const keyMoments = new Uint8Array(mostPairKeys);
  const keyCell: GroupCounts[] = [];
  // The session's questions, numbered from 0 in the order met (`local`): each form version's by their place in it (formLocal),
  // worked out with the session's first answer to that version.
  const sessionQuestions = new Int32Array(Q);
  const questionStamp = new Int32Array(Q).fill(-1);
  const questionLocal = new Int32Array(Q);
  const formStamp = new Int32Array(forms.length).fill(-1);
  const formLocal = forms.map((form) => new Int32Array(form.questions.length));
  // The last rating each pair key gave each of the session's questions at each moment: [key][local][moment], reset as read.
  const latest = new Int8Array(mostPairKeys * Math.max(Q, 1) * 3);

  // Sessions in order of their start, as the report has always read them (the sessions' start index).
  const scoped = [...scope.sessions].sort((a, b) => (sessions[a]!.startsAt < sessions[b]!.startsAt ? -1 : sessions[a]!.startsAt > sessions[b]!.startsAt ? 1 : a - b));
  for (const n of scoped) {
    const session = sessions[n]!;
    const courseName = names.courses.get(session.courseId);
    // A session's answers count only with its course's row there (the report joins it for the name).
    if (courseName === undefined || start[n] === start[n + 1]) continue;
    // Made with the session's first answer counted: a group has no line where every answer was filtered out.
    let cells: (GroupCounts | undefined)[] | null = null;
    let questionsHere = 0;
    for (let at = start[n]!; at < start[n + 1]!; at += 1) {
      const kept = keptAt[at]!;
      if (scope.personFiltered && !scope.responderMatches(kept)) continue;
      const sector = sectorOf(kept, organisationAt[at]!);
      if (cells === null) {
        const key = `${session.courseId}\u0000${session.contractId ?? ''}`;
        let found = sessionGroups.get(key);
        if (!found) sessionGroups.set(key, (found = { course: session.courseId, contract: session.contractId ?? '', counts: new GroupCounts(key, '', Q), bySector: [] }));
        cells = found.bySector;
      }
      const cell = (cells[sector] ??= new GroupCounts('', '', Q, forms.length));
      const i = order[at]!;
      const m = moment[i]!;
      cell.countAnswer(m, m === 0 && late[i] === 1);
      const key = pairKey[at]!;
      if (key >= 0) {
        keyMoments[key]! |= 1 << m;
        // A pair key's sector is its person's (or anonymous): the same for each of its answers, so one cell.
        keyCell[key] = cell;
      }

      const t = template[i]!;
      if (t < 0) continue;
      const form = forms[t]!;
      const local = formLocal[t]!;
      if (formStamp[t] !== n) {
        formStamp[t] = n;
        for (let k = 0; k < form.questions.length; k += 1) {
          const q = form.questions[k]!;
          if (questionStamp[q] !== n) {
            questionStamp[q] = n;
            questionLocal[q] = questionsHere;
            sessionQuestions[questionsHere++] = q;
          }
          local[k] = questionLocal[q]!;
        }
      }
      cell.meetForm(form, t, m, ratingsRead);
      const places = form.askedPlaces[m]!;
      ratingsRead += places.length;
      const first = ratingStart[i]!;
      for (let j = 0; j < places.length; j += 1) {
        const k = places[j]!;
        const value = ratings[first + k]!;
        if (value > 0) {
          cell.countRating(form.questions[k]!, m, value);
          if (key >= 0) latest[(key * Q + local[k]!) * 3 + m] = value;
        }
        const retrospective = retro[first + k]!;
        if (retrospective !== RETRO_NONE) cell.countRetrospective(form.questions[k]!, retrospective);
      }
    }
    if (cells === null) continue;

    // The session's pairs: who answered at two moments, and how each question's ratings moved.
    for (let key = 0; key < pairKeys[n]!; key += 1) {
      const mask = keyMoments[key]!;
      if (mask === 0) continue; // none of its answers counted
      keyMoments[key] = 0;
      const from = key * Q * 3;
      if ((mask & 3) !== 3 && (mask & 6) !== 6 && (mask & 5) !== 5) {
        latest.fill(0, from, from + questionsHere * 3);
        continue;
      }
      const cell = keyCell[key]!;
      cell.countPairedPerson(mask);
      for (let l = 0; l < questionsHere; l += 1) {
        const at = from + l * 3;
        const before = latest[at]!;
        const after = latest[at + 1]!;
        const followUp = latest[at + 2]!;
        latest[at] = latest[at + 1] = latest[at + 2] = 0;
        if ((before > 0 ? 1 : 0) + (after > 0 ? 1 : 0) + (followUp > 0 ? 1 : 0) < 2) continue;
        cell.countPair(sessionQuestions[l]!, before, after, followUp);
      }
    }
  }
  const total = new GroupCounts('', '', Q);
  const courseGroups = new Map<string, GroupCounts>();
  const contractGroups = new Map<string, GroupCounts>();
  const into = (groups: Map<string, GroupCounts>, key: string, name: () => string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new GroupCounts(key, name(), Q)));
    return group;
  };
  for (const { course, contract, counts, bySector } of sessionGroups.values()) {
    bySector.forEach((cell, sector) => {
      if (sector === sectorNumbers.get('anonymous')) cell!.markAnonymous();
      counts.add(cell!);
      sectorGroups[sector]!.add(cell!);
    });
    total.add(counts);
    into(courseGroups, course, () => names.courses.get(course)!).add(counts);
    into(contractGroups, contract, () => (contract === '' ? undefined : names.contracts.get(contract)) ?? 'No contract').add(counts);
  }
  return { total: total.result(), byCourse: ordered(courseGroups.values()), byContract: ordered(contractGroups.values()), bySector: ordered(sectorGroups) };
}
