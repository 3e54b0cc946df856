import { useEffect, useRef } from 'react';
import type { ProcedureOutput } from '../../../../shared/contract';
import { ProblemNotice } from './Dialog';
import type { RosterApi } from './useRoster';
import { nameWithOrganisation } from './words';

export type Lookalike = ProcedureOutput<'signIn.similarPeople'>[number];

/**
 * Shown before a walk-in is added when someone with the same name (accents
 * and capitals aside) and the same organisation or email is already known:
 * one click signs that person in instead, so the office has no duplicate to
 * merge later. "Add as a new person anyway" submits the walk-in form.
 */
export function SimilarPeople({
  api,
  people,
  onSignedIn,
}: {
  api: RosterApi;
  people: Lookalike[];
  onSignedIn(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);

  // The panel replaces the form's Save button: take the facilitator straight to the question.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="similar" role="group" aria-labelledby="similar-heading">
      <h3 className="similar__title" id="similar-heading" ref={heading} tabIndex={-1}>
        This looks like someone already known
      </h3>
      <ProblemNotice problem={api.problem} place="walk-in" />
      <ul className="similar__people">
        {people.map((person) => (
          <li key={person.personId} className="similar__person">
            <p className="similar__name">{nameWithOrganisation(person)}</p>
            <button
              type="button"
              className="button"
              aria-disabled={api.busy || undefined}
              onClick={() => {
                void api.signIn('walk-in', person).then((done) => {
                  if (done) onSignedIn();
                });
              }}
            >
              Sign in {person.name} instead
            </button>
          </li>
        ))}
      </ul>
      <p>If this is a different person who happens to share the name, add them as a new person.</p>
    </div>
  );
}
