import { useEffect } from 'react';
import { Link } from 'wouter';
import { procedures, type Contract, type Course, type OrganisationRequest, type Venue } from '../../../../shared/contract';
import { call } from '../../api/client';
import { texts, wholeNumber, type ListItem } from '../../components/draft';
import { SelectField, TextField } from '../../components/fields';
import { addMinutes, duration, plural } from '../../components/format';
import { useForm, type Errors } from '../../components/form';
import { RecordForm, useSavedThen } from '../../components/FormParts';
import { ListEditor } from '../../components/ListEditor';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import '../../styles/requests.css';
import { ContractSelect } from '../contracts/ContractSelect';
import { askedOn, scheduledText, staffText } from './words';

interface ScheduleDraft {
  venueId: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  facilitators: ListItem[];
  /** A contract's id, or '' for none (paid-for / other). */
  contractId: string;
}

function ScheduleForm({
  request,
  course,
  venues,
  contracts,
  facilitators,
}: {
  request: OrganisationRequest;
  course: Course;
  venues: Venue[];
  contracts: Contract[];
  /** The office's facilitators, to choose from as a name is typed. */
  facilitators: string[];
}) {
  const savedThen = useSavedThen('/requests');
  const form = useForm({
    id: 'schedule',
    initial: { venueId: '', startsAt: '', endsAt: '', capacity: String(request.staffCount), facilitators: [], contractId: '' } as ScheduleDraft,
    schema: procedures['requests.schedule'].input,
    toInput: (draft: ScheduleDraft) => ({
      id: request.id,
      venueId: draft.venueId || undefined,
      startsAt: draft.startsAt || undefined,
      endsAt: draft.endsAt || undefined,
      capacity: wholeNumber(draft.capacity),
      facilitators: texts(draft.facilitators),
      contractId: draft.contractId || null,
    }),
    check: (draft: ScheduleDraft): Errors => {
      const errors: Errors = {};
      if (!draft.venueId) errors.venueId = 'Choose a venue.';
      if (!draft.startsAt) errors.startsAt = 'Enter the date and time the session starts.';
      if (!draft.endsAt) errors.endsAt = 'Enter the date and time the session ends.';
      else if (draft.startsAt && draft.endsAt <= draft.startsAt) errors.endsAt = 'Enter an end time after the start.';
      const capacity = wholeNumber(draft.capacity);
      if (capacity === undefined) errors.capacity = 'Enter how many places the session has.';
      else if (Number.isInteger(capacity) && capacity >= 1 && capacity < request.staffCount) {
        errors.capacity = `At least ${request.staffCount} places are needed for ${request.organisationName}'s staff.`;
      }
      draft.facilitators.forEach((facilitator, index) => {
        if (facilitator.text.trim() === '') errors[`facilitators.${index}`] = `Write facilitator ${index + 1}'s name, or remove them.`;
      });
      return errors;
    },
  });
  const { startsAt, endsAt } = form.draft;

  // Once the start is known, suggest an end from the course's length.
  useEffect(() => {
    if (startsAt && !endsAt) form.set('endsAt', addMinutes(startsAt, course.durationMinutes));
    // Only a new start suggests an end; clearing the end by hand does not refill it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startsAt]);

  const save = form.onSubmit(async (input) => {
    const scheduled = await call('requests.schedule', input);
    savedThen(scheduledText(scheduled));
  });

  return (
    <RecordForm form={form} onSubmit={save} saveLabel="Schedule the session" cancelHref="/requests">
      <SelectField
        form={form}
        name="venueId"
        label="Venue"
        placeholder="Choose a venue"
        choices={venues.map((venue) => ({ value: venue.id, label: venue.name }))}
      />
      <div className="field-row">
        <TextField form={form} name="startsAt" label="Start" type="datetime-local" width="medium" hint="Date and time at the venue." />
        <TextField
          form={form}
          name="endsAt"
          label="End"
          type="datetime-local"
          width="medium"
          hint={`The course lasts ${duration(course.durationMinutes)}.`}
        />
      </div>
      <TextField
        form={form}
        name="capacity"
        label="Places"
        hint={`At least ${request.staffCount}: that many are held for ${request.organisationName}. Any more are open to others.`}
        inputMode="numeric"
        width="short"
      />
      <ListEditor
        form={form}
        name="facilitators"
        legend="Facilitators"
        itemNoun="facilitator"
        addLabel="Add facilitator"
        hint="Who runs the session: choose from the office's facilitators as you type, or write a new name. You can add them later."
        suggestions={facilitators}
      />
      <ContractSelect form={form} name="contractId" contracts={contracts} />
    </RecordForm>
  );
}

/** What the organisation asked for, above the form that schedules it. */
function RequestSummary({ request }: { request: OrganisationRequest }) {
  const rows: Array<[string, string | null]> = [
    ['Course', request.courseTitle],
    ['Staff', staffText(request.staffCount)],
    ['Preferred dates', request.preferredDates],
    ['Contact', [request.contactName, request.contactEmail, request.contactPhone].filter(Boolean).join(', ')],
    ['Notes', request.notes],
    ['Asked on', askedOn(request)],
  ];
  return (
    <dl className="request-summary">
      {rows
        .filter((row): row is [string, string] => Boolean(row[1]))
        .map(([term, value]) => (
          <div key={term} className="request-summary__row">
            <dt>{term}</dt>
            <dd className="pre-line">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Scheduling a request: a new session for the course, with the organisation's places held on it. */
export function ScheduleRequest({ id }: { id: string }) {
  const state = useAsync(async () => {
    const requests = await call('requests.list', {});
    const request = requests.find((candidate) => candidate.id === id);
    if (!request) return null;
    const [course, venues, contracts, facilitators] = await Promise.all([
      call('courses.get', { id: request.courseId }),
      call('venues.list', { query: '', limit: 500 }),
      call('contracts.list', { query: '', limit: 500 }),
      call('people.facilitatorNames', {}),
    ]);
    return { request, course, venues, contracts, facilitators };
  }, [id]);
  const data = state.status === 'ready' ? state.data : null;

  return (
    <>
      <p className="back-link">
        <Link href="/requests">Back to requests</Link>
      </p>
      <Page title={data ? `Schedule a session for ${data.request.organisationName}` : 'Schedule a session'}>
        {state.status === 'loading' && <Loading what="the request" />}
        {state.status === 'failed' && <LoadFailed message={state.message} />}
        {state.status === 'ready' && !data && <LoadFailed message="This request could not be found. It may have been removed." />}
        {data && data.request.status !== 'waiting' && (
          <div className="notice">
            <p>This request is already {data.request.status}, so it cannot be scheduled again.</p>
          </div>
        )}
        {data && data.request.status === 'waiting' && (
          <>
            <RequestSummary request={data.request} />
            <p>
              Scheduling creates the session and holds {plural(data.request.staffCount, 'place')} on it for{' '}
              {data.request.organisationName}. Their staff can be named in those places later.
            </p>
            {data.venues.length === 0 ? (
              <div className="notice">
                <p>
                  A session needs a venue. <Link href="/venues/new">Add a venue</Link> first.
                </p>
              </div>
            ) : (
              <ScheduleForm request={data.request} course={data.course} venues={data.venues} contracts={data.contracts} facilitators={data.facilitators} />
            )}
          </>
        )}
      </Page>
    </>
  );
}
