import type { Answers, ChangeQuestion, EvaluationItem, EvaluationMoment, MomentPair } from '../../../shared/contract';
import { askedAt, measuresChange, ratingAt } from '../../../shared/evaluation-moments';
import { SMALL_GROUP } from './summary';

/** One stored answer as the change is counted from it. */
export interface MomentResponse {
  templateId: string;
  answers: Answers;
  moment: EvaluationMoment;
  late: boolean;
  /** Who gave it, only to pair moments: the person's id (linked) or the pairing code (anonymous); null when it pairs with nothing. */
  pairKey: string | null;
  /** An anonymous answer: the question it answers shows no shares for fewer than 5 pairs. */
  anonymous?: boolean;
}

const PAIRS: readonly [EvaluationMoment, EvaluationMoment][] = [
  ['before', 'after'],
  ['after', 'follow_up'],
  ['before', 'follow_up'],
];

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Tally {
  item: EvaluationItem;
  ratings: Record<EvaluationMoment, number[]>;
  /** pair key → rating, per moment. */
  byKey: Record<EvaluationMoment, Map<string, number>>;
  retrospective: number[];
  anonymous: boolean;
}

function comparePairs(from: Map<string, number>, to: Map<string, number>): { paired: number; higher: number; same: number; lower: number; keptFrom?: number } {
  let higher = 0;
  let same = 0;
  let lower = 0;
  for (const [key, first] of from) {
    const second = to.get(key);
    if (second === undefined) continue;
    if (second > first) higher += 1;
    else if (second < first) lower += 1;
    else same += 1;
  }
  return { paired: higher + same + lower, higher, same, lower };
}

/**
 * Change through the training cycle for every rating asked at more than one
 * moment: how many answered at each moment, the median there, and for each
 * pair of moments how many people answered both and whether their second
 * rating was higher, the same or lower. "Kept" counts the people whose rating
 * rose from before to after and who, at the follow-up, still rated above
 * their before. A confidence pair's "before today" half, given after the
 * session, is the retrospective rating, counted apart and labelled so.
 *
 * When any answer is anonymous (`anyAnonymous`, or any answer to that
 * question marked anonymous), a pair of moments with fewer than 5 paired
 * answers shows no shares (as the evaluation page withholds a small group).
 */
export function pairedChange(itemsByTemplate: Map<string, EvaluationItem[]>, responses: readonly MomentResponse[], anyAnonymous: boolean): ChangeQuestion[] {
  const tallies = new Map<string, Tally>();
  for (const response of responses) {
    for (const item of itemsByTemplate.get(response.templateId) ?? []) {
      if (!measuresChange(item) || !askedAt(item, response.moment)) continue;
      let tally = tallies.get(item.id);
      if (!tally) {
        tally = {
          item,
          ratings: { before: [], after: [], follow_up: [] },
          byKey: { before: new Map(), after: new Map(), follow_up: new Map() },
          retrospective: [],
          anonymous: false,
        };
        tallies.set(item.id, tally);
      }
      if (response.anonymous) tally.anonymous = true;
      const answer = response.answers[item.id];
      const value = ratingAt(item, response.moment, answer);
      if (value !== null) {
        tally.ratings[response.moment].push(value);
        if (response.pairKey) tally.byKey[response.moment].set(response.pairKey, value);
      }
      if (item.kind === 'confidence_pair' && response.moment === 'after' && typeof answer === 'object' && answer !== null) {
        const then = typeof answer.before === 'number' ? answer.before : null;
        if (then !== null && value !== null) tally.retrospective.push(value - then);
      }
    }
  }
  return [...tallies.values()].map((tally): ChangeQuestion => {
    // Per question: a course whose answers are linked shows its small groups even beside an anonymous one.
    const anonymous = anyAnonymous || tally.anonymous;
    const pairs = PAIRS.filter(([from, to]) => askedAt(tally.item, from) && askedAt(tally.item, to)).map(([from, to]): MomentPair => {
      const counted = comparePairs(tally.byKey[from], tally.byKey[to]);
      const withheld = anonymous && counted.paired < SMALL_GROUP;
      return withheld
        ? { from, to, paired: counted.paired, withheld: true, higher: null, same: null, lower: null }
        : { from, to, ...counted, withheld: false };
    });
    const rose = [...tally.byKey.before].filter(([key, before]) => (tally.byKey.after.get(key) ?? 0) > before);
    const followed = rose.filter(([key]) => tally.byKey.follow_up.has(key));
    const kept = followed.filter(([key, before]) => tally.byKey.follow_up.get(key)! > before).length;
    const keptWithheld = anonymous && followed.length < SMALL_GROUP;
    const retrospective = tally.retrospective;
    const retroWithheld = anonymous && retrospective.length < SMALL_GROUP;
    return {
      id: tally.item.id,
      question: tally.item.kind === 'confidence_pair' ? tally.item.after.en : tally.item.kind === 'outcome_rating' ? tally.item.text.en : tally.item.id,
      kind: tally.item.kind === 'confidence_pair' ? 'confidence' : 'outcome',
      answered: { before: tally.ratings.before.length, after: tally.ratings.after.length, follow_up: tally.ratings.follow_up.length },
      median: {
        before: anonymous && tally.ratings.before.length < SMALL_GROUP ? null : median(tally.ratings.before),
        after: anonymous && tally.ratings.after.length < SMALL_GROUP ? null : median(tally.ratings.after),
        follow_up: anonymous && tally.ratings.follow_up.length < SMALL_GROUP ? null : median(tally.ratings.follow_up),
      },
      pairs,
      kept: askedAt(tally.item, 'follow_up') && askedAt(tally.item, 'before') ? { improved: followed.length, kept: keptWithheld ? null : kept } : null,
      retrospective:
        tally.item.kind === 'confidence_pair' && retrospective.length > 0
          ? retroWithheld
            ? { paired: retrospective.length, higher: null, same: null, lower: null }
            : {
                paired: retrospective.length,
                higher: retrospective.filter((change) => change > 0).length,
                same: retrospective.filter((change) => change === 0).length,
                lower: retrospective.filter((change) => change < 0).length,
              }
          : null,
    };
  });
}
