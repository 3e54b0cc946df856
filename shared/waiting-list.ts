import type { Roster, RosterEntry } from './contract';

/** The waiting list as the session view shows it and a download writes it out. */

/** People on the waiting list, first in line first. */
export function queueOf(roster: Roster): RosterEntry[] {
  return roster.entries
    .filter((entry) => entry.state === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
}

/** People holding an offered place, in the order they joined. */
export function offersOf(roster: Roster): RosterEntry[] {
  return roster.entries.filter((entry) => entry.state === 'offered').sort((a, b) => a.bookedAt.localeCompare(b.bookedAt));
}
