import { describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY, type Answers, type EvaluationItem } from '../../shared/contract';
import { summarise } from '../../electron/core/evaluations/summary';

/**
 * The figures funders ask for, worked out by hand: the mean rating of each
 * learning outcome, the share of people whose confidence rose and by how much
 * on average, the comments, and what is held back for a small anonymous group.
 */

const PNTS = PREFER_NOT_TO_SAY;

const outcome = (id: string, outcomeId: string, en: string): EvaluationItem => ({ id, kind: 'outcome_rating', outcomeId, optional: false, text: { en } });
const confidence = (id: string): EvaluationItem => ({
  id,
  kind: 'confidence_pair',
  optional: false,
  before: { en: 'Before today, how confident were you?' },
  after: { en: 'Now, how confident are you?' },
});
const freeText = (id: string, en: string): EvaluationItem => ({ id, kind: 'free_text', optional: true, text: { en } });

const V1 = 'template-v1';
const V1_ITEMS: EvaluationItem[] = [
  outcome('recognise', 'o-recognise', 'I can recognise good practice'),
  outcome('interpreter', 'o-interpreter', 'I know how to book an interpreter'),
  confidence('confidence'),
  freeText('do-differently', 'What will you do differently?'),
  freeText('anything-else', 'Anything else?'),
];
/** Version 2 reworded the questions under new ids, but rates the same learning outcome. */
const V2 = 'template-v2';
const V2_ITEMS: EvaluationItem[] = [outcome('recognise-2', 'o-recognise', 'I can spot good practice'), confidence('confidence-2')];

const templates = new Map([
  [V1, V1_ITEMS],
  [V2, V2_ITEMS],
]);

const v1 = (answers: Answers) => ({ templateId: V1, answers });
const v2 = (answers: Answers) => ({ templateId: V2, answers });

/** Responses that answer only the confidence pair (undefined: not even that). */
const confidenceOnly = (...pairs: (Answers[string] | undefined)[]) => pairs.map((pair) => v1(pair === undefined ? {} : { confidence: pair }));

describe('the share whose confidence rose', () => {
  it('counts a rise only when after is above before, and averages the change over everyone who gave both', () => {
    const summary = summarise(
      templates,
      confidenceOnly({ before: 2, after: 4 }, { before: 1, after: 5 }, { before: 3, after: 3 }, { before: 4, after: 2 }, { before: 5, after: 4 }),
      5,
      false,
    );
    // Rises of +2 and +4; no change; falls of -2 and -1.
    expect(summary.confidence).toEqual({ paired: 5, rose: 2, share: 2 / 5, meanChange: (2 + 4 + 0 - 2 - 1) / 5 });
  });

  it('leaves out anyone who skipped either side or preferred not to say', () => {
    const summary = summarise(
      templates,
      confidenceOnly(
        { before: 2, after: 3 },
        { before: 3, after: 2 },
        { before: PNTS, after: 5 },
        { before: 1, after: PNTS },
        { before: PNTS, after: PNTS },
        { before: 2 },
        { after: 5 },
        {},
        undefined,
      ),
      9,
      true,
    );
    expect(summary.confidence).toEqual({ paired: 2, rose: 1, share: 0.5, meanChange: 0 });
  });

  it('says nobody rose when everyone answered the same before and after', () => {
    const summary = summarise(templates, confidenceOnly(...[1, 2, 3, 4, 5].map((rating) => ({ before: rating, after: rating }))), 5, false);
    expect(summary.confidence).toEqual({ paired: 5, rose: 0, share: 0, meanChange: 0 });
  });

  it('gives no share or mean change when nobody answered both sides', () => {
    const summary = summarise(templates, confidenceOnly({ before: PNTS, after: 4 }, { before: 3 }, undefined, {}, { after: PNTS }), 6, false);
    expect(summary.confidence).toEqual({ paired: 0, rose: 0, share: null, meanChange: null });
  });

  it('has no confidence figures for a form without the confidence question', () => {
    const onlyOutcomes = new Map([['plain', [outcome('recognise', 'o-recognise', 'I can recognise good practice')]]]);
    const responses = [5, 4, 3, 4, 5].map((rating) => ({ templateId: 'plain', answers: { recognise: rating } }));
    expect(summarise(onlyOutcomes, responses, 5, false).confidence).toBeNull();
  });
});

describe('the mean rating of each learning outcome', () => {
  it('averages only the ratings given, leaving out missing answers and "prefer not to say"', () => {
    const summary = summarise(
      templates,
      [
        v1({ recognise: 5, interpreter: 2 }),
        v1({ recognise: 4, interpreter: PNTS }),
        v1({ recognise: PNTS, interpreter: 1 }),
        v1({ interpreter: PNTS }),
        v1({ recognise: 3 }),
        v1({}),
      ],
      6,
      true,
    );
    expect(summary.outcomes).toEqual([
      { outcomeId: 'o-recognise', text: 'I can recognise good practice', mean: 4, answered: 3 },
      { outcomeId: 'o-interpreter', text: 'I know how to book an interpreter', mean: 1.5, answered: 2 },
    ]);
  });

  it('shows an outcome nobody rated as answered by none, with no mean', () => {
    const summary = summarise(templates, [1, 2, 3, 4, 5].map((rating) => v1({ recognise: rating, interpreter: PNTS })), 5, true);
    expect(summary.outcomes).toEqual([
      { outcomeId: 'o-recognise', text: 'I can recognise good practice', mean: 3, answered: 5 },
      { outcomeId: 'o-interpreter', text: 'I know how to book an interpreter', mean: null, answered: 0 },
    ]);
  });
});

describe('the response rate', () => {
  it('is responses out of the people signed in', () => {
    const summary = summarise(templates, confidenceOnly(...Array.from({ length: 6 }, () => ({ before: 2, after: 3 }))), 8, false);
    expect(summary).toMatchObject({ signedIn: 8, responses: 6, responseRate: 0.75 });
  });

  it('is nought, not an error, when nobody has signed in or answered yet', () => {
    expect(summarise(templates, [], 0, true)).toMatchObject({ signedIn: 0, responses: 0, responseRate: 0, outcomes: [], confidence: null, comments: [] });
  });
});

describe('a small group', () => {
  const four = [
    v1({ recognise: 5, interpreter: 4, confidence: { before: 2, after: 4 }, 'do-differently': 'Ask which language people prefer' }),
    v1({ recognise: 4, interpreter: 4, confidence: { before: 3, after: 3 } }),
    v1({ recognise: 3, interpreter: 2, confidence: { before: 1, after: 4 } }),
    v1({ recognise: 4, interpreter: 2, confidence: { before: 4, after: 5 } }),
  ];

  it('when anonymous, says so and holds back every per-item figure and comment, but still gives the response rate', () => {
    const summary = summarise(templates, four, 6, true);
    expect(summary).toEqual({
      signedIn: 6,
      responses: 4,
      responseRate: 4 / 6,
      smallGroup: true,
      withheld: true,
      outcomes: [],
      confidence: null,
      comments: [],
    });
  });

  it('when linked to people, says it is small but shows the figures', () => {
    const summary = summarise(templates, four, 6, false);
    expect(summary).toMatchObject({ smallGroup: true, withheld: false });
    expect(summary.outcomes.map((item) => item.mean)).toEqual([4, 3]);
    expect(summary.confidence).toEqual({ paired: 4, rose: 3, share: 3 / 4, meanChange: (2 + 0 + 3 + 1) / 4 });
    expect(summary.comments).toEqual([{ question: 'What will you do differently?', text: 'Ask which language people prefer' }]);
  });

  it('stops being small at five responses, even when anonymous', () => {
    const summary = summarise(templates, [...four, v1({ recognise: 4, interpreter: 3, confidence: { before: 2, after: 2 } })], 5, true);
    expect(summary).toMatchObject({ smallGroup: false, withheld: false, responses: 5 });
    expect(summary.outcomes.map((item) => item.mean)).toEqual([4, 3]);
    expect(summary.confidence).toMatchObject({ paired: 5, rose: 3 });
  });
});

describe('comments', () => {
  it('collects what people wrote under each question, leaving out blank answers', () => {
    const summary = summarise(
      templates,
      [
        v1({ 'do-differently': '  Book interpreters earlier  ', 'anything-else': '' }),
        v1({ 'do-differently': '   ', 'anything-else': 'The room was cold' }),
        v1({ 'anything-else': PNTS }),
        v1({}),
        v1({ 'do-differently': 'Check GP registration', 'anything-else': '\n' }),
      ],
      5,
      true,
    );
    expect(summary.comments).toEqual([
      { question: 'What will you do differently?', text: 'Book interpreters earlier' },
      { question: 'Anything else?', text: 'The room was cold' },
      { question: 'What will you do differently?', text: 'Check GP registration' },
    ]);
  });
});

describe('responses to two versions of the form', () => {
  it('counts both, pooling ratings of the same learning outcome and both confidence questions', () => {
    const summary = summarise(
      templates,
      [
        v1({ recognise: 5, interpreter: 3, confidence: { before: 2, after: 4 } }),
        v1({ recognise: 3, interpreter: 3, confidence: { before: 3, after: 3 } }),
        v1({ recognise: 4, interpreter: 3, confidence: { before: 2, after: 3 } }),
        v2({ 'recognise-2': 2, 'confidence-2': { before: 4, after: 5 } }),
        v2({ 'recognise-2': 1, 'confidence-2': { before: 5, after: 1 } }),
        v2({ 'recognise-2': PNTS, 'confidence-2': { before: PNTS, after: 5 } }),
      ],
      7,
      true,
    );
    expect(summary).toMatchObject({ responses: 6, responseRate: 6 / 7, smallGroup: false, withheld: false });
    expect(summary.outcomes).toEqual([
      { outcomeId: 'o-recognise', text: 'I can recognise good practice', mean: (5 + 3 + 4 + 2 + 1) / 5, answered: 5 },
      { outcomeId: 'o-interpreter', text: 'I know how to book an interpreter', mean: 3, answered: 3 },
    ]);
    // +2, 0, +1 on version 1; +1, -4 on version 2.
    expect(summary.confidence).toEqual({ paired: 5, rose: 3, share: 3 / 5, meanChange: (2 + 0 + 1 + 1 - 4) / 5 });
  });
});
