import { useId, useRef, useState, type RefObject } from 'react';
import type { PersonMatch, RosterEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { useAsync } from '../../components/useAsync';
import { ProblemNotice } from './Dialog';
import type { RosterApi } from './useRoster';

/** What the walk-in form starts with: the name typed in the search, when it found nobody. */
export interface WalkInStart {
  givenName: string;
  familyName: string;
}

/** "jo van der berg" -> given "Jo", family "van der berg": a starting point the facilitator corrects. */
function nameFrom(query: string): WalkInStart {
  const [given = '', ...family] = query.trim().split(/\s+/);
  return { givenName: given ? given.charAt(0).toLocaleUpperCase() + given.slice(1) : '', familyName: family.join(' ') };
}

function MatchAction({ api, match, after }: { api: RosterApi; match: PersonMatch; after(): void }) {
  if (match.signedInHere) return null;
  const who = <span className="visually-hidden"> {match.name}</span>;
  const run = (action: typeof api.signIn) => () => {
    void action('search', match).then((done) => {
      if (done) after();
    });
  };
  if (api.closedReason !== null) {
    // Another day: people can be booked ahead, not signed in.
    return match.bookedHere ? null : (
      <button type="button" className="button button--secondary" aria-disabled={api.busy || undefined} onClick={run(api.book)}>
        Book{who}
      </button>
    );
  }
  // One call either way: the core books them first when there is a place, or puts them on the waiting list.
  const label = match.bookedHere ? 'Sign in' : api.roster.counts.seatsLeft > 0 ? 'Book and sign in' : 'Add to waiting list';
  return (
    <button type="button" className="button" aria-disabled={api.busy || undefined} onClick={run(api.signIn)}>
      {label}
      {who}
    </button>
  );
}

/** "✓ Amira Khan is signed in.", as the roster now has them. */
function heldText(entry: RosterEntry): string {
  if (entry.state === 'signed_in') return `✓ ${entry.name} is signed in.`;
  if (entry.state === 'waitlisted') return `${entry.name} is on the waiting list${entry.waitlistPosition ? `, number ${entry.waitlistPosition}` : ''}.`;
  return `✓ ${entry.name} is booked.`;
}

/**
 * "Find a person": names starting with what is typed, accents and capitals
 * set aside, people booked here first. After a sign-in the box is cleared and
 * keeps focus, ready for the next person in the queue.
 */
export function FindPerson({
  api,
  query,
  onQuery,
  inputRef,
  addWalkInRef,
  walkInOpen,
  onAddWalkIn,
}: {
  api: RosterApi;
  query: string;
  onQuery(query: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  addWalkInRef: RefObject<HTMLButtonElement | null>;
  walkInOpen: boolean;
  onAddWalkIn(start: WalkInStart): void;
}) {
  const id = useId();
  const typed = query.trim();
  const found = useAsync(
    () => (typed ? call('signIn.find', { sessionId: api.sessionId, query: typed, limit: 20 }) : Promise.resolve([])),
    [typed, api.sessionId, api.version],
  );
  const matches = typed ? (found.data ?? []) : [];
  const settled = found.status !== 'loading';
  const canWalkIn = api.closedReason === null && !walkInOpen;

  // What was just done from the results, shown where they were, in the space they took, until the next
  // name is typed: the rows below stay where they are, so a second click of a double click meets this
  // note, not someone else's button that would otherwise have moved up under the pointer.
  const results = useRef<HTMLDivElement>(null);
  const [held, setHeld] = useState<{ height: number; matchId: string } | null>(null);
  const next = (matchId: string) => () => {
    setHeld({ height: results.current?.getBoundingClientRect().height ?? 0, matchId });
    onQuery('');
    inputRef.current?.focus();
  };
  const heldEntry = held && !typed ? api.roster.entries.find((entry) => entry.personId === held.matchId) : undefined;

  return (
    <div className="find">
      {/* "Add a walk-in" sits beside the box, so the results appearing below it never move it. */}
      <div className="find__row">
        <div className="field field--search" role="search">
          <label className="field__label field__label--large" htmlFor={id}>
            Find a person
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            Type the start of their given name or family name.
          </p>
          <input
            ref={inputRef}
            id={id}
            className="input input--medium input--large"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            value={query}
            onChange={(event) => {
              setHeld(null);
              onQuery(event.target.value);
            }}
          />
        </div>
        {canWalkIn && (
          <div className="find__walk-in">
            <button
              ref={addWalkInRef}
              type="button"
              className="button button--secondary"
              onClick={() => onAddWalkIn(typed && matches.length === 0 ? nameFrom(typed) : { givenName: '', familyName: '' })}
            >
              Add a walk-in
            </button>
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {typed && settled && found.status === 'ready' ? `${plural(matches.length, 'person', 'people')} found.` : ''}
      </p>
      <ProblemNotice problem={api.problem} place="search" />
      {found.status === 'failed' && typed && (
        <div className="notice notice--error" role="alert">
          <p>{found.message}</p>
        </div>
      )}
      <div
        className="find__results"
        ref={results}
        style={heldEntry ? { minHeight: held?.height } : undefined}
        // The second click of a double click lands here: it must not take focus from the search box.
        onMouseDown={heldEntry ? (event) => event.preventDefault() : undefined}
      >
        {heldEntry && <p className="find__done">{heldText(heldEntry)}</p>}
        {!walkInOpen && matches.length > 0 && (
          <ul className="matches" aria-label="People found">
            {matches.map((match) => (
              <li key={match.personId} className="match">
                <div className="match__who">
                  <span className="match__name">{match.name}</span>
                  <span className="match__organisation">{match.organisationName ?? 'No organisation'}</span>
                </div>
                <div className="match__badges">
                  {match.signedInHere ? (
                    <span className="badge badge--signed_in">Signed in</span>
                  ) : (
                    match.bookedHere && <span className="badge badge--booked">Booked</span>
                  )}
                </div>
                <div className="match__action">
                  <MatchAction api={api} match={match} after={next(match.personId)} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {!walkInOpen && typed && settled && found.status === 'ready' && matches.length === 0 && (
          <p className="find__none">Nobody called “{typed}” is known on this laptop.</p>
        )}
      </div>
    </div>
  );
}
