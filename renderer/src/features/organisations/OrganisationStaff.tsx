import { call } from '../../api/client';
import { Loading, LoadFailed } from '../../components/Page';
import { Pagination, showing } from '../../components/Pagination';
import { usePagedList } from '../../components/usePagedList';
import { BookOntoSession } from '../people/BookOntoSession';
import { PeopleTable } from '../people/PersonList';
import { useChosenPeople } from '../people/useChosenPeople';
import { useMayCall } from '../staff/may-call';

const PAGE_SIZE = 50;

/**
 * The people who work at an organisation, 50 at a time in name order, each
 * opening their page; those ticked can be booked together onto a session to
 * come (a practice sending its staff to a course).
 */
export function OrganisationStaff({ organisationId, name }: { organisationId: string; name: string }) {
  const list = usePagedList(`/organisations/${organisationId}/staff`, (_query, place) =>
    call('people.page', { query: '', organisationId, pageSize: PAGE_SIZE, ...place }),
  );
  const chooser = useChosenPeople();
  // A viewer on the office server is offered no ticking and booking: the core would refuse the booking.
  const mayBook = useMayCall('bookings.bookPeople');
  const people = list.result.data;
  return (
    <section className="organisation-staff" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      {list.result.status === 'failed' && <LoadFailed message={list.result.message} />}
      {people === undefined && list.result.status === 'loading' && <Loading what="the staff" />}
      {people !== undefined && people.length === 0 && <p className="empty">Nobody at {name} is recorded yet. Choose {name} as a person’s organisation to list them here.</p>}
      {people !== undefined && people.length > 0 && list.count && (
        <>
          <p className="list-count" tabIndex={-1}>
            {showing(list.count, 'people', 'person')}
          </p>
          <PeopleTable people={people} chooser={mayBook ? chooser : undefined} caption={`Staff at ${name}`} />
          <Pagination label="Staff list pages" onPrevious={list.onPrevious} onNext={list.onNext} />
          {mayBook && <BookOntoSession chooser={chooser} />}
        </>
      )}
    </section>
  );
}
