import { Link } from 'wouter';
import type { ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDateWithWeekday } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { statusLabels, timeRange } from '../sessions/days';
import '../../styles/today.css';
import { countsText } from './words';

type Today = ProcedureOutput<'signIn.today'>[number];

/**
 * One of today's sessions; the whole card opens its sign-in list, a large
 * target on a shared laptop. The time is part of the heading and link, so two
 * runs of a course on one day are told apart in a list of headings or links.
 */
function SessionCard({ item }: { item: Today }) {
  const { session, counts } = item;
  return (
    <li className="today-card">
      <h2 className="today-card__heading">
        <Link href={`/today/${session.id}`} className="today-card__link">
          <span className="today-card__time">{timeRange(session)}</span>{' '}
          <span className="today-card__title">{session.courseTitle}</span>
        </Link>
      </h2>
      <p className="today-card__venue">{session.venueName}</p>
      {session.status === 'scheduled' ? (
        <p className="today-card__counts">{countsText(counts)}</p>
      ) : (
        <p>
          <span className={`tag tag--${session.status}`}>{statusLabels[session.status]}</span>
        </p>
      )}
    </li>
  );
}

/** The facilitator's first screen: the sessions this laptop runs today. */
export function TodayScreen() {
  const state = useAsync(async () => {
    // Ask the core for the day: the window may have been open since yesterday.
    const [status, sessions] = await Promise.all([call('device.status', {}), call('signIn.today', {})]);
    return { today: status.today, sessions };
  }, []);

  return (
    <Page title="Today">
      {state.status === 'loading' && <Loading what="today's sessions" />}
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      {state.status === 'ready' && (
        <>
          <p className="lead">{longDateWithWeekday(state.data.today)}</p>
          {state.data.sessions.length === 0 ? (
            <div className="today-empty">
              <p>There are no sessions on this laptop for today.</p>
              <p>
                <Link href="/sessions">See all sessions</Link>
              </p>
            </div>
          ) : (
            <>
              <p>Choose a session to sign people in.</p>
              <ul className="today-cards">
                {state.data.sessions.map((item) => (
                  <SessionCard key={item.session.id} item={item} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Page>
  );
}
