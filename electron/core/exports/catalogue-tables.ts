import { NO_CONTRACT, sectorLabels, yearStartInWords } from '../../../shared/contract';
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

/** The funding contracts; a contract year's first day reads as the screen says it, "1 August". */
export async function contractsTable(sources: ListSources, { query }: InputFor<'contracts'>): Promise<ExportTable> {
  const contracts = await sources['contracts.list']({ query, limit: EVERY_ROW });
  return tableOf(
    'Contracts',
    [
      { header: 'Contract', cell: (contract) => cell.text(contract.name) },
      { header: 'Funder', cell: (contract) => cell.text(contract.funder) },
      { header: 'Year starts', cell: (contract) => cell.text(yearStartInWords(contract.yearStarts)) },
      { header: 'Ends', cell: (contract) => cell.day(contract.endsOn) },
    ],
    contracts,
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
      { header: 'Contract', cell: (session) => cell.text(session.contractName ?? NO_CONTRACT) },
    ],
    sessions,
  );
}
