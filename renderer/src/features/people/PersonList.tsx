import type { Person } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { Pagination } from '../../components/Pagination';
import { RecordTable } from '../../components/RecordTable';
import { usePagedList } from '../../components/usePagedList';
import { DownloadButtons } from '../exports/DownloadButtons';
import { BookOntoSession } from './BookOntoSession';
import { chooseColumn, useChosenPeople, type ChosenPeople } from './useChosenPeople';
import { useMayCall } from '../staff/may-call';

export function fullName(person: Person): string {
  return `${person.givenName} ${person.familyName}`;
}

const PAGE_SIZE = 50;

/**
 * Every person at the office, 50 at a time in name order, from the database.
 * People ticked on any page (or found by a search) can be booked together
 * onto a session to come.
 */
export function PersonList() {
  const list = usePagedList('/people', (query, place) => call('people.page', { query, pageSize: PAGE_SIZE, ...place }));
  const chooser = useChosenPeople();
  // A viewer on the office server is offered no ticking and booking: the core would refuse the booking.
  const mayBook = useMayCall('bookings.bookPeople');
  return (
    <ListPage
      title="People"
      newHref="/people/new"
      newLabel="New person"
      searchLabel="Search people by name"
      searchHint="Type the start of a given, family or preferred name."
      query={list.query}
      onQuery={list.setQuery}
      result={list.result}
      plural="people"
      one="person"
      empty="There are no people yet. Add one with New person."
      downloads={<DownloadButtons request={{ list: 'people', query: list.query }} what="the people list" />}
      count={list.count}
      pager={
        <>
          <Pagination label="People list pages" onPrevious={list.onPrevious} onNext={list.onNext} />
          {mayBook && <BookOntoSession chooser={chooser} />}
        </>
      }
    >
      {(people) => <PeopleTable people={people} chooser={mayBook ? chooser : undefined} />}
    </ListPage>
  );
}

/** People in a table, each opening their page; with a chooser, each can be ticked to book. */
export function PeopleTable({ people, chooser, caption = 'People' }: { people: Person[]; chooser?: ChosenPeople; caption?: string }) {
  return (
    <RecordTable
      caption={caption}
      captionHidden
      className={chooser ? 'table--people table--choosing' : 'table--people'}
      items={people}
      columns={[
        ...(chooser ? [chooseColumn(chooser)] : []),
        {
          header: 'Name',
          rowHeader: true,
          cell: (person) => (
            <>
              {person.familyName}, {person.givenName}
              {person.preferredName && <span className="muted"> (known as {person.preferredName})</span>}
            </>
          ),
        },
        { header: 'Organisation', cell: (person) => person.organisationName ?? 'Not given' },
        { header: 'Email', cell: (person) => <span className="break-anywhere">{person.email ?? 'Not given'}</span> },
        { header: 'Phone', cell: (person) => person.phone ?? 'Not given' },
        {
          header: 'Member since',
          cell: (person) => (person.membershipJoinedOn ? longDate(person.membershipJoinedOn) : 'Not a member'),
        },
      ]}
      editHref={(person) => `/people/${person.id}`}
      actionLabel="Open"
      editName={(person) => `person: ${fullName(person)}`}
    />
  );
}
