import type { BookingEvent, GroupBooking, Roster } from '../../../../shared/contract';
import { localDateTime, momentText, plural } from '../../components/format';

type Counts = Roster['counts'];

/**
 * The seats in one sentence: "18 of 20 booked, 2 offered, 5 waiting."
 * Offered and waiting only when there are some, so a quiet session reads short.
 */
export function seatsSummary(counts: Counts): string {
  const parts = [`${counts.booked} of ${counts.capacity} booked`];
  if (counts.offered > 0) parts.push(`${counts.offered} offered`);
  if (counts.waiting > 0) parts.push(`${counts.waiting} waiting`);
  return `${parts.join(', ')}.`;
}

/** "3 places held for Newcastle City Council, 1 named." */
export function groupSummary(group: GroupBooking): string {
  const held = `${plural(group.places, 'place')} held for ${group.organisationName}`;
  if (group.named.length === 0) return `${held}, none named yet.`;
  return group.named.length >= group.places ? `${held}, all named.` : `${held}, ${group.named.length} named.`;
}

/** "No places left." or "2 places left." */
export function placesLeftText(counts: Counts): string {
  return counts.seatsLeft === 0 ? 'No places left.' : `${plural(counts.seatsLeft, 'place')} left.`;
}

/** A moment the core stamped in UTC, in this laptop's time: "today at 09:42", or "3 November 2026 at 16:05". */
export function whenText(isoInstant: string, today: string): string {
  return momentText(isoInstant, today);
}

/** The laptop's wall-clock time to the minute, "2026-03-12T09:30", as session times are written. */
export function localMinuteNow(now = new Date()): string {
  return localDateTime(now);
}

const stateWords: Record<string, string> = {
  booked: 'booked',
  offered: 'offered a place',
  waitlisted: 'on the waiting list',
  signed_in: 'signed in',
  cancelled: 'cancelled',
  no_show: 'a no-show',
};

/** "Moved up the waitlist" from the core's "moved up the waitlist". */
export function eventText(event: BookingEvent): string {
  return event.event.charAt(0).toUpperCase() + event.event.slice(1);
}

/** "From on the waiting list to offered a place", or null when the state did not change. */
export function stateChangeText(event: BookingEvent): string | null {
  if (event.fromState === null || event.fromState === event.toState) return null;
  const from = stateWords[event.fromState] ?? event.fromState;
  const to = stateWords[event.toState] ?? event.toState;
  return `Was ${from}, now ${to}.`;
}

export { offersOf, queueOf } from '../../../../shared/waiting-list';

/** What release-no-shows did, in one polite sentence or two. */
export function releasedText(noShows: number, seated: string[]): string {
  const released = noShows === 0 ? 'Everyone booked has signed in, so there were no no-shows.' : `${plural(noShows, 'no-show')} released.`;
  const given =
    seated.length > 0 ? `Places given to: ${seated.join(', ')}.` : 'Nobody waiting is in the room, so no places were given.';
  return `${released} ${given}`;
}
