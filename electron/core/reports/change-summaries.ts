import { GroupCounts, type SessionCell } from './change-groups';
import { SessionPass } from './change-session-pass';
import type { ChangeSessions } from './facts/change-by-session';
import type { ChangeFacts } from './facts/change-facts';
import { ANONYMOUS } from './facts/response-facts';

/**
 * Each session's answers counted once and kept, for the reports without an
 * organisation or sector filter (which count every answer of a session):
 * one cell a sector met at the session, over the session's own questions.
 * A report over five years then adds up a few cells a session instead of
 * counting 600,000 answers again (docs/benchmarks.md). A session is counted
 * when a report first needs it; after answers are added only their sessions
 * are counted again, and all of them once answers are read again (an answer
 * edited or deleted, a form version changed), or the people (merges,
 * organisations, erasures) or the organisations' sectors change.
 */
export interface SessionSummary {
  /** The ratings read at the session (questions asked at its answers' moments), for the order questions are first met in. */
  ratingsRead: number;
  /** The session's questions: l's number in the change facts. */
  questions: Int32Array;
  /** One a sector met, in the order met. */
  cells: SessionCell[];
}

class Summaries {
  private pass: SessionPass | null = null;
  /** Cells to count a session into, one a sector in the order met there, emptied after each session. */
  private readonly scratch: GroupCounts[] = [];
  /** What the kept counts were counted from: while only answers are added, only their sessions are counted again. */
  readonly answers: number;
  readonly clearedAt: number;
  readonly people: number;

  constructor(
    private readonly change: ChangeFacts,
    readonly bySession: ChangeSessions,
    readonly sectors: readonly string[],
    private readonly held: (SessionSummary | undefined)[] = [],
  ) {
    this.answers = change.length;
    this.clearedAt = change.clearedAt;
    this.people = change.reportFacts.people.generation;
  }

  /** The same kept counts for answers added since (their sessions left out, to be counted again). */
  carriedOver(bySession: ChangeSessions): Summaries {
    const session = this.change.session.view();
    const held = this.held.slice();
    for (let i = this.answers; i < this.change.length; i += 1) if (session[i]! >= 0) held[session[i]!] = undefined;
    return new Summaries(this.change, bySession, this.sectors, held);
  }

  of(n: number, sectorOfOrganisation: (organisation: number) => string): SessionSummary {
    const found = this.held[n];
    if (found) return found;
    const pass = (this.pass ??= new SessionPass(this.change, this.bySession));
    const sectorsMet: string[] = [];
    const cellOf = (kept: number, organisation: number) => {
      const sector = kept === ANONYMOUS ? 'anonymous' : sectorOfOrganisation(organisation);
      let at = sectorsMet.indexOf(sector);
      if (at < 0) at = sectorsMet.push(sector) - 1;
      return (this.scratch[at] ??= new GroupCounts('', '', this.change.questions.size, this.change.templates.length));
    };
    const ratingsRead = pass.count(n, 0, cellOf);
    const questions = pass.questions.slice(0, pass.questionsHere);
    const cells = sectorsMet.map((sector, at) => {
      const cell = this.scratch[at]!;
      const kept = cell.summarise(sector, questions, questions.length);
      cell.reset(questions, questions.length);
      return kept;
    });
    return (this.held[n] = { ratingsRead, questions, cells });
  }
}

const perFacts = new WeakMap<ChangeFacts, Summaries>();

/** The kept session counts for these change facts, answers by session and organisations' sectors. */
export function sessionSummaries(change: ChangeFacts, bySession: ChangeSessions, sectors: readonly string[]): Summaries {
  let found = perFacts.get(change);
  if (found?.bySession === bySession && found.sectors === sectors) return found;
  const onlyAdded = found !== undefined && found.sectors === sectors && found.clearedAt === change.clearedAt && found.people === change.reportFacts.people.generation;
  perFacts.set(change, (found = onlyAdded ? found!.carriedOver(bySession) : new Summaries(change, bySession, sectors)));
  return found;
}
