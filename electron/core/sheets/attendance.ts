import { changeCapacity } from '../bookings/actions';
import { countSeats } from '../bookings/seats';
import { recordSignIn, type PastAttendance } from '../signin/sign-in';
import type { FoundSession } from './sessions-found';
import type { CoreContext } from '../deps';
import type { WriteScope } from '../write';

/** The most people a session holds (the contract's capacity limit). */
const MAX_CAPACITY = 1000;

export interface SessionGroup {
  course: { title: string; id: string; duration: number };
  venue: { name: string; id: string };
  date: string;
  /** The contract the sheet names for the session; a session the sheet creates is delivered under it. Null or left out: none. */
  contractId?: string | null;
  /** People who came, once each however many times their line was typed. */
  people: Set<string>;
}

export interface SessionOutcome {
  course: string;
  date: string;
  venue: string;
  isNew: boolean;
  signIns: number;
  already: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A session from a sheet starts at 9 in the morning (the sheets say only the day) and lasts the course's length. */
function timesOf(date: string, minutes: number): { startsAt: string; endsAt: string } {
  const end = new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000);
  const endsAt = `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}T${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}`;
  return { startsAt: `${date}T09:00`, endsAt };
}

/**
 * One session of the sheet: the one already there for its course, day and
 * venue (`existing`, from SessionsFound, with who is signed in at it), or
 * a completed past session added now; then a sign-in for each person who
 * came and has none there yet, through the same booking and sign-in code
 * as the day itself. A session added now is inserted at once, its
 * attendance handed to `pending` for recordPastAttendance, which writes
 * many sessions' bookings and sign-ins together. With no scope (the
 * preview) it only counts.
 */
export async function applySession(
  ctx: CoreContext,
  scope: WriteScope | null,
  group: SessionGroup,
  existing: FoundSession | null,
  already: ReadonlySet<string>,
  pending: PastAttendance[],
): Promise<SessionOutcome> {
  const coming = [...group.people].filter((person) => !already.has(person));
  const outcome = { course: group.course.title, date: group.date, venue: group.venue.name, isNew: !existing, signIns: coming.length, already: group.people.size - coming.length };
  if (!scope || coming.length === 0) return outcome;

  if (existing) {
    let session = { id: existing.id, capacity: existing.capacity };
    const { taken } = await countSeats(scope, session);
    const needed = Math.min(MAX_CAPACITY, taken + coming.length);
    if (needed > session.capacity) {
      await changeCapacity(scope, session, needed, ctx.clock());
      session = { id: session.id, capacity: needed };
    }
    for (const person of coming) await recordSignIn(ctx, scope, session, person, 'facilitator');
    return outcome;
  }
  const id = scope.newId();
  await scope.insert('sessions', {
    id,
    course_id: group.course.id,
    contract_id: group.contractId ?? null,
    venue_id: group.venue.id,
    ...(({ startsAt, endsAt }) => ({ starts_at: startsAt, ends_at: endsAt }))(timesOf(group.date, group.course.duration)),
    capacity: Math.min(MAX_CAPACITY, Math.max(1, coming.length)),
    facilitators: '[]',
    status: 'completed',
  });
  pending.push({ sessionId: id, personIds: coming });
  return outcome;
}
