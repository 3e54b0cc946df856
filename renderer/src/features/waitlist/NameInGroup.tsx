import { useEffect, useId, useRef, useState } from 'react';
import type { GroupBooking } from '../../../../shared/contract';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { useAsync } from '../../components/useAsync';
import { ProblemNotice } from '../today/Dialog';
import type { RosterApi } from '../today/useRoster';

/**
 * "Name a person in a group place": find someone by the start of their name
 * (the same search as signing in) and put them in one of the group's places.
 * People who already have a place on the session cannot take a second one.
 */
export function NameInGroup({ api, group, onDone, onCancel }: { api: RosterApi; group: GroupBooking; onDone(): void; onCancel(): void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const typed = query.trim();
  const found = useAsync(
    () => (typed ? call('signIn.find', { sessionId: api.sessionId, query: typed, limit: 10 }) : Promise.resolve([])),
    [typed, api.sessionId, api.version],
  );
  const matches = typed ? (found.data ?? []) : [];

  // Opening the search starts the typing there.
  useEffect(() => input.current?.focus(), []);

  const name = (person: { personId: string; name: string }) => {
    void api
      .run(
        'groups',
        () => call('bookings.fillGroupPlace', { groupBookingId: group.id, personId: person.personId }),
        () => `${person.name} is named in a place held for ${group.organisationName}.`,
      )
      .then((done) => {
        if (done) onDone();
      });
  };

  return (
    <div className="name-in-group" role="group" aria-labelledby={`${id}-title`}>
      <h4 className="name-in-group__title" id={`${id}-title`}>
        Name a person in a place held for {group.organisationName}
      </h4>
      <div className="field field--search" role="search">
        <label className="field__label" htmlFor={id}>
          Find the person
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          Type the start of their given name or family name. To add someone new, add them under People first.
        </p>
        <input
          ref={input}
          id={id}
          className="input input--medium"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {typed && found.status === 'ready' ? `${plural(matches.length, 'person', 'people')} found.` : ''}
      </p>
      {found.status === 'failed' && typed && (
        <div className="notice notice--error" role="alert">
          <p>{found.message}</p>
        </div>
      )}
      <ProblemNotice problem={api.problem} place="groups" />
      {matches.length > 0 && (
        <ul className="matches" aria-label={`People found for ${group.organisationName}`}>
          {matches.map((match) => (
            <li key={match.personId} className="match">
              <div className="match__who">
                <span className="match__name">{match.name}</span>
                <span className="match__organisation">{match.organisationName ?? 'No organisation'}</span>
              </div>
              <div className="match__badges">
                {match.bookedHere && <span className="badge badge--booked">Already has a place</span>}
              </div>
              <div className="match__action">
                {!match.bookedHere && (
                  <button type="button" className="button" aria-disabled={api.busy || undefined} onClick={() => name(match)}>
                    Name in this place<span className="visually-hidden"> — {match.name}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {typed && found.status === 'ready' && matches.length === 0 && <p className="find__none">Nobody called “{typed}” is known on this laptop.</p>}
      <p>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Close the search
        </button>
      </p>
    </div>
  );
}
