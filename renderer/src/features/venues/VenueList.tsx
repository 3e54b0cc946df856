import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';

export function VenueList() {
  const [query, setQuery] = useRemembered(searchKey('/venues'), '');
  const result = useAsync(() => call('venues.list', { query, limit: 500 }), [query]);

  return (
    <ListPage
      title="Venues"
      newHref="/venues/new"
      newLabel="New venue"
      searchLabel="Search venues by name or address"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="venues"
      empty="There are no venues yet. Add one with New venue."
    >
      {(venues) => (
        <RecordTable
          caption="Venues"
          captionHidden
          items={venues}
          columns={[
            { header: 'Name', cell: (venue) => venue.name, rowHeader: true },
            { header: 'Address', cell: (venue) => <span className="pre-line">{venue.address}</span> },
            { header: 'Access notes', cell: (venue) => venue.accessNotes ?? 'None' },
          ]}
          editHref={(venue) => `/venues/${venue.id}`}
          editName={(venue) => `venue: ${venue.name}`}
        />
      )}
    </ListPage>
  );
}
