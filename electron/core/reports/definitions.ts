import type { Definition, ReportKind } from '../../../shared/contract';

/**
 * What each figure means, printed with every report on screen and in every
 * file, in the words docs/reports.md uses. Each is what the query in this
 * folder counts; change one only with the other.
 */
const terms = {
  period:
    'Sessions count in the period by the day they were held, both the first and the last day included. Nothing dated after the as-of date counts; a period not over on that date is marked "part year" (or "part period").',
  attendance:
    'A sign-in that was not undone (the latest sign-in record for that person at that session is a sign-in, not an undo), at a session that was not cancelled. A person signed in twice at one session is one attendance.',
  peopleTrained:
    'Distinct people with at least one attendance at a session in the period, of the chosen course, contract, venue and facilitator. Someone who came twice counts once; someone booked who never came counts zero; a person merged into another counts once, as the person kept (following each merge to the end).',
  sector:
    "A person's sector and organisation are those of their employer as recorded on the person (the person kept, after a merge) when the report is run. People with no organisation are counted as \"No organisation recorded\".",
  facilitator: 'A session run by two facilitators counts for each of them, so the facilitator table can add up to more than the total.',
  responseRate: 'Response rate: evaluation responses at the sessions counted, divided by attendances at them.',
  confidence:
    'Confidence is rated from 1 to 5 before and after. Paired: responses with both a before and an after rating ("prefer not to say" and missing answers are left out). Increased: after is higher than before; same; lower. Percent increased: 100 × increased ÷ paired, rounded to one decimal place, with its 95% Wilson score interval. The funnel runs from attendances to responses to paired responses.',
  retrospective:
    '"Before" is asked at the end of the course, on the same form as "after" ("Before today, how confident were you…"): it is a retrospective rating, not one taken before the course began.',
  anonymous:
    'Anonymous answers carry no person, so they are left out when the report is filtered by organisation or sector, and are shown as "Anonymous answers" in the sector and organisation tables.',
  outcomes:
    "For each learning outcome of each course: the number of ratings from 1 to 5 given, their mean (to two decimal places), and how many gave each rating. \"Prefer not to say\" and missing answers are left out.",
  equality:
    'Ethnicity of the people trained in the period, by the ONS 2021 census categories for England and Wales, from the answer each person gave (the person kept, or a person merged into them if only they answered). Aggregate only: no row is about one person. "Prefer not to say" and "Not answered" are rows of their own.',
  suppression:
    'Counts from 1 to 7 are shown as "*". Where a total could reveal a hidden count by subtraction, a second count (the smallest other one, or the total) is hidden too. No percentage is shown where its denominator is under 10.',
} as const;

type Term = keyof typeof terms;

const words: Record<Term, string> = {
  period: 'Period',
  attendance: 'Attendance',
  peopleTrained: 'People trained',
  sector: 'Sector and organisation',
  facilitator: 'Facilitators',
  responseRate: 'Response rate',
  confidence: 'Confidence',
  retrospective: 'Retrospective "before"',
  anonymous: 'Anonymous answers',
  outcomes: 'Learning outcomes',
  equality: 'Equality monitoring',
  suppression: 'Small numbers',
};

const byReport: Record<ReportKind, Term[]> = {
  training: ['period', 'attendance', 'peopleTrained', 'sector', 'facilitator'],
  confidence: ['period', 'attendance', 'confidence', 'retrospective', 'responseRate', 'anonymous', 'facilitator'],
  outcomes: ['period', 'attendance', 'outcomes', 'responseRate', 'anonymous'],
  equality: ['period', 'attendance', 'peopleTrained', 'equality', 'suppression'],
  demand: ['period'],
  'you-said-we-did': ['period'],
  membership: [],
};

export function definitionsFor(kind: ReportKind, options: { retrospective?: boolean } = {}): Definition[] {
  return byReport[kind]
    .filter((term) => term !== 'retrospective' || options.retrospective !== false)
    .map((term) => ({ term: words[term], text: terms[term] }));
}
