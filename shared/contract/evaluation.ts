import { z } from 'zod';
import { Id, requiredText, tooLongText } from './common';
import { KioskFindInput, KioskLanguage } from './kiosk';

/** Text in each kiosk language; English is required, the others fall back to it. */
export const LocalisedText = z.strictObject({
  en: requiredText('English text', 500),
  ar: z.string().trim().max(500).optional(),
  pl: z.string().trim().max(500).optional(),
});
export type LocalisedText = z.infer<typeof LocalisedText>;

/**
 * When in the training cycle a question is asked: before (at sign-in, before
 * the session starts), after (at the end) or at the follow-up, a set number
 * of weeks later.
 */
export const evaluationMoments = ['before', 'after', 'follow_up'] as const;
export const EvaluationMoment = z.enum(evaluationMoments, { error: 'Choose before, after or follow-up.' });
export type EvaluationMoment = z.infer<typeof EvaluationMoment>;

/** Weeks from the session to its follow-up questions. */
export const FollowUpWeeks = z
  .number({ error: 'Enter the weeks until the follow-up as a number.' })
  .int({ error: 'Enter the weeks until the follow-up as a whole number.' })
  .min(1, { error: 'Enter at least 1 week until the follow-up.' })
  .max(104, { error: 'Enter at most 104 weeks until the follow-up.' });
export const DEFAULT_FOLLOW_UP_WEEKS = 12;

/** The random code that pairs an anonymous person's before and after answers without naming them. */
export const PairingCode = z.string().regex(/^[0-9a-f]{32}$/);

const itemBase = {
  id: z.string().min(1).max(60),
  optional: z.boolean().default(false),
  /**
   * The moments the question is asked at; absent means after only, as every
   * question was before moments existed. A confidence pair asks its "before
   * today" wording (the retrospective rating) only after; before and at the
   * follow-up it asks its "now" wording alone.
   */
  moments: z
    .array(EvaluationMoment)
    .min(1, { error: 'Ask each question at one moment at least.' })
    .refine((moments) => new Set(moments).size === moments.length, { error: 'Choose each moment once.' })
    .optional(),
};

/** Evaluation items. Ratings are 1 to 5; the words at each point come from the kiosk's catalogues. */
export const EvaluationItem = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('outcome_rating'), outcomeId: z.string(), text: LocalisedText }),
  z.strictObject({ ...itemBase, kind: z.literal('confidence_pair'), before: LocalisedText, after: LocalisedText }),
  z.strictObject({ ...itemBase, kind: z.literal('free_text'), text: LocalisedText }),
  z.strictObject({
    ...itemBase,
    kind: z.literal('single_choice'),
    text: LocalisedText,
    options: z.array(z.strictObject({ id: z.string().min(1).max(60), text: LocalisedText })).min(2).max(12),
  }),
]);
export type EvaluationItem = z.infer<typeof EvaluationItem>;

export const EvaluationTemplate = z.object({
  id: z.string(),
  courseId: z.string(),
  version: z.number(),
  items: z.array(EvaluationItem),
  followUpWeeks: z.number(),
  /** False for the default made from the course's outcomes until someone answers or edits it. */
  stored: z.boolean(),
});
export type EvaluationTemplate = z.infer<typeof EvaluationTemplate>;

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';
const Rating = z.union([z.number().int().min(1).max(5), z.literal(PREFER_NOT_TO_SAY)], {
  error: 'Ratings go from 1 to 5, or "prefer not to say".',
});
export const Answer = z.union([
  Rating,
  z.strictObject({ before: Rating.optional(), after: Rating.optional() }),
  z.string().trim().max(2000, { error: tooLongText('Each answer', 2000) }),
]);
export type Answer = z.infer<typeof Answer>;

export const Answers = z.record(z.string().max(60), Answer);
export type Answers = z.infer<typeof Answers>;

export const ResponseInput = {
  personId: Id,
  templateId: Id,
  answers: Answers,
  language: KioskLanguage,
};

/** What someone answering on the facilitator's laptop gives: the after questions (as before issue 17), or the before ones. */
export const StaffResponseInput = {
  ...ResponseInput,
  moment: z.enum(['before', 'after'], { error: 'Choose the before or the after questions.' }).optional(),
};

const Count = z.number().int().min(0);
const perMoment = <T extends z.ZodType>(value: T) => z.object({ before: value, after: value, follow_up: value });

/** Two moments' answers from the same people: how many, and whether the later rating was higher, the same or lower (null when withheld for a small group). */
export const MomentPair = z.object({
  from: EvaluationMoment,
  to: EvaluationMoment,
  paired: Count,
  higher: Count.nullable(),
  same: Count.nullable(),
  lower: Count.nullable(),
  /** Fewer than 5 pairs while any answer is anonymous: only the count is shown. */
  withheld: z.boolean(),
});
export type MomentPair = z.infer<typeof MomentPair>;

/** Change through the training cycle for one rating asked at more than one moment. */
export const ChangeQuestion = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(['outcome', 'confidence']),
  answered: perMoment(Count),
  /** Median rating at each moment; null when nobody answered, or too few to show when anonymous. */
  median: perMoment(z.number().nullable()),
  pairs: z.array(MomentPair),
  /** Of those whose rating rose from before to after and answered the follow-up, how many still rated above their before (null when withheld). */
  kept: z.object({ improved: Count, kept: Count.nullable() }).nullable(),
  /** The retrospective rating ("Before today…", asked at the end) against "now", counted apart from the before answers. */
  retrospective: z.object({ paired: Count, higher: Count.nullable(), same: Count.nullable(), lower: Count.nullable() }).nullable(),
});
export type ChangeQuestion = z.infer<typeof ChangeQuestion>;

export const EvaluationSummary = z.object({
  signedIn: z.number(),
  responses: z.number(),
  /** responses / signed in, 0 to 1. */
  responseRate: z.number(),
  /** Fewer than 5 responses: per-item figures are withheld when responses are anonymous. */
  smallGroup: z.boolean(),
  withheld: z.boolean(),
  outcomes: z.array(z.object({ outcomeId: z.string(), text: z.string(), mean: z.number().nullable(), answered: z.number() })),
  confidence: z
    .object({
      /** People who gave both a before and an after rating. */
      paired: z.number(),
      rose: z.number(),
      /** rose / paired, 0 to 1; null when nobody answered both. */
      share: z.number().nullable(),
      meanChange: z.number().nullable(),
    })
    .nullable(),
  comments: z.array(z.object({ question: z.string(), text: z.string() })),
  /** Before answers given, and of them how many after the session's start (kept, marked late). */
  before: z.object({ answered: Count, late: Count }),
  /** Each rating asked before and after (or at the follow-up): the paired change. */
  change: z.array(ChangeQuestion),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const noteStatuses = ['open', 'responded', 'closed'] as const;

/** One text a note has had: when it was written and on which computer. */
export const NoteVersion = z.object({ text: z.string(), writtenAt: z.string(), deviceName: z.string() });
export type NoteVersion = z.infer<typeof NoteVersion>;

export const SessionNote = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionLabel: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  needsResponse: z.boolean(),
  status: z.enum(noteStatuses),
  response: z.string().nullable(),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  /**
   * Every text the note has had, oldest first: the first as written, then
   * each correction. The last is the text that stands (`text`); one version
   * means it was never corrected.
   */
  versions: z.array(NoteVersion),
  /** Every response the office has given it, oldest first, the same way: the last is `response`; empty before the first. */
  responseVersions: z.array(NoteVersion),
});
export type SessionNote = z.infer<typeof SessionNote>;

export const Respondent = z.object({
  personId: z.string(),
  name: z.string(),
  responded: z.boolean(),
  /** Whether they have answered the before questions (false too when the form has none). */
  answeredBefore: z.boolean(),
});

/** The form for the before questions, and whether this person can still answer them (not yet answered, not after). */
export const BeforeQuestions = z.object({ template: EvaluationTemplate, open: z.boolean() });

export const evaluationProcedures = {
  'evaluations.template': { kind: 'query', input: z.strictObject({ courseId: Id }), output: EvaluationTemplate },
  'evaluations.saveTemplate': {
    kind: 'mutation',
    input: z.strictObject({
      courseId: Id,
      items: z.array(EvaluationItem, { error: 'Add the questions as a list.' }).min(1, { error: 'Add at least one question.' }).max(40),
      followUpWeeks: FollowUpWeeks.default(DEFAULT_FOLLOW_UP_WEEKS),
    }),
    output: EvaluationTemplate,
  },
  'evaluations.respondents': { kind: 'query', input: z.strictObject({ sessionId: Id }), output: z.array(Respondent) },
  'evaluations.submit': { kind: 'mutation', input: z.strictObject({ sessionId: Id, ...StaffResponseInput }), output: z.object({ responses: z.number() }) },
  'evaluations.summary': { kind: 'query', input: z.strictObject({ sessionId: Id }), output: EvaluationSummary },

  'notes.add': {
    kind: 'mutation',
    input: z.strictObject({
      sessionId: Id,
      text: requiredText('Note', 4000),
      tags: z.array(requiredText('Each tag', 40)).max(12).default([]),
      needsResponse: z.boolean().default(false),
    }),
    output: SessionNote,
  },
  'notes.list': {
    kind: 'query',
    input: z.strictObject({ sessionId: Id.optional(), status: z.enum(noteStatuses).optional() }),
    output: z.array(SessionNote),
  },
  /**
   * Corrects what a note says: the new text stands, and the earlier text is
   * kept as the note's history. A correction is a change like any other, so
   * a laptop's reaches the office in its next end-of-day file.
   */
  'notes.correct': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, text: requiredText('Note', 4000) }),
    output: SessionNote,
  },
  'notes.respond': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, response: requiredText('Response', 4000), status: z.enum(['responded', 'closed']) }),
    output: SessionNote,
  },

  'kioskEvaluation.find': {
    kind: 'query',
    access: 'kiosk',
    input: KioskFindInput,
    output: z.array(z.object({ personId: z.string(), label: z.string(), responded: z.boolean() })),
  },
  'kioskEvaluation.template': { kind: 'query', access: 'kiosk', input: z.strictObject({}), output: EvaluationTemplate },
  'kioskEvaluation.submit': { kind: 'mutation', access: 'kiosk', input: z.strictObject(ResponseInput), output: z.object({ firstName: z.string() }) },
  /**
   * Right after signing in at the kiosk (open for sign-in): the course's
   * questions, of which the kiosk asks those placed before; and the answers,
   * which only someone signed in and not yet asked can give.
   */
  'kioskEvaluation.beforeQuestions': { kind: 'query', access: 'kiosk', input: z.strictObject({ personId: Id }), output: BeforeQuestions },
  'kioskEvaluation.submitBefore': { kind: 'mutation', access: 'kiosk', input: z.strictObject(ResponseInput), output: z.object({ firstName: z.string() }) },
} as const;
