import { Link } from 'wouter';
import { DownloadButtons } from '../exports/DownloadButtons';
import { Groups, useGroups } from '../waitlist/Groups';
import { ReleaseNoShows } from '../waitlist/ReleaseNoShows';
import { Seats } from '../waitlist/Seats';
import { OpenKiosk } from './OpenKiosk';
import type { RosterApi } from './useRoster';
import { useMayCall } from '../staff/may-call';
import { IfMayCall } from '../staff/IfMayCall';

/**
 * Everything about the session rather than the people at the door: the
 * kiosk, the paper sheet, the evaluation, downloads, capacity, releasing
 * no-shows and places held for organisations. It comes after the people and
 * the waiting list, under its own heading, so the facilitator's first Tabs
 * reach the search and the first person, not these.
 */
export function SessionAdmin({ api }: { api: RosterApi }) {
  const groups = useGroups(api);
  const { session } = api.roster;
  const canRelease = api.closedReason === null && session.status === 'scheduled';
  const mayRelease = useMayCall('bookings.releaseNoShows');
  return (
    <section className="session-admin" aria-labelledby="session-admin-heading">
      <h2 id="session-admin-heading">Managing this session</h2>
      <div className="roster-tools">
        {api.closedReason === null && (
          <IfMayCall name="kiosk.start">
            <OpenKiosk sessionId={session.id} />
          </IfMayCall>
        )}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print sign-in sheet
        </button>
        <Link href={`/sessions/${session.id}/evaluation`} className="button button--secondary">
          Evaluation and notes
        </Link>
      </div>
      <DownloadButtons request={{ list: 'roster', sessionId: session.id }} what="the roster" />
      <IfMayCall name="bookings.setCapacity">
        <Seats api={api} groups={groups.data ?? []} />
      </IfMayCall>
      {canRelease && mayRelease && (
        <section className="release-section" aria-labelledby="release-heading">
          <h3 id="release-heading">No-shows</h3>
          <ReleaseNoShows api={api} />
        </section>
      )}
      <IfMayCall name="bookings.bookGroup">
        <Groups api={api} groups={groups} />
      </IfMayCall>
    </section>
  );
}
