import { Link } from 'wouter';
import { memberStatusLabels, type PersonRecord } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useDevice } from '../../app/device';
import { dayAndTime, longDate, momentText, plural } from '../../components/format';
import { ButtonLink, LoadFailed, Loading, Page } from '../../components/Page';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { PersonHistory } from './PersonHistory';
import { fullName } from './PersonList';
import { bookingStateWords, localDay } from './words';
import { IfMayCall } from '../staff/IfMayCall';

type Booking = PersonRecord['bookings'][number];

/**
 * One person at a glance, in the order the office asks about them: who they
 * are, what they are booked on, what they came to, what they said, and
 * every change made to their record and where.
 */
export function PersonPage({ id }: { id: string }) {
  const record = useAsync(() => call('people.record', { id }), [id]);
  const office = useDevice().role === 'office';
  if (record.status === 'failed') {
    return (
      <Page title="Person">
        <LoadFailed message={record.message} />
        <Link href="/people">Back to people</Link>
      </Page>
    );
  }
  if (!record.data) {
    return (
      <Page title="Person">
        <Loading what="the person" />
      </Page>
    );
  }
  const { person, mergedInto, merged, bookings, attended, evaluations, consents } = record.data;
  const today = localDay();
  const upcoming = bookings.filter((booking) => booking.startsAt.slice(0, 10) >= today).reverse();
  const past = bookings.filter((booking) => booking.startsAt.slice(0, 10) < today);

  return (
    <Page
      title={fullName(person)}
      actions={
        <>
          <IfMayCall name="people.update">
            <ButtonLink href={`/people/${id}/edit`}>Change details</ButtonLink>
          </IfMayCall>
          {office && !mergedInto && (
            <IfMayCall name="people.merge">
              <ButtonLink href={`/people/${id}/merge`} secondary>
                Merge with another record
              </ButtonLink>
            </IfMayCall>
          )}
          {/* A subject access answer is people's details (coordinators); erasure is for admins. */}
          {office && (
            <IfMayCall name="subjectAccess.report">
              <ButtonLink href={`/people/${id}/everything`} secondary>
                Everything we hold about this person
              </ButtonLink>
            </IfMayCall>
          )}
          {office && (
            <IfMayCall name="erasure.preview">
              <ButtonLink href={`/people/${id}/erase`} secondary>
                Erase this person
              </ButtonLink>
            </IfMayCall>
          )}
        </>
      }
    >
      <p>
        <Link href="/people">Back to people</Link>
      </p>
      {mergedInto && (
        <div className="notice" role="note">
          <p>
            This record was merged into <Link href={`/people/${mergedInto.id}`}>{mergedInto.name}</Link>. Their bookings and history are shown there
            too.
          </p>
        </div>
      )}
      {merged.length > 0 && (
        <p>
          Merged into this record: {merged.map((other) => other.name).join(', ')}. Their bookings and history are included below.
        </p>
      )}

      <h2>Details</h2>
      <dl className="person-details">
        <Detail term="Given name" value={person.givenName} />
        <Detail term="Family name" value={person.familyName} />
        <Detail term="Preferred name" value={person.preferredName} />
        <Detail term="Email" value={person.email} />
        <Detail term="Phone" value={person.phone} />
        <div>
          <dt>Organisation</dt>
          <dd>{person.organisationId ? <Link href={`/organisations/${person.organisationId}`}>{person.organisationName}</Link> : 'Not given'}</dd>
        </div>
        <Detail term="Member since" value={person.membershipJoinedOn && longDate(person.membershipJoinedOn)} />
      </dl>

      <h2>Bookings</h2>
      <p>Attended {plural(attended, 'session')}.</p>
      <BookingTable caption="Coming up" bookings={upcoming} none="No sessions coming up." />
      <BookingTable caption="Past sessions" bookings={past} none="No past sessions." />

      {office && <Memberships personId={id} />}

      <h2>Evaluations given</h2>
      {evaluations.length === 0 ? (
        <p>None kept with their name. Answers to anonymous evaluations are never linked to anyone.</p>
      ) : (
        <RecordTable
          caption="Evaluations given"
          captionHidden
          items={evaluations}
          columns={[
            { header: 'Session', rowHeader: true, cell: (row) => `${row.courseTitle}, ${dayAndTime(row.startsAt)}` },
            { header: 'Answered', cell: (row) => longDate(row.submittedOn.slice(0, 10)) },
          ]}
        />
      )}

      <h2>Consent</h2>
      {consents.length === 0 ? (
        <p>No consent recorded.</p>
      ) : (
        <RecordTable
          caption="Consent given"
          captionHidden
          items={consents}
          columns={[
            { header: 'Consent version', rowHeader: true, cell: (row) => row.version },
            { header: 'Language', cell: (row) => row.language },
            { header: 'Given', cell: (row) => momentText(row.agreedAt) },
            { header: 'At', cell: (row) => row.courseTitle },
          ]}
        />
      )}

      <PersonHistory id={id} />
    </Page>
  );
}

function Detail({ term, value }: { term: string; value: string | null | undefined }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value || 'Not given'}</dd>
    </div>
  );
}

function BookingTable({ caption, bookings, none }: { caption: string; bookings: Booking[]; none: string }) {
  return (
    <>
      <h3>{caption}</h3>
      {bookings.length === 0 ? (
        <p>{none}</p>
      ) : (
        <RecordTable
          caption={caption}
          captionHidden
          items={bookings}
          columns={[
            { header: 'When', rowHeader: true, cell: (row) => dayAndTime(row.startsAt) },
            { header: 'Course', cell: (row) => row.courseTitle },
            { header: 'Venue', cell: (row) => row.venueName },
            { header: 'Booking', cell: (row) => (row.sessionStatus === 'cancelled' ? 'Session cancelled' : (bookingStateWords[row.state] ?? row.state)) },
            { header: 'Signed in', cell: (row) => (row.signedIn ? 'Yes' : 'No') },
          ]}
        />
      )}
    </>
  );
}

/** Membership comes from the membership procedures, as the member's own page reads it. */
function Memberships({ personId }: { personId: string }) {
  const member = useAsync(() => call('members.get', { personId }), [personId]);
  return (
    <>
      <h2>Memberships</h2>
      {member.status === 'failed' && <LoadFailed message={member.message} />}
      {member.status === 'loading' && <Loading what="memberships" />}
      {member.status === 'ready' &&
        (member.data.memberships.length === 0 ? (
          <p>Not a member of any scheme.</p>
        ) : (
          <ul>
            {member.data.memberships.map((membership) => (
              <li key={membership.schemeId}>
                {membership.schemeName}: {membership.status ? memberStatusLabels[membership.status] : 'Not started yet'}
              </li>
            ))}
          </ul>
        ))}
      {member.status === 'ready' && (
        <p>
          <Link href={`/membership/members/${personId}`}>Open their membership</Link>
        </p>
      )}
    </>
  );
}
