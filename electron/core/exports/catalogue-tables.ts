import { sectorLabels } from '../../../shared/contract';
import { sessionStatusLabels } from '../../../shared/labels';
import type { InputFor, ListSources } from './sources';
import { EVERY_ROW } from './sources';
import { cell, tableOf, type ExportTable } from './table';

/** Before any session Fieldbook could hold: "include past sessions" means all of them. */
const THE_BEGINNING = '0000-01-01';

export async function peopleTable(sources: ListSources, { query }: InputFor<'people'>): Promise<ExportTable> {
  const people = await sources['people.list']({ query, limit: EVERY_ROW });
  return tableOf(
    'People',
    [
      { header: 'Given name', cell: (person) => cell.text(person.givenName) },
      { header: 'Family name', cell: (person) => cell.text(person.familyName) },
      { header: 'Preferred name', cell: (person) => cell.text(person.preferredName) },
      { header: 'Organisation', cell: (person) => cell.text(person.organisationName) },
      { header: 'Email', cell: (person) => cell.text(person.email) },
      { header: 'Phone', cell: (person) => cell.text(person.phone) },
      { header: 'Member since', cell: (person) => cell.day(person.membershipJoinedOn) },
    ],
    people,
  );
}

export async function organisationsTable(sources: ListSources, { query }: InputFor<'organisations'>): Promise<ExportTable> {
  const organisations = await sources['organisations.list']({ query, limit: EVERY_ROW });
  return tableOf(
    'Organisations',
    [
      { header: 'Organisation', cell: (organisation) => cell.text(organisation.name) },
      { header: 'Sector', cell: (organisation) => cell.text(sectorLabels[organisation.sector]) },
    ],
    organisations,
  );
}

/** From today on, as the list opens; with past sessions too when the screen shows them. */
export async function sessionsTable(sources: ListSources, { query, includePast }: InputFor<'sessions'>): Promise<ExportTable> {
  const sessions = await sources['sessions.list']({ query, limit: EVERY_ROW, ...(includePast ? { from: THE_BEGINNING } : {}) });
  return tableOf(
    'Sessions',
    [
      { header: 'Course', cell: (session) => cell.text(session.courseTitle) },
      { header: 'Starts', cell: (session) => cell.wallClock(session.startsAt) },
      { header: 'Ends', cell: (session) => cell.wallClock(session.endsAt) },
      { header: 'Venue', cell: (session) => cell.text(session.venueName) },
      { header: 'Places', cell: (session) => cell.number(session.capacity) },
      { header: 'Facilitators', cell: (session) => cell.text(session.facilitators.join(', ')) },
      { header: 'Status', cell: (session) => cell.text(sessionStatusLabels[session.status]) },
    ],
    sessions,
  );
}
