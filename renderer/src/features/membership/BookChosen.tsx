import { useState, type FormEvent } from 'react';
import type { MemberRow } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { problemText } from '../sync/words';
import { Field, Problem } from './parts';

const outcomeWords = { booked: 'a place', waitlisted: 'on the waitlist', already: 'already booked or waiting' } as const;

/**
 * Books the members chosen on the due-soon list onto the next session of
 * their scheme's required course, by the normal capacity and waitlist rules;
 * a reason, if given, moves those who must wait to the front with it.
 */
export function BookChosen({ chosen, onBooked }: { chosen: MemberRow[]; onBooked(): void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (chosen.length === 0) return setProblem('Choose the members to book first.');
    const bySchemes = new Map<string, string[]>();
    for (const row of chosen) bySchemes.set(row.schemeId, [...(bySchemes.get(row.schemeId) ?? []), row.personId]);
    const lines: string[] = [];
    try {
      for (const [schemeId, personIds] of bySchemes) {
        const result = await call('members.book', { schemeId, personIds, priorityReason: reason });
        const who = result.people.map((person) => `${person.name} (${outcomeWords[person.outcome]}${person.waitlistPosition ? `, number ${person.waitlistPosition}` : ''})`);
        lines.push(`${result.courseTitle} on ${longDate(result.startsAt.slice(0, 10))} at ${result.startsAt.slice(11)}: ${who.join(', ')}.`);
      }
      onBooked();
    } catch (error) {
      setProblem(problemText(error, 'Nobody more was booked.'));
    }
    setDone(lines);
  };

  return (
    <form className="record-form" noValidate onSubmit={submit} aria-label="Book the chosen members">
      <Problem message={problem} />
      <Field label="Reason for priority on the waitlist" hint="Optional. If the session is full, those who must wait go to the front of its waitlist with this reason beside them.">
        {(id, describedBy) => <input id={id} className="input input--medium" aria-describedby={describedBy} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button">
          Book onto the next session of the required course ({chosen.length} chosen)
        </button>
      </div>
      <div aria-live="polite">
        {done.map((line) => (
          <p key={line}>Booked: {line}</p>
        ))}
      </div>
    </form>
  );
}
