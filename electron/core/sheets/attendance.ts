import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { changeCapacity } from '../bookings/actions';
import { countSeats } from '../bookings/seats';
import { recordPastAttendance, recordSignIn } from '../signin/sign-in';
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

/** People signed in now (their latest fact a sign-in, not an undo) at a session. */
async function signedIn(db: Kysely<Schema>, sessionId: string): Promise<Set<string>> {
  const facts = await db.selectFrom('sign_ins').select(['person_id', 'kind']).where('session_id', '=', sessionId).orderBy('hlc').execute();
  const latest = new Map<string, string>();
  for (const fact of facts) latest.set(fact.person_id, fact.kind);
  return new Set([...latest].filter(([, kind]) => kind === 'sign_in').map(([person]) => person));
}

/**
 * One session of the sheet: found by course, day and venue, or added as a
 * completed past session; then a sign-in for each person who came and has
 * none there yet, through the same booking and sign-in code as the day
 * itself. With no scope (the preview) it only counts.
 */
export async function applySession(ctx: CoreContext, db: Kysely<Schema>, scope: WriteScope | null, group: SessionGroup): Promise<SessionOutcome> {
  const existing = await db
    .selectFrom('sessions')
    .select(['id', 'capacity'])
    .where('course_id', '=', group.course.id)
    .where('venue_id', '=', group.venue.id)
    .where('starts_at', '>=', group.date)
    .where('starts_at', '<', `${group.date}T99`)
    .where('status', '!=', 'cancelled')
    .orderBy('starts_at')
    .executeTakeFirst();
  const already = existing ? await signedIn(db, existing.id) : new Set<string>();
  const coming = [...group.people].filter((person) => !already.has(person));
  const outcome = { course: group.course.title, date: group.date, venue: group.venue.name, isNew: !existing, signIns: coming.length, already: group.people.size - coming.length };
  if (!scope || coming.length === 0) return outcome;

  let session: { id: string; capacity: number };
  if (existing) {
    session = existing;
    const { taken } = await countSeats(scope, session);
    const needed = Math.min(MAX_CAPACITY, taken + coming.length);
    if (needed > session.capacity) {
      await changeCapacity(scope, session, needed, ctx.clock());
      session = { id: session.id, capacity: needed };
    }
  } else {
    session = { id: scope.newId(), capacity: Math.min(MAX_CAPACITY, Math.max(1, coming.length)) };
    await scope.insert('sessions', {
      id: session.id,
      course_id: group.course.id,
      contract_id: group.contractId ?? null,
      venue_id: group.venue.id,
      ...(({ startsAt, endsAt }) => ({ starts_at: startsAt, ends_at: endsAt }))(timesOf(group.date, group.course.duration)),
      capacity: session.capacity,
      facilitators: '[]',
      status: 'completed',
    });
  }
  if (existing) for (const person of coming) await recordSignIn(ctx, scope, session, person, 'facilitator');
  else await recordPastAttendance(scope, session.id, coming, ctx.clock());
  return outcome;
}
