import { useId, useState } from 'react';
import { Link } from 'wouter';
import { NO_CONTRACT, type SessionListItem as Session } from '../../../../shared/contract';
import { useKeepsCatalogue } from '../../app/device';
import { call } from '../../api/client';
import { orNotGiven, plural } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';
import { KeptByOffice, noneOnLaptop } from '../courses/KeptByOffice';
import { DownloadButtons } from '../exports/DownloadButtons';
import { dayOf, groupByDay, statusLabels, timeRange, type Day } from './days';
import { useMayCall } from '../staff/may-call';

/** Far enough back to include every past session. */
const LONG_AGO = '2000-01-01';

/**
 * Each row leads to the session's edit form at the office. A laptop may change
 * only a session's capacity, which its session page (places, bookings and the
 * waiting list) does, so there each row opens that page.
 */
function DaySessions({ day, headingLevel }: { day: Day<Session>; headingLevel: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  // A viewer, like a laptop, opens the session's page from the row: the edit form is for those who may change it.
  const mayEdit = useMayCall('sessions.update');
  const editable = useKeepsCatalogue() && mayEdit;
  return (
    <section className="day" aria-labelledby={`day-${day.day}`}>
      <Heading className="day__heading" id={`day-${day.day}`}>
        {day.label}
      </Heading>
      {day.sessions.length === 0 ? (
        <p className="empty">No sessions {day.label === 'Today' ? 'today' : 'on this day'}.</p>
      ) : (
        <RecordTable<Session>
          caption={`Sessions: ${day.label}`}
          captionHidden
          className="table--sessions"
          items={day.sessions}
          columns={[
            { header: 'Time', cell: timeRange },
            { header: 'Course', cell: (session) => session.courseTitle, rowHeader: true },
            { header: 'Venue', cell: (session) => session.venueName },
            { header: 'Contract', cell: (session) => session.contractName ?? NO_CONTRACT },
            {
              header: 'Booked',
              cell: (session) => {
                const booked = `${session.taken} of ${plural(session.capacity, 'place')}${session.waiting > 0 ? ` · ${session.waiting} waiting` : ''}`;
                // At the office a row's own link edits the session; its bookings and waiting list open from here.
                return editable ? (
                  <Link href={`/today/${session.id}`}>
                    {booked}
                    <span className="visually-hidden">: open the bookings for {session.courseTitle}, {day.label}</span>
                  </Link>
                ) : (
                  booked
                );
              },
            },
            { header: 'Facilitators', cell: (session) => orNotGiven(session.facilitators.join(', ')) },
            {
              header: 'Status',
              cell: (session) => <span className={`tag tag--${session.status}`}>{statusLabels[session.status]}</span>,
            },
          ]}
          editHref={(session) => (editable ? `/sessions/${session.id}` : `/today/${session.id}`)}
          actionLabel={editable ? 'Edit' : 'Open'}
          editName={(session) => `session: ${session.courseTitle}, ${day.label}, ${timeRange(session)}`}
        />
      )}
    </section>
  );
}

/** The schedule: today first, then each later day; past sessions on request, most recent day first. */
export function SessionList() {
  const [query, setQuery] = useRemembered(searchKey('/sessions'), '');
  const [showPast, setShowPast] = useRemembered('/sessions:show-past', false);
  const [today, setToday] = useState<string>();
  const pastId = useId();

  const result = useAsync(async () => {
    // Ask each time: the list may have been open since yesterday.
    const status = await call('device.status', {});
    const [upcoming, all] = await Promise.all([
      call('sessions.list', { from: status.today, query, limit: 1000 }),
      showPast ? call('sessions.list', { from: LONG_AGO, query, limit: 1000 }) : Promise.resolve([]),
    ]);
    setToday(status.today);
    const past = all.filter((session) => dayOf(session.startsAt) < status.today);
    return [...upcoming, ...past];
  }, [query, showPast]);

  const searching = query.trim() !== '';
  const editable = useKeepsCatalogue();
  const noneFromToday = `No sessions from today on. ${editable ? 'Add one with New session.' : 'They come in the package from the central office.'}`;

  return (
    <ListPage
      title="Sessions"
      newHref={editable ? '/sessions/new' : undefined}
      newLabel="New session"
      notice={
        !editable && (
          <KeptByOffice what="the schedule">
            <p>You can still change how many places one of your sessions has: open it and use Change capacity.</p>
          </KeptByOffice>
        )
      }
      searchLabel="Search sessions by course, venue or contract"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="sessions"
      empty={
        showPast ? (editable ? 'There are no sessions yet. Add one with New session.' : noneOnLaptop('sessions')) : noneFromToday
      }
      downloads={<DownloadButtons request={{ list: 'sessions', query, includePast: showPast }} what="the sessions list" />}
      filters={
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id={pastId}
            checked={showPast}
            onChange={(event) => setShowPast(event.target.checked)}
          />
          <label className="checkbox__label" htmlFor={pastId}>
            Show past sessions
          </label>
        </div>
      }
    >
      {(sessions) => {
        if (!today) return null;
        const upcoming = groupByDay(
          sessions.filter((session: Session) => dayOf(session.startsAt) >= today),
          today,
        );
        if (!searching && upcoming[0]?.day !== today) upcoming.unshift({ day: today, label: 'Today', sessions: [] });
        // The most recent past day first, each day's sessions in time order.
        const past = groupByDay(
          sessions.filter((session) => dayOf(session.startsAt) < today),
          today,
        ).reverse();
        return (
          <>
            {upcoming.map((day) => (
              <DaySessions key={day.day} day={day} headingLevel="h2" />
            ))}
            {showPast && (
              <section className="past" aria-labelledby="past-sessions">
                <h2 id="past-sessions">Past sessions</h2>
                {past.length === 0 ? (
                  <p className="empty">{searching ? 'No past sessions match your search.' : 'No past sessions.'}</p>
                ) : (
                  past.map((day) => <DaySessions key={day.day} day={day} headingLevel="h3" />)
                )}
              </section>
            )}
          </>
        );
      }}
    </ListPage>
  );
}
