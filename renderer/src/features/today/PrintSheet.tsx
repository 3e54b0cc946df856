import type { Roster, RosterEntry } from '../../../../shared/contract';
import { longDateWithWeekday } from '../../components/format';
import { dayOf, timeRange } from '../sessions/days';
import { timeOfMoment } from '../../components/format';

/** Lines left empty after the list for people who turn up without a booking. */
const BLANK_ROWS = 6;

const withPlace = (entry: RosterEntry) => entry.state === 'booked' || entry.state === 'offered' || entry.state === 'signed_in';

/** What the signature box already says: who signed in on the laptop, and when. */
function signedText(entry: RosterEntry): string {
  return entry.signIn ? `✓ Signed in at ${timeOfMoment(entry.signIn.signedAt)}` : '';
}

/**
 * The paper fallback (a power cut, a flat battery): everyone with a place in
 * the roster's family-name order, those signed in already marked, then the
 * waiting list in its order, then blank lines for walk-ins. Hidden on screen;
 * the print stylesheet shows only this. The session and venue are in the
 * table's head, which the browser repeats at the top of every page, and each
 * page is numbered ("Page 1 of 2") in its margin; lines are kept short enough
 * that a usual session fits on one A4 page.
 */
export function PrintSheet({ roster }: { roster: Roster }) {
  const { session } = roster;
  const people = roster.entries.filter(withPlace);
  const waiting = roster.entries
    .filter((entry) => entry.state === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const blanks = Array.from({ length: BLANK_ROWS }, (_, index) => index);
  return (
    <div className="print-sheet">
      <table className="print-table">
        <thead>
          <tr className="print-table__session">
            <th colSpan={3} scope="colgroup">
              <h2 className="print-sheet__title">Sign-in sheet: {session.courseTitle}</h2>
              <p className="print-sheet__meta">
                {longDateWithWeekday(dayOf(session.startsAt))}, {timeRange(session)} · {session.venueName}
                {session.facilitators.length > 0 && <> · Facilitators: {session.facilitators.join(', ')}</>}
              </p>
            </th>
          </tr>
          <tr>
            <th scope="col" className="print-table__name">
              Name
            </th>
            <th scope="col" className="print-table__organisation">
              Organisation
            </th>
            <th scope="col" className="print-table__signature">
              Signature
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((entry) => (
            <tr key={entry.personId} className={entry.signIn ? 'print-table__signed' : undefined}>
              <td>{entry.name}</td>
              <td>{entry.organisationName ?? ''}</td>
              <td>{signedText(entry)}</td>
            </tr>
          ))}
        </tbody>
        {waiting.length > 0 && (
          <tbody className="print-table__waiting">
            <tr>
              <th colSpan={3} scope="colgroup">
                Waiting list, in order: sign here only once the facilitator gives you a place
              </th>
            </tr>
            {waiting.map((entry) => (
              <tr key={entry.personId}>
                <td>
                  {entry.waitlistPosition}. {entry.name}
                </td>
                <td>{entry.organisationName ?? ''}</td>
                <td />
              </tr>
            ))}
          </tbody>
        )}
        <tbody>
          {blanks.map((index) => (
            <tr key={`blank-${index}`} className="print-table__blank">
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
