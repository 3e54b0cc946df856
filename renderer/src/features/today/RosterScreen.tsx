import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Roster } from '../../../../shared/contract';
import { useDevice } from '../../app/device';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { dayLabel, dayOf, timeRange } from '../sessions/days';
import '../../styles/today.css';
import '../../styles/waitlist.css';
import { WaitingList } from '../waitlist/WaitingList';
import { FindPerson, type WalkInStart } from './FindPerson';
import { PrintSheet } from './PrintSheet';
import { RosterTable } from './RosterTable';
import { SessionAdmin } from './SessionAdmin';
import { useRoster } from './useRoster';
import { WalkInForm } from './WalkInForm';
import { countsParts, signInClosedReason } from './words';
import { IfMayCall } from '../staff/IfMayCall';

/**
 * The counts in their own polite status region, read whole: a screen reader
 * hears "4 booked · 2 signed in · …" again after each action.
 */
function Counts({ counts }: { counts: Roster['counts'] }) {
  return (
    <p className="roster-counts" role="status" aria-live="polite" aria-atomic="true" aria-label="Counts for this session">
      {countsParts(counts).map((part, index) => (
        <span key={part} className="roster-counts__part">
          {index > 0 && <span aria-hidden="true"> · </span>}
          {part}
        </span>
      ))}
    </p>
  );
}

function RosterView({ initial, today }: { initial: Roster; today: string }) {
  const api = useRoster(initial, signInClosedReason(initial.session, today));
  const { session } = api.roster;
  const [query, setQuery] = useState('');
  const [walkIn, setWalkIn] = useState<WalkInStart | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const addWalkIn = useRef<HTMLButtonElement>(null);
  const [cancelledWalkIns, setCancelledWalkIns] = useState(0);

  // "Add a walk-in" comes back once the form has gone; focus returns to it, where the person left off.
  useEffect(() => {
    if (cancelledWalkIns > 0) addWalkIn.current?.focus();
  }, [cancelledWalkIns]);

  // After a walk-in is signed in (or the look-alike instead), the desk is ready for the next person.
  const walkInDone = () => {
    setWalkIn(null);
    setQuery('');
    search.current?.focus();
  };
  const walkInCancelled = () => {
    setWalkIn(null);
    setCancelledWalkIns((count) => count + 1);
  };

  return (
    <>
      <div className="screen-only session-page">
        <p className="lead">
          {dayLabel(dayOf(session.startsAt), today)}, {timeRange(session)} · {session.venueName}
        </p>
        <Counts counts={api.roster.counts} />
        {api.closedReason && (
          <div className="notice">
            <p>{api.closedReason}</p>
          </div>
        )}
        {/* Finding people and adding walk-ins sign them in: for those who may (a viewer reads the roster). */}
        <IfMayCall name="signIn.signIn">
          <FindPerson
            api={api}
            query={query}
            onQuery={setQuery}
            inputRef={search}
            addWalkInRef={addWalkIn}
            walkInOpen={walkIn !== null}
            onAddWalkIn={setWalkIn}
          />
          {walkIn && <WalkInForm api={api} start={walkIn} onDone={walkInDone} onCancel={walkInCancelled} />}
        </IfMayCall>
        <RosterTable api={api} today={today} />
        <WaitingList api={api} today={today} />
        <SessionAdmin api={api} />
      </div>
      <PrintSheet roster={api.roster} />
    </>
  );
}

/**
 * One session's view in the order the day needs it: find people, sign them
 * in, add walk-ins; everyone booked; the waiting list; then managing the
 * session (kiosk, sheet, capacity, no-shows, group places); the paper sheet.
 */
export function RosterScreen({ sessionId }: { sessionId: string }) {
  const office = useDevice().role === 'office';
  const state = useAsync(async () => {
    const [roster, status] = await Promise.all([call('signIn.roster', { sessionId }), call('device.status', {})]);
    return { roster, today: status.today };
  }, [sessionId]);

  return (
    <>
      <p className="back-link screen-only">
        {/* The office opens a session's bookings from Sessions, and goes back there. */}
        {office ? <Link href="/sessions">Back to sessions</Link> : <Link href="/today">Back to today</Link>}
      </p>
      <Page title={state.status === 'ready' ? state.data.roster.session.courseTitle : 'Session'}>
        {state.status === 'loading' && <Loading what="the session" />}
        {state.status === 'failed' && (
          <LoadFailed
            message={state.notFound ? 'This session could not be found. It may have been removed.' : state.message}
          />
        )}
        {state.status === 'ready' && <RosterView initial={state.data.roster} today={state.data.today} />}
      </Page>
    </>
  );
}
