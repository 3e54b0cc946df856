import type { PageCursor, Person } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { Pagination } from '../../components/Pagination';
import { RecordTable } from '../../components/RecordTable';
import { useAsync, type AsyncState } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';
import { DownloadButtons } from '../exports/DownloadButtons';

export function fullName(person: Person): string {
  return `${person.givenName} ${person.familyName}`;
}

const PAGE_SIZE = 50;

/** Which page is shown: the first, or the one after or before a row. Kept as text so going to a person and back finds the same page. */
type PagePlace = { after: PageCursor } | { before: PageCursor } | Record<string, never>;

function readPlace(text: string): PagePlace {
  try {
    const place = JSON.parse(text) as PagePlace;
    return typeof place === 'object' && place !== null ? place : {};
  } catch {
    return {};
  }
}

/** Every person at the office, 50 at a time in name order, from the database. */
export function PersonList() {
  const [query, setQueryText] = useRemembered(searchKey('/people'), '');
  const [placeText, setPlaceText] = useRemembered('/people:page', '');
  const place = readPlace(placeText);
  const page = useAsync(() => call('people.page', { query, pageSize: PAGE_SIZE, ...place }), [query, placeText]);
  const setQuery = (value: string) => {
    setQueryText(value);
    setPlaceText('');
  };
  const goTo = (next: PagePlace) => {
    setPlaceText(JSON.stringify(next));
    // The new page starts at the list's count, where a keyboard user reads on from.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.list-count')?.focus());
  };
  const rows: AsyncState<Person[]> =
    page.status === 'ready' ? { status: 'ready', data: page.data.rows } : { ...page, data: page.data?.rows };
  const data = page.data;

  return (
    <ListPage
      title="People"
      newHref="/people/new"
      newLabel="New person"
      searchLabel="Search people by name"
      searchHint="Type the start of a given, family or preferred name."
      query={query}
      onQuery={setQuery}
      result={rows}
      plural="people"
      empty="There are no people yet. Add one with New person."
      downloads={<DownloadButtons request={{ list: 'people', query }} what="the people list" />}
      count={data && { from: data.from, shown: data.rows.length, total: data.total }}
      pager={
        data && (
          <Pagination
            label="People list pages"
            onPrevious={data.previous ? () => goTo({ before: data.previous! }) : undefined}
            onNext={data.next ? () => goTo({ after: data.next! }) : undefined}
          />
        )
      }
    >
      {(people) => <PeopleTable people={people} />}
    </ListPage>
  );
}

function PeopleTable({ people }: { people: Person[] }) {
  return (
    <RecordTable
      caption="People"
      captionHidden
      className="table--people"
      items={people}
      columns={[
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
