import { Link } from 'wouter';
import type { CapacityFlag } from '../../../../shared/contract';
import { dayAndTime as startText } from '../../components/format';
import { momentText } from './words';

/**
 * Sessions with more places taken than they have, which only showed once
 * two laptops' bookings were merged. Nobody was moved: the office decides.
 */
export function CapacityFlags({ flags }: { flags: CapacityFlag[] }) {
  return (
    <section className="sync-section" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">Sessions over capacity</h2>
      {flags.length === 0 ? (
        <p className="empty">No session has more people than places.</p>
      ) : (
        <>
          <p>After merging, these sessions have more people holding a place than there are places. Nobody was moved or removed.</p>
          <ul className="cards" aria-label="Sessions over capacity">
            {flags.map((flag) => (
              <li key={flag.sessionId} className="card card--warning">
                <h3 className="card__title">{flag.title}</h3>
                <p className="card__meta">{startText(flag.startsAt)}</p>
                <p>
                  {flag.held} places taken, {flag.capacity} available: {flag.held - flag.capacity} over. Found{' '}
                  {momentText(flag.flaggedAt)}.
                </p>
                <p>
                  <Link href={`/today/${flag.sessionId}`}>
                    Open the roster and waiting list<span className="visually-hidden"> for {flag.title}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
