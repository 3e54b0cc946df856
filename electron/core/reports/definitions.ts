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
  cycle:
    'Each question of a course\'s evaluation is asked at one or more moments: before the session (at sign-in), after it (at the end) and at the follow-up, a set number of weeks later (12 unless the course says otherwise). Answers are counted at the session they are about, in the period of that session. Before answers given after the session\'s start time are kept and counted, and the report says how many were late.',
  pairing:
    'Paired: the same person\'s ratings of the same question at two moments of the same session (the person kept, after a merge). Anonymous answers are paired by a random code the two answers share, which names no one. Higher, same, lower: the later rating against the earlier. Improvement kept: of those whose rating rose from before to after and who answered the follow-up, those still above their before rating at the follow-up. "Prefer not to say" and missing answers are left out. The median at each moment counts every rating given then, paired or not.',
  changeSmallGroups:
    'When any answer counted is anonymous, no share (higher, same, lower, kept) is shown for fewer than 5 pairs: "*" stands in its place, as the evaluation page withholds a small anonymous group.',
  anonymous:
    'Anonymous answers carry no person, so they are left out when the report is filtered by organisation or sector, and are shown as "Anonymous answers" in the sector and organisation tables.',
  outcomes:
    "For each learning outcome of each course: the number of ratings from 1 to 5 given, their mean (to two decimal places), and how many gave each rating. \"Prefer not to say\" and missing answers are left out.",
  equality:
    'Ethnicity of the people trained in the period, by the ONS 2021 census categories for England and Wales, from the answer each person gave (the person kept, or a person merged into them if only they answered). Aggregate only: no row is about one person. "Prefer not to say" and "Not answered" are rows of their own.',
  suppression:
    'Counts from 1 to 7 are shown as "*". Where a total could reveal a hidden count by subtraction, a second count (the smallest other one, or the total) is hidden too. No percentage is shown where its denominator is under 10.',
  waitlist:
    'People on a waitlist: distinct people (the person kept, after a merge) who joined the waitlist of a session in the period, from the booking history recorded by the as-of date. Joining is going onto the waitlist from no place; moving within the queue, or an offer going back to waiting, is not a new joining. Given a place: of them, those whose booking was later booked. Cancelled sessions are left out.',
  waitToPlace:
    'Median days from the waitlist to a place: for each joining that later got a booked place by the as-of date, the whole days from joining to the place (0 for the same day); the median of those.',
  placesReleased:
    'Places released at the venue: booked people not signed in when the facilitator released no-shows (each becomes a no-show and frees a place). Released places given: people waiting in the room who were then given a place.',
  requestsWaiting:
    "Organisation requests waiting: requests for in-house delivery received on or before the as-of date whose status is still waiting (not scheduled or declined). A request's history is not kept, so its status is the one it has now. Days waiting: from the day it was received to the as-of date; the median and the longest.",
  fullWithinWeek:
    'Opening: the moment the session was first recorded (the clock stamp of the earliest entry for it in the change log; stamps never go back, so a device whose clock was once ahead reads a later opening). Full: the places booked or offered to individuals plus the places held by group bookings reached the capacity, or someone joined its waitlist (which happens only when it is full). Full within 7 days: full no more than 7 days after opening, by the as-of date, with the capacity it has now.',
  notes:
    'Notes raised: the session notes written by the as-of date at sessions in the period (not cancelled), whoever wrote them. Answered: the office recorded what was done (responded) or why it was closed, on or before the as-of date. Waiting for an answer: notes marked as needing a response that have none yet. A note with two tags counts under each; a note with none under "No tag". Notes are about a session, never a person.',
  membershipJoined:
    'For one scheme. Joined: people (the person kept, after a merge) whose first term in the scheme starts in the period (the period is of joining dates) and by the as-of date. Organisations: distinct organisations on those first terms. The organisation and sector of a member are those recorded on the term counted (the organisation when it began).',
  membershipTraining:
    'Trained, not trained, due and exempt: the training outcome, as of the as-of date, of the joining made by each person who joined, by the membership rule: exempt (a reason recorded); trained (attended a required course before joining or within the window, calendar months, its last day included); due (the window is still open); not trained. Attendance is as in the other reports. They add up to joined.',
  membershipTerms:
    'Renewed: terms starting in the period that continue an earlier term (a gap no longer than the grace period). Rejoined: later terms starting in the period after a longer gap. Each term keeps the origin it was given when added, so changing the grace period does not rewrite history. Lapsed: terms whose last day is in the period, not cancelled, whose grace period was over by the as-of date with no later term starting within it; a cancelled term is a cancellation, not a lapse.',
  membershipDueSoon:
    'Due in the next 30 days: members whose latest joining is due and whose window closes within 30 days of the as-of date, soonest first, as on the due-soon screen.',
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
  cycle: 'Moments of the training cycle',
  pairing: 'Paired answers',
  changeSmallGroups: 'Small anonymous groups',
  anonymous: 'Anonymous answers',
  outcomes: 'Learning outcomes',
  equality: 'Equality monitoring',
  suppression: 'Small numbers',
  waitlist: 'Waitlists',
  waitToPlace: 'Days to a place',
  placesReleased: 'Places released at the venue',
  requestsWaiting: 'Organisation requests waiting',
  fullWithinWeek: 'Full within 7 days of opening',
  notes: 'You said, we did',
  membershipJoined: 'Joined',
  membershipTraining: 'Training requirement',
  membershipTerms: 'Renewed, rejoined and lapsed',
  membershipDueSoon: 'Due soon',
};

const byReport: Record<ReportKind, Term[]> = {
  training: ['period', 'attendance', 'peopleTrained', 'sector', 'facilitator'],
  confidence: ['period', 'attendance', 'confidence', 'retrospective', 'responseRate', 'anonymous', 'facilitator'],
  outcomes: ['period', 'attendance', 'outcomes', 'responseRate', 'anonymous'],
  change: ['period', 'attendance', 'cycle', 'pairing', 'retrospective', 'changeSmallGroups', 'anonymous'],
  equality: ['period', 'attendance', 'peopleTrained', 'equality', 'suppression'],
  demand: ['period', 'waitlist', 'waitToPlace', 'placesReleased', 'requestsWaiting', 'fullWithinWeek'],
  'you-said-we-did': ['period', 'notes'],
  membership: ['membershipJoined', 'membershipTraining', 'membershipTerms', 'membershipDueSoon'],
};

export function definitionsFor(kind: ReportKind, options: { retrospective?: boolean } = {}): Definition[] {
  return byReport[kind]
    .filter((term) => term !== 'retrospective' || options.retrospective !== false)
    .map((term) => ({ term: words[term], text: terms[term] }));
}
