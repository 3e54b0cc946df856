import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { Dialog, ProblemNotice } from '../today/Dialog';
import type { RosterApi } from '../today/useRoster';
import { timeOf } from '../sessions/days';
import { localMinuteNow, releasedText } from './words';

/** The laptop's time to the minute, read again every few seconds so the button opens at the start time. */
function useLocalMinute(): string {
  const [now, setNow] = useState(localMinuteNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(localMinuteNow()), 10_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * "Release no-shows", from the session's start time: booked people not signed
 * in become no-shows, and their places go to the people waiting in the room.
 * Before the start the button is off and the screen says when it can be used.
 * It asks first: a no-show cannot be undone from here.
 */
export function ReleaseNoShows({ api }: { api: RosterApi }) {
  const { session, entries } = api.roster;
  const now = useLocalMinute();
  const [confirming, setConfirming] = useState(false);
  const open = now >= session.startsAt;
  const missing = entries.filter((entry) => entry.state === 'booked');
  const waitingHere = entries.filter((entry) => (entry.state === 'waitlisted' || entry.state === 'offered') && entry.present);

  const release = () => {
    let said = '';
    void api
      .run(
        'release',
        async () => {
          const result = await call('bookings.releaseNoShows', { sessionId: api.sessionId });
          said = releasedText(result.noShows, result.seated);
          return result.roster;
        },
        () => said,
      )
      .then(() => setConfirming(false));
  };

  return (
    <div className="release">
      <p id="release-hint">
        {open
          ? 'Booked people who have not signed in become no-shows. Their places go to people waiting in the room, in waiting-list order, then to walk-ins in the order they arrived.'
          : `You can release no-shows from ${timeOf(session.startsAt)}, when the session starts. Then booked people who have not signed in become no-shows, and their places go to people waiting in the room.`}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={!open}
        aria-describedby="release-hint"
        onClick={() => setConfirming(true)}
      >
        Release no-shows
      </button>
      <ProblemNotice problem={api.problem} place="release" />
      {confirming && (
        <Dialog title="Release no-shows now?" onClose={() => setConfirming(false)}>
          <p>
            {missing.length === 0
              ? 'Everyone booked has signed in.'
              : `${plural(missing.length, 'booked person', 'booked people')} not signed in will be marked as no-shows: ${missing.map((entry) => entry.name).join(', ')}.`}
          </p>
          <p>
            {waitingHere.length === 0
              ? 'Nobody waiting is in the room yet, so the places stay free for people who arrive.'
              : `${plural(waitingHere.length, 'person', 'people')} waiting ${waitingHere.length === 1 ? 'is' : 'are'} in the room and can be given a place.`}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" aria-disabled={api.busy || undefined} onClick={release}>
              Yes, release no-shows
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              No, not yet
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
