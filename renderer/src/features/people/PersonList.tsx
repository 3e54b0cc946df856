import type { Person } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { DownloadButtons } from '../exports/DownloadButtons';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';

export function fullName(person: Person): string {
  return `${person.givenName} ${person.familyName}`;
}

export function PersonList() {
  const [query, setQuery] = useRemembered(searchKey('/people'), '');
  const result = useAsync(() => call('people.list', { query, limit: 500 }), [query]);

  return (
    <ListPage
      title="People"
      newHref="/people/new"
      newLabel="New person"
      searchLabel="Search people by name"
      searchHint="Type the start of a given, family or preferred name."
      query={query}
      onQuery={setQuery}
      result={result}
      plural="people"
      empty="There are no people yet. Add one with New person."
      downloads={<DownloadButtons request={{ list: 'people', query }} what="the people list" />}
    >
      {(people) => (
        <RecordTable
          caption="People"
          captionHidden
          items={people}
          columns={[
            {
              header: 'Name',
              rowHeader: true,
              cell: (person) => (
                <>
                  {fullName(person)}
                  {person.preferredName && <span className="muted"> (known as {person.preferredName})</span>}
                </>
              ),
            },
            { header: 'Organisation', cell: (person) => person.organisationName ?? 'None' },
            { header: 'Email', cell: (person) => person.email ?? 'None' },
            { header: 'Phone', cell: (person) => person.phone ?? 'None' },
            {
              header: 'Member since',
              cell: (person) => (person.membershipJoinedOn ? longDate(person.membershipJoinedOn) : 'Not a member'),
            },
          ]}
          editHref={(person) => `/people/${person.id}`}
          editName={(person) => `person: ${fullName(person)}`}
        />
      )}
    </ListPage>
  );
}
