import { Link } from 'wouter';
import type { ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDateWithWeekday } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { useDevice } from '../../app/device';
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

/**
 * No session today. A laptop gets its sessions only in the office's package,
 * so it says how to get them: pair first when it is not paired, then import
 * the package the office writes for it.
 */
function NothingToday({ paired }: { paired: boolean | null }) {
  const role = useDevice().role;
  if (role === 'office' || paired === null) {
    return (
      <div className="today-empty">
        <p>There are no sessions today.</p>
        <p>
          <Link href="/sessions">See all sessions</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="today-empty">
      <p>There are no sessions on this laptop for today.</p>
      <h2 className="today-empty__heading">How to get this laptop's sessions</h2>
      <p>The office sends each laptop its sessions, with their bookings and waiting lists, in a package file.</p>
      <ol className="today-empty__steps">
        {!paired && (
          <li>
            Pair this laptop with the office: <Link href="/devices">go to Devices</Link>.
          </li>
        )}
        <li>Ask the office to write this laptop's package and give you the file.</li>
        <li>
          Import the package: <Link href="/sync">go to Send to office</Link>, then Package from the office.
        </li>
      </ol>
      <p>
        If a session is still missing after that, ask the office to make you its facilitator. <Link href="/sessions">See all sessions on this laptop</Link>
      </p>
    </div>
  );
}

/** The facilitator's first screen: the sessions this laptop runs today. */
export function TodayScreen() {
  const role = useDevice().role;
  const state = useAsync(async () => {
    // Ask the core for the day: the window may have been open since yesterday.
    const [status, sessions] = await Promise.all([call('device.status', {}), call('signIn.today', {})]);
    // Whether a laptop is paired decides the first step of getting sessions; asked only when there are none.
    const paired = role === 'laptop' && sessions.length === 0 ? (await call('pairing.status', {}).catch(() => null))?.office != null : null;
    return { today: status.today, sessions, paired };
  }, [role]);

  return (
    <Page title="Today">
      {state.status === 'loading' && <Loading what="today's sessions" />}
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      {state.status === 'ready' && (
        <>
          <p className="lead">{longDateWithWeekday(state.data.today)}</p>
          {state.data.sessions.length === 0 ? (
            <NothingToday paired={state.data.paired} />
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
