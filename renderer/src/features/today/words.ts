import type { Roster, RosterEntry, Session } from '../../../../shared/contract';
import { longDateWithWeekday, plural, timeOfMoment } from '../../components/format';
import { dayOf } from '../sessions/days';
import { rosterStateLabels as stateLabels } from '../../../../shared/labels';

export type RosterCounts = Roster['counts'];

/** "No places left", "1 place left", "8 places left". */
function placesLeft(count: number): string {
  return count === 0 ? 'No places left' : `${plural(count, 'place')} left`;
}

/**
 * The counts as one line, the same on the Today cards and the roster:
 * "12 booked · 5 signed in · 8 places left", with offers, the waiting list,
 * cancelled and no-shows only when there are some, so the usual line stays short.
 */
export function countsParts(counts: RosterCounts): string[] {
  const parts = [`${counts.booked} booked`, `${counts.signedIn} signed in`, placesLeft(counts.seatsLeft)];
  if (counts.offered > 0) parts.push(`${plural(counts.offered, 'place')} offered`);
  if (counts.waiting > 0) parts.push(`${counts.waiting} on the waiting list`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} cancelled`);
  if (counts.noShow > 0) parts.push(plural(counts.noShow, 'no-show'));
  return parts;
}

export function countsText(counts: RosterCounts): string {
  return countsParts(counts).join(' · ');
}

/** The badge text for where a person stands: "Booked", "Signed in at 09:42", "Waiting list, number 2", "No-show". */
export function stateLabel(entry: RosterEntry): string {
  if (entry.state === 'signed_in') return entry.signIn ? `Signed in at ${timeOfMoment(entry.signIn.signedAt)}` : 'Signed in';
  if (entry.state === 'waitlisted' && entry.waitlistPosition !== null) return `Waiting list, number ${entry.waitlistPosition}`;
  return stateLabels[entry.state];
}

/**
 * What happened to someone the facilitator just signed in or booked, read
 * from the roster the core returned: when the session is full they join the
 * waiting list instead, and the facilitator must hear that, not "signed in".
 */
export function outcomeText(roster: Roster, person: { personId: string; name: string }, done: string): string {
  const entry = roster.entries.find((candidate) => candidate.personId === person.personId);
  if (entry?.state !== 'waitlisted') return done;
  const where = entry.waitlistPosition !== null ? `, number ${entry.waitlistPosition}` : '';
  return `The session is full, so ${person.name} is on the waiting list${where}.`;
}

/**
 * When a change freed a place, the core offers it to the next person waiting:
 * "The free place is offered to Eve Test." Empty when nobody was offered one.
 */
export function offersText(before: Roster, after: Roster): string {
  const offeredBefore = new Set(before.entries.filter((entry) => entry.state === 'offered').map((entry) => entry.personId));
  const names = after.entries
    .filter((entry) => entry.state === 'offered' && !offeredBefore.has(entry.personId))
    .map((entry) => entry.name);
  if (names.length === 0) return '';
  return names.length === 1
    ? `The free place is offered to ${names[0]}.`
    : `The free places are offered to ${names.join(', ')}.`;
}

/** How someone signed in, when it was not the facilitator's button; or that a waiting person is here. */
export function methodNote(entry: RosterEntry): string | null {
  if (entry.state === 'waitlisted') return entry.present ? 'Here, waiting for a place' : null;
  if (entry.signIn?.method === 'kiosk') return 'At the kiosk';
  if (entry.signIn?.method === 'walk_in') return 'Walk-in';
  return null;
}

/**
 * Why nobody can sign in to this session from this screen, in plain words, or
 * null when they can. The core refuses the same cases; saying so up front
 * spares the facilitator buttons that can only fail.
 */
export function signInClosedReason(session: Session, today: string): string | null {
  if (session.status === 'cancelled') return 'This session has been cancelled, so nobody can sign in to it.';
  const day = dayOf(session.startsAt);
  if (day > today) {
    return `This session is on ${longDateWithWeekday(day)}, not today, so nobody can sign in to it yet. You can still see and change who is booked.`;
  }
  if (day < today) return `This session was on ${longDateWithWeekday(day)}. Nobody can sign in to it now.`;
  return null;
}

/** "Amira Khan" or "Amira Khan, Newcastle City Council", for buttons read out of context. */
export function nameWithOrganisation(person: { name: string; organisationName: string | null }): string {
  return person.organisationName ? `${person.name} — ${person.organisationName}` : person.name;
}
