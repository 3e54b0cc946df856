import { z } from 'zod';
import { Id } from './common';
import { Answers, EvaluationItem } from './evaluation';
import { exportFormats } from './exports';
import { OutgoingFile } from './pairing';

/**
 * The follow-up, weeks after a session (issue 17), at the office, for
 * courses whose answers are linked to the person: who is due one, the
 * mail-merge spreadsheet and printable form with each person's personal
 * code, and their answers typed in against the code. Answers also come back
 * through the spreadsheet import (`--kind evaluations` with a code column).
 */

/**
 * The personal code's letters: digits and capitals without 0, O, 1, I and L,
 * which are read one for another on paper and on screen. 31 characters.
 */
export const FOLLOW_UP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const FOLLOW_UP_CODE_LENGTH = 8;

/** A code as typed or pasted ("k7mp 3xq9", "K7MP-3XQ9") in the one spelling it is stored in: "K7MP3XQ9". */
export function normaliseFollowUpCode(text: string): string {
  return text.toUpperCase().replace(/[\s\-–.]/g, '');
}

/** A code as people read it, in two halves: "K7MP-3XQ9". */
export function followUpCodeForReading(code: string): string {
  return code.length === FOLLOW_UP_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

const codePattern = new RegExp(`^[${FOLLOW_UP_CODE_ALPHABET}]{${FOLLOW_UP_CODE_LENGTH}}$`);

/** Whether text (already normalised) is shaped like a code Fieldbook makes; whether it is one it made is for the core. */
export const looksLikeFollowUpCode = (code: string) => codePattern.test(code);

export const FollowUpCode = z
  .string({ error: 'Enter the follow-up code as text.' })
  .transform(normaliseFollowUpCode)
  .pipe(
    z
      .string()
      .min(1, { error: 'Enter the follow-up code.' })
      .regex(codePattern, { error: 'Enter the follow-up code as it was sent: 8 letters and numbers, for example K7MP-3XQ9.' }),
  );

const Count = z.number().int().min(0);

export const FollowUpPerson = z.object({ personId: z.string(), name: z.string(), email: z.string() });

/** One session whose people are due their follow-up. */
export const FollowUpSession = z.object({
  sessionId: z.string(),
  /** Local date and time, "2026-09-02T10:00". */
  startsAt: z.string(),
  venueName: z.string(),
  /** The day the follow-up fell due: the session's day and the form's weeks. */
  dueOn: z.string(),
  people: z.array(FollowUpPerson),
});

export const FollowUpCourse = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  followUpWeeks: z.number().int(),
  sessions: z.array(FollowUpSession),
});

/** A course's sessions whose people were asked (a mail-merge written) and have not answered yet, for writing a lost mail-merge again. */
export const WaitingCourse = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  sessions: z.array(z.object({ sessionId: z.string(), startsAt: z.string(), venueName: z.string(), waiting: Count })),
});

export const FollowUpsDue = z.object({
  /** People due, in every course and session listed. */
  due: Count,
  /** Asked (the mail-merge written) and not answered yet. */
  waiting: Count,
  courses: z.array(FollowUpCourse),
  /** Where those waiting were trained, by course and session. */
  waitingCourses: z.array(WaitingCourse),
});
export type FollowUpsDue = z.infer<typeof FollowUpsDue>;

/** The mail-merge's file format, and whose it is: everyone's, one course's or one session's. */
const MailMergeChoice = z.strictObject({
  format: z.enum(exportFormats, { error: 'Choose a spreadsheet (xlsx) or a CSV file.' }),
  courseId: Id.optional(),
  sessionId: Id.optional(),
});

/** One question of a printed form, as the person reads it. */
export const PrintedQuestion = z.object({ text: z.string(), kind: z.enum(['rating', 'text', 'choice']), options: z.array(z.string()) });

/** A person's form to print: their code and the follow-up questions. */
export const FollowUpForm = z.object({
  code: z.string(),
  name: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  venueName: z.string(),
  askedAt: z.string(),
  questions: z.array(PrintedQuestion),
});
export type FollowUpForm = z.infer<typeof FollowUpForm>;

/** What a code opens at the office: whose it is, and the questions they were sent. */
export const CodeFound = z.object({
  code: z.string(),
  name: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  venueName: z.string(),
  /** The follow-up questions as asked (a confidence question asks its "now" rating alone). */
  questions: z.array(EvaluationItem),
});
export type CodeFound = z.infer<typeof CodeFound>;

export const followUpProcedures = {
  /** Office only: people trained the form's weeks ago (12 unless the course says) who have an email and were not asked yet, by course and session. */
  'followUps.due': { kind: 'query', input: z.strictObject({}), output: FollowUpsDue },
  /**
   * Writes the mail-merge spreadsheet (name, email, course, session date,
   * personal code, the follow-up questions) for those due, giving each a new
   * code, and marks them asked: they leave "Follow-ups due".
   */
  'followUps.writeMailMerge': {
    kind: 'mutation',
    input: MailMergeChoice,
    output: OutgoingFile.extend({ asked: Count }),
  },
  /**
   * Writes again the mail-merge of those asked and not answered yet (all, one
   * course's or one session's), for an office that lost the file: the codes
   * they were sent, never new ones, and never an answered code. Nobody is
   * marked asked again; people with no email now are left out (their forms
   * print).
   */
  'followUps.rewriteMailMerge': {
    kind: 'query',
    input: MailMergeChoice,
    output: OutgoingFile.extend({ written: Count, withoutEmail: Count }),
  },
  /** The forms to print for those asked and not answered yet (one session's, or all). */
  'followUps.forms': { kind: 'query', input: z.strictObject({ sessionId: Id.optional() }), output: z.array(FollowUpForm) },
  /** Whose a code is and its questions; an unknown or used code is refused in plain words. */
  'followUps.findCode': { kind: 'query', input: z.strictObject({ code: FollowUpCode }), output: CodeFound },
  /** Records a code's answers, typed in at the office, as that person's follow-up answers; the code is then used. */
  'followUps.answer': {
    kind: 'mutation',
    input: z.strictObject({ code: FollowUpCode, answers: Answers }),
    output: z.object({ name: z.string(), courseTitle: z.string(), startsAt: z.string(), followUpAnswers: Count }),
  },
} as const;
