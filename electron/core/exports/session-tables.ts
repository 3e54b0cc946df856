import type { Roster, RosterEntry } from '../../../shared/contract';
import { rosterStateLabels, signInMethodLabels } from '../../../shared/labels';
import { offersOf, queueOf } from '../../../shared/waiting-list';
import type { InputFor, ListSources } from './sources';
import { cell, tableOf, type Column, type ExportTable } from './table';

/** "Roster First aid 2026-03-20": which session a file is for, once it is among others in a folder. */
function fileStem(what: string, roster: Roster): string {
  return `${what} ${roster.session.courseTitle} ${roster.session.startsAt.slice(0, 10)}`;
}

/**
 * The session on every row, so each row stands on its own when rosters are
 * put together, and a sheet of past attendance reads as course, date, venue.
 */
function sessionColumns(roster: Roster): Column<RosterEntry>[] {
  const { session } = roster;
  return [
    { header: 'Course', cell: () => cell.text(session.courseTitle) },
    { header: 'Session starts', cell: () => cell.wallClock(session.startsAt) },
    { header: 'Venue', cell: () => cell.text(session.venueName) },
  ];
}

/**
 * Everyone on the session. The first columns are the printed sign-in sheet's
 * (Name, Organisation, Signature, the last left empty to sign on paper), so a
 * printed download serves as the sheet; then where each person stands.
 */
export async function rosterTable(sources: ListSources, { sessionId }: InputFor<'roster'>): Promise<ExportTable> {
  const roster = await sources['signIn.roster']({ sessionId });
  const columns: Column<RosterEntry>[] = [
    { header: 'Name', cell: (entry) => cell.text(entry.name) },
    { header: 'Organisation', cell: (entry) => cell.text(entry.organisationName) },
    { header: 'Signature', cell: () => cell.empty() },
    { header: 'Status', cell: (entry) => cell.text(rosterStateLabels[entry.state]) },
    { header: 'Signed in at', cell: (entry) => cell.instant(entry.signIn?.signedAt) },
    { header: 'How signed in', cell: (entry) => cell.text(entry.signIn ? signInMethodLabels[entry.signIn.method] : null) },
    { header: 'Booked at', cell: (entry) => cell.instant(entry.bookedAt) },
    { header: 'Walk-in', cell: (entry) => cell.yesNo(entry.walkIn) },
    { header: 'Group place', cell: (entry) => cell.yesNo(entry.groupBookingId !== null) },
    { header: 'Waiting list number', cell: (entry) => cell.number(entry.waitlistPosition) },
    ...sessionColumns(roster),
  ];
  return { ...tableOf('Roster', columns, roster.entries), fileStem: fileStem('Roster', roster) };
}

/** Places offered first (waiting to be confirmed), then the queue in its order, as the screen shows them. */
export async function waitlistTable(sources: ListSources, { sessionId }: InputFor<'waitlist'>): Promise<ExportTable> {
  const roster = await sources['signIn.roster']({ sessionId });
  const columns: Column<RosterEntry>[] = [
    { header: 'Number', cell: (entry) => cell.number(entry.waitlistPosition) },
    { header: 'Name', cell: (entry) => cell.text(entry.name) },
    { header: 'Organisation', cell: (entry) => cell.text(entry.organisationName) },
    { header: 'Status', cell: (entry) => cell.text(rosterStateLabels[entry.state]) },
    { header: 'Joined at', cell: (entry) => cell.instant(entry.bookedAt) },
    { header: 'In the room', cell: (entry) => cell.yesNo(entry.present) },
    { header: 'Walk-in', cell: (entry) => cell.yesNo(entry.walkIn) },
    { header: 'Moved up because', cell: (entry) => cell.text(entry.priorityReason) },
    ...sessionColumns(roster),
  ];
  return { ...tableOf('Waiting list', columns, [...offersOf(roster), ...queueOf(roster)]), fileStem: fileStem('Waiting list', roster) };
}
