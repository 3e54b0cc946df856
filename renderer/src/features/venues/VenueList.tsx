import { useKeepsCatalogue } from '../../app/device';
import { call } from '../../api/client';
import { orNotGiven } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';
import { KeptByOffice, noneOnLaptop } from '../courses/KeptByOffice';
import { useMayCall } from '../staff/may-call';

/** The venues sessions are held at; changed only at the office. */
export function VenueList() {
  const [query, setQuery] = useRemembered(searchKey('/venues'), '');
  const result = useAsync(() => call('venues.list', { query, limit: 500 }), [query]);
  const editable = useKeepsCatalogue();
  const mayEdit = useMayCall('venues.update');

  return (
    <ListPage
      title="Venues"
      newHref={editable ? '/venues/new' : undefined}
      newLabel="New venue"
      notice={!editable && <KeptByOffice what="the venue list" />}
      searchLabel="Search venues by name or address"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="venues"
      empty={editable ? 'There are no venues yet. Add one with New venue.' : noneOnLaptop('venues')}
    >
      {(venues) => (
        <RecordTable
          caption="Venues"
          captionHidden
          items={venues}
          columns={[
            { header: 'Name', cell: (venue) => venue.name, rowHeader: true },
            { header: 'Address', cell: (venue) => <span className="pre-line">{venue.address}</span> },
            { header: 'Access notes', cell: (venue) => orNotGiven(venue.accessNotes) },
          ]}
          editHref={editable && mayEdit ? (venue) => `/venues/${venue.id}` : undefined}
          editName={(venue) => `venue: ${venue.name}`}
        />
      )}
    </ListPage>
  );
}
