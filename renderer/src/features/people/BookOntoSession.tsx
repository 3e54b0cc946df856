import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { BookingResult, SessionListItem } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDateWithWeekday, plural } from '../../components/format';
import { useAsync } from '../../components/useAsync';
import { dayOf, timeOf } from '../sessions/days';
import { Field, Problem } from '../membership/parts';
import { problemText } from '../sync/words';
import type { ChosenPeople } from './useChosenPeople';

/** "First aid, Thursday 2 April 2026 at 10:00, Riverside Hall (2 of 20 places taken, 1 waiting)" */
function sessionChoice(session: SessionListItem): string {
  const waiting = session.waiting > 0 ? `, ${session.waiting} waiting` : '';
  return `${session.courseTitle}, ${longDateWithWeekday(dayOf(session.startsAt))} at ${timeOf(session.startsAt)}, ${session.venueName} (${session.taken} of ${plural(session.capacity, 'place')} taken${waiting})`;
}

function outcomeText(person: BookingResult['people'][number]): string {
  if (person.outcome === 'booked') return `${person.name}: booked`;
  if (person.outcome === 'waitlisted') return `${person.name}: on the waiting list${person.waitlistPosition ? `, number ${person.waitlistPosition}` : ''}`;
  return `${person.name}: already booked or waiting`;
}

/**
 * Books the people chosen on a list onto one session from today on, by the
 * normal rules (a place while there are places, then the waiting list), and
 * says what happened to each. A second press while booking does nothing.
 */
export function BookOntoSession({ chooser }: { chooser: ChosenPeople }) {
  const [sessionId, setSessionId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<BookingResult | null>(null);
  const [booking, setBooking] = useState(false);
  const busy = useRef(false);
  const [refresh, setRefresh] = useState(0);
  const sessions = useAsync(async () => {
    const { today } = await call('device.status', {});
    const upcoming = await call('sessions.list', { from: today, query: '', limit: 1000 });
    return upcoming.filter((session) => session.status === 'scheduled');
  }, [refresh]);
  const count = chooser.chosen.size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    setProblem(null);
    if (count === 0) return setProblem('Choose the people to book first: tick them in the list.');
    if (!sessionId) return setProblem('Choose the session to book them onto.');
    busy.current = true;
    setBooking(true);
    try {
      const result = await call('bookings.bookPeople', { sessionId, personIds: [...chooser.chosen.keys()] });
      setDone(result);
      chooser.clear();
      setRefresh((value) => value + 1);
    } catch (error) {
      setProblem(problemText(error, 'Nobody was booked.'));
    } finally {
      busy.current = false;
      setBooking(false);
    }
  };

  return (
    <section className="book-chosen" aria-labelledby="book-chosen-heading">
      <h2 id="book-chosen-heading">Book the chosen people onto a session</h2>
      <form className="record-form" noValidate onSubmit={submit} aria-labelledby="book-chosen-heading">
        <p>
          {count === 0
            ? 'Nobody chosen yet. Tick the people to book in the list above.'
            : `Chosen (${count}): ${[...chooser.chosen.values()].join(', ')}.`}
        </p>
        <Problem message={problem} />
        <Field label="Session" hint="Sessions from today on. A full session puts the people it has no place for on its waiting list.">
          {(id, describedBy) => (
            <select id={id} className="input" aria-describedby={describedBy} value={sessionId} onChange={(event) => setSessionId(event.target.value)}>
              <option value="">{sessions.status === 'loading' ? 'Loading sessions…' : 'Choose a session'}</option>
              {(sessions.data ?? []).map((session) => (
                <option key={session.id} value={session.id}>
                  {sessionChoice(session)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={booking || undefined}>
            {count === 1 ? 'Book 1 person' : `Book ${count} people`}
          </button>
          {count > 0 && (
            <button type="button" className="button button--secondary" onClick={chooser.clear}>
              Clear the chosen
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {done && (
          <div className="notice">
            <p>
              {done.courseTitle}, {longDateWithWeekday(dayOf(done.startsAt))} at {timeOf(done.startsAt)}:
            </p>
            <ul>
              {done.people.map((person) => (
                <li key={person.personId}>{outcomeText(person)}</li>
              ))}
            </ul>
            <p>
              <Link href={`/today/${done.sessionId}`}>Open this session’s bookings</Link>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
