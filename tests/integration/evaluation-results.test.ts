import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY, type Answers } from '../../shared/contract';
import { evaluatedSession, outcomeItemIds, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * The session page's evaluation summary, worked out by hand from what people
 * answered: responses out of signed in, each outcome's mean, the share whose
 * confidence rose and the mean change, and the comments; and for a small
 * anonymous group, only the count.
 */

let temp: TempCore;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});

afterEach(async () => {
  await temp.cleanup();
});

const PNTS = PREFER_NOT_TO_SAY;

type Row = [o1: number | typeof PNTS, o2: number | typeof PNTS, o3: number | typeof PNTS, before: number | typeof PNTS, after: number | typeof PNTS, comments?: Answers];

/** Six people's answers: outcome ratings, confidence before and now, and what they wrote. */
const SIX: Row[] = [
  [5, 4, 3, 2, 4, { 'do-differently': 'Book interpreters before the day' }],
  [4, 4, PNTS, 3, 3, { 'do-differently': '   ' }],
  [3, 5, 2, 1, 4],
  [4, PNTS, 2, 4, 2],
  [5, 3, 3, PNTS, 5],
  [2, 4, 4, 2, 3, { 'anything-else': 'The room was cold' }],
];

/** Signs in `signedIn` people and has the first of them answer each row in turn. */
async function answered(evaluated: EvaluatedSession, signedIn: number, rows: Row[]) {
  const people = await signedInPeople(temp, evaluated.session.id, ...Array.from({ length: signedIn }, (_, index) => `Person${String.fromCharCode(65 + index)}`));
  const form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
  const outcomeIds = outcomeItemIds(form);
  for (const [index, [o1, o2, o3, before, after, comments]] of rows.entries()) {
    const answers: Answers = { [outcomeIds[0]!]: o1, [outcomeIds[1]!]: o2, [outcomeIds[2]!]: o3, confidence: { before, after }, ...comments };
    await temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId: people[index]!, templateId: form.id, answers, language: 'en' });
  }
}

describe('the summary of six responses from eight signed in', () => {
  let evaluated: EvaluatedSession;

  beforeEach(async () => {
    evaluated = await evaluatedSession(temp.call, 'anonymous');
    await answered(evaluated, 8, SIX);
  });

  it('gives the response count and rate, and shows the figures because six is not a small group', async () => {
    expect(await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).toMatchObject({
      signedIn: 8,
      responses: 6,
      responseRate: 0.75,
      smallGroup: false,
      withheld: false,
    });
  });

  it('gives each outcome its mean over the ratings given, in the course order', async () => {
    const { outcomes } = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    expect(outcomes.map((outcome) => [outcome.outcomeId, outcome.text, outcome.answered])).toEqual([
      [evaluated.course.learningOutcomes[0]!.id, 'I can recognise good practice', 6],
      [evaluated.course.learningOutcomes[1]!.id, 'I know when to book an interpreter', 5],
      [evaluated.course.learningOutcomes[2]!.id, 'I can explain how to register with a GP', 5],
    ]);
    // (5+4+3+4+5+2)/6, (4+4+5+3+4)/5, (3+2+2+3+4)/5
    expect(outcomes[0]!.mean).toBeCloseTo(23 / 6, 10);
    expect(outcomes[1]!.mean).toBeCloseTo(4, 10);
    expect(outcomes[2]!.mean).toBeCloseTo(2.8, 10);
  });

  it('says three of the five who rated both felt more confident, by 0.8 points on average', async () => {
    const { confidence } = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    // Changes +2, 0, +3, -2, +1; the person who preferred not to say "before" is left out.
    expect(confidence).toMatchObject({ paired: 5, rose: 3 });
    expect(confidence!.share).toBeCloseTo(0.6, 10);
    expect(confidence!.meanChange).toBeCloseTo(0.8, 10);
  });

  it('lists the comments written, without the blank one', async () => {
    const { comments } = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    expect(comments).toEqual([
      { question: 'What will you do differently?', text: 'Book interpreters before the day' },
      { question: 'Anything else?', text: 'The room was cold' },
    ]);
  });

  it('is the same after the app is restarted', async () => {
    const summary = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    await temp.reopen();
    expect(await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).toEqual(summary);
  });

  it('counts only this session, not another session of the same course', async () => {
    const venue = await temp.call('venues.create', { name: 'Elswick Library', address: '2 Elswick Road' });
    const other = await temp.call('sessions.create', {
      courseId: evaluated.course.id,
      venueId: venue.id,
      startsAt: '2026-03-12T14:00',
      endsAt: '2026-03-12T16:00',
      capacity: 10,
      facilitators: ['Sam Okafor'],
      status: 'scheduled',
    });
    expect(await temp.call('evaluations.summary', { sessionId: other.id })).toMatchObject({ signedIn: 0, responses: 0, responseRate: 0 });
  });
});

describe('the response rate', () => {
  it('never goes above 100%, even when someone’s sign-in is undone after they answered', async () => {
    const evaluated = await evaluatedSession(temp.call, 'linked');
    await answered(evaluated, 2, SIX.slice(0, 2));
    const [, bilal] = (await temp.call('evaluations.respondents', { sessionId: evaluated.session.id })).map((person) => person.personId);
    await temp.call('signIn.undo', { sessionId: evaluated.session.id, personId: bilal! });
    const summary = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    expect(summary.responses).toBe(2);
    expect(summary.responseRate).toBeLessThanOrEqual(1);
  });
});

describe('a small group', () => {
  const THREE = SIX.slice(0, 3);

  it('when anonymous, says three of four responded and that figures are held back, showing none of them', async () => {
    const evaluated = await evaluatedSession(temp.call, 'anonymous');
    await answered(evaluated, 4, THREE);
    expect(await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).toEqual({
      signedIn: 4,
      responses: 3,
      responseRate: 0.75,
      smallGroup: true,
      withheld: true,
      outcomes: [],
      confidence: null,
      comments: [],
      before: { answered: 0, late: 0 },
      change: [],
    });
  });

  it('when linked to people, says the group is small but shows the figures', async () => {
    const evaluated = await evaluatedSession(temp.call, 'linked');
    await answered(evaluated, 4, THREE);
    const summary = await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    expect(summary).toMatchObject({ responses: 3, smallGroup: true, withheld: false });
    expect(summary.outcomes.map((outcome) => outcome.mean)).toEqual([4, 13 / 3, 2.5]);
    // Changes +2, 0, +3.
    expect(summary.confidence).toMatchObject({ paired: 3, rose: 2 });
    expect(summary.comments).toHaveLength(1);
  });
});
