import { call } from '../../api/client';
import { LoadFailed, Loading } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { eventText, stateChangeText, whenText } from './words';

/** The id of the panel a row's "History" button opens, so the button can say what it controls. */
export function historyPanelId(place: string, personId: string): string {
  return `history-${place}-${personId}`;
}

/** "History": a disclosure button; the panel it opens is placed by the caller (under the row). */
export function HistoryButton({
  name,
  open,
  panelId,
  onToggle,
}: {
  name: string;
  open: boolean;
  panelId: string;
  onToggle(): void;
}) {
  return (
    <button
      type="button"
      className="button button--secondary button--disclosure"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      data-action="history"
      onClick={onToggle}
    >
      {open ? 'Hide history' : 'History'}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

/**
 * Every change to one person's booking on this session, oldest first: what
 * happened, when, on which computer, and why. Read again after each change
 * on the screen (`version`), so an open history stays current.
 */
export function HistoryPanel({
  id,
  sessionId,
  person,
  version,
  today,
}: {
  id: string;
  sessionId: string;
  person: { personId: string; name: string };
  version: number;
  today: string;
}) {
  const history = useAsync(() => call('bookings.history', { sessionId, personId: person.personId }), [sessionId, person.personId, version]);
  const events = history.data;
  return (
    <div className="history" id={id} role="region" aria-label={`Booking history: ${person.name}`}>
      {history.status === 'failed' && <LoadFailed message={history.message} />}
      {events === undefined && history.status === 'loading' && <Loading what="the history" />}
      {events !== undefined && events.length === 0 && <p className="empty">Nothing has been recorded for this booking yet.</p>}
      {events !== undefined && events.length > 0 && (
        <ol className="history__events">
          {events.map((event) => {
            const change = stateChangeText(event);
            return (
              <li key={event.id} className="history__event">
                <p className="history__what">{eventText(event)}</p>
                <p className="history__meta">
                  <time dateTime={event.at}>{whenText(event.at, today)}</time>, on {event.by}.
                  {change && <> {change}</>}
                </p>
                {event.reason && <p className="history__why">Reason: {event.reason}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
