import type { Roster } from '../../../../shared/contract';
import { longDateWithWeekday } from '../../components/format';
import { dayOf, timeRange } from '../sessions/days';

/** Lines left empty at the end for people who turn up without a booking. */
const BLANK_ROWS = 6;

/**
 * The paper fallback: everyone with a place, in the roster's family-name
 * order, with room to sign. Hidden on screen; the print stylesheet shows only
 * this when the facilitator prints the roster (a power cut, a flat battery).
 */
export function PrintSheet({ roster }: { roster: Roster }) {
  const { session } = roster;
  const people = roster.entries.filter(
    (entry) => entry.state === 'booked' || entry.state === 'offered' || entry.state === 'signed_in',
  );
  const blanks = Array.from({ length: BLANK_ROWS }, (_, index) => index);
  return (
    <div className="print-sheet">
      <h2 className="print-sheet__title">Sign-in sheet: {session.courseTitle}</h2>
      <p className="print-sheet__meta">
        {longDateWithWeekday(dayOf(session.startsAt))}, {timeRange(session)}
        <br />
        {session.venueName}
        {session.facilitators.length > 0 && (
          <>
            <br />
            Facilitators: {session.facilitators.join(', ')}
          </>
        )}
      </p>
      <table className="print-table">
        <thead>
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
            <tr key={entry.personId}>
              <td>{entry.name}</td>
              <td>{entry.organisationName ?? ''}</td>
              <td />
            </tr>
          ))}
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
