import { useCallback, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { Roster } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { useAnnounce } from '../../components/status';
import { offersText, outcomeText } from './words';

/** Where on the roster screen an action was taken, so a refusal is shown beside it. */
export type Place = 'search' | 'table' | 'walk-in' | 'waitlist' | 'release' | 'groups';

export interface Problem {
  place: Place;
  message: string;
}

/** Someone an action is about: a roster row or a search result. */
export interface Someone {
  personId: string;
  name: string;
}

export interface RosterApi {
  roster: Roster;
  sessionId: string;
  /** Why nobody can sign in here (another day, cancelled), or null on the day. */
  closedReason: string | null;
  /** Goes up after every change, so the search re-reads who is booked and signed in. */
  version: number;
  problem: Problem | null;
  busy: boolean;
  signIn(place: Place, person: Someone): Promise<boolean>;
  undo(place: Place, person: Someone): Promise<boolean>;
  book(place: Place, person: Someone): Promise<boolean>;
  cancelBooking(place: Place, person: Someone): Promise<boolean>;
  /** Takes a roster another call returned (a walk-in), saying `done` politely. */
  adopt(roster: Roster, done: string): void;
  /**
   * Any other change that returns the roster (confirm an offer, release
   * no-shows): one at a time, a refusal shown at `place`, `done` said politely.
   */
  run(place: Place, action: () => Promise<Roster>, done: (roster: Roster) => string): Promise<boolean>;
}

/**
 * How long after a change to someone a further press for them in the same
 * place is taken as the same press repeated. Longer than a slow double click, shorter than anyone
 * can read the row and decide to press again.
 */
export const REPEAT_PRESS_MS = 700;

/** The core's message is written for the facilitator; anything else gets a safe plain sentence. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong and nothing was changed. Please try again.';
}

/**
 * The roster on screen and every change to it. Each change returns the
 * updated roster from the core, so the counts and rows always show what was
 * written; a refusal is kept as a problem beside the place it came from.
 */
export function useRoster(initial: Roster, closedReason: string | null): RosterApi {
  const [roster, setRoster] = useState(initial);
  // The roster as last shown, to tell what an action changed (a place offered to the next person waiting).
  const shown = useRef(initial);
  shown.current = roster;
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // A second press while the first is on its way must not sign someone in twice.
  const running = useRef(false);
  // When each person's last change from each place finished: a repeat press there just after it (a double
  // click or a double Enter, 80–300 ms apart) is the same press again, not a second decision, and must not
  // undo the first. A press for them somewhere else (the walk-in form's look-alike, just after a sign-in
  // from the search) is a decision of its own, however soon it comes.
  const settled = useRef(new Map<string, number>());
  const announce = useAnnounce();
  const [location] = useLocation();
  const sessionId = initial.session.id;

  const adopt = useCallback(
    (next: Roster, done: string) => {
      const offers = offersText(shown.current, next);
      setRoster(next);
      setVersion((count) => count + 1);
      setProblem(null);
      announce(offers ? `${done} ${offers}` : done, location);
    },
    [announce, location],
  );

  const run = async (place: Place, action: () => Promise<Roster>, done: (roster: Roster) => string): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const next = await action();
      adopt(next, done(next));
      return true;
    } catch (error) {
      setProblem({ place, message: messageOf(error) });
      // The refusal may mean the screen is behind (signed in at the kiosk earlier): catch up quietly.
      call('signIn.roster', { sessionId }).then(
        (fresh) => {
          setRoster(fresh);
          setVersion((count) => count + 1);
        },
        () => undefined,
      );
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const change = async (place: Place, action: () => Promise<Roster>, person: Someone, done: string) => {
    const pressedAt = `${place} ${person.personId}`;
    const last = settled.current.get(pressedAt);
    if (last !== undefined && performance.now() - last < REPEAT_PRESS_MS) return false;
    const changed = await run(place, action, (next) => outcomeText(next, person, done));
    settled.current.set(pressedAt, performance.now());
    return changed;
  };

  const input = (person: Someone) => ({ sessionId, personId: person.personId });

  return {
    roster,
    sessionId,
    closedReason,
    version,
    problem,
    busy,
    adopt,
    run,
    signIn: (place, person) =>
      change(place, () => call('signIn.signIn', input(person)), person, `${person.name} signed in.`),
    undo: (place, person) =>
      change(place, () => call('signIn.undo', input(person)), person, `${person.name}'s sign-in was undone.`),
    book: (place, person) => change(place, () => call('signIn.book', input(person)), person, `${person.name} booked.`),
    cancelBooking: (place, person) =>
      change(place, () => call('signIn.cancelBooking', input(person)), person, `${person.name}'s booking was cancelled.`),
  };
}
