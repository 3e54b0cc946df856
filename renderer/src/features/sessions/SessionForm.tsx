import { useEffect, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import { NO_CONTRACT, SessionFields, sessionStatuses, type Contract, type Course, type Session, type Venue } from '../../../../shared/contract';
import { dayAndTime, orNotGiven } from '../../../../shared/words-for-days';
import { call } from '../../api/client';
import { listItems, numberText, texts, wholeNumber, type ListItem } from '../../components/draft';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { addMinutes, duration } from '../../components/format';
import { useForm, type Errors, type SaveFields } from '../../components/form';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { ListEditor } from '../../components/ListEditor';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { OnlyAtOffice } from '../courses/KeptByOffice';
import { ContractSelect } from '../contracts/ContractSelect';
import { statusLabels } from './days';

interface SessionDraft {
  courseId: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  facilitators: ListItem[];
  status: string;
  /** A contract's id, or '' for none (paid-for / other). */
  contractId: string;
}

const newSession: SessionDraft = {
  courseId: '',
  venueId: '',
  startsAt: '',
  endsAt: '',
  capacity: '',
  facilitators: [],
  status: 'scheduled',
  contractId: '',
};

const fromSession = (session: Session): SessionDraft => ({
  courseId: session.courseId,
  venueId: session.venueId,
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  capacity: numberText(session.capacity),
  facilitators: listItems(session.facilitators),
  status: session.status,
  contractId: session.contractId ?? '',
});

const toInput = (draft: SessionDraft) => ({
  courseId: draft.courseId || undefined,
  venueId: draft.venueId || undefined,
  startsAt: draft.startsAt || undefined,
  endsAt: draft.endsAt || undefined,
  capacity: wholeNumber(draft.capacity),
  facilitators: texts(draft.facilitators),
  status: draft.status,
  contractId: draft.contractId || null,
});

/** Plain words for what is missing, and the start/end check the schema only makes once all else is right. */
function check(draft: SessionDraft): Errors {
  const errors: Errors = {};
  if (!draft.courseId) errors.courseId = 'Choose a course.';
  if (!draft.venueId) errors.venueId = 'Choose a venue.';
  if (!draft.startsAt) errors.startsAt = 'Enter the date and time the session starts.';
  if (!draft.endsAt) errors.endsAt = 'Enter the date and time the session ends.';
  else if (draft.startsAt && draft.endsAt <= draft.startsAt) errors.endsAt = 'Enter an end time after the start.';
  if (draft.capacity.trim() === '') errors.capacity = 'Enter how many places there are.';
  draft.facilitators.forEach((facilitator, index) => {
    if (facilitator.text.trim() === '') errors[`facilitators.${index}`] = `Write facilitator ${index + 1}'s name, or remove them.`;
  });
  return errors;
}

const statusChoices = sessionStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

type SessionInput = z.output<typeof SessionFields>;

interface Choices {
  courses: Course[];
  venues: Venue[];
  contracts: Contract[];
  /** The office's facilitators, to choose from as a name is typed. */
  facilitators: string[];
}

/** Each field as read, for the newer values beside these when someone else saved first. */
function describeWith(choices: Choices) {
  const nameOf = (list: { id: string }[], id: string, name: (item: never) => string) => {
    const found = list.find((item) => item.id === id);
    return found ? name(found as never) : orNotGiven(null);
  };
  return (draft: SessionDraft) => [
    { label: 'Course', value: nameOf(choices.courses, draft.courseId, (course: Course) => course.title) },
    { label: 'Venue', value: nameOf(choices.venues, draft.venueId, (venue: Venue) => venue.name) },
    { label: 'Starts', value: draft.startsAt ? dayAndTime(draft.startsAt) : orNotGiven(null) },
    { label: 'Ends', value: draft.endsAt ? dayAndTime(draft.endsAt) : orNotGiven(null) },
    { label: 'Places', value: orNotGiven(draft.capacity) },
    { label: 'Facilitators', value: orNotGiven(texts(draft.facilitators).map((name) => name.trim()).join('\n')) },
    { label: 'Contract', value: draft.contractId ? nameOf(choices.contracts, draft.contractId, (contract: Contract) => contract.name) : NO_CONTRACT },
    { label: 'Status', value: statusLabels[draft.status as Session['status']] ?? draft.status },
  ];
}

function SessionForm({
  initial,
  choices,
  version,
  onSave,
}: {
  initial: SessionDraft;
  choices: Choices;
  /** For an edit: the version it was opened at. */
  version?: string;
  onSave: SaveFields<typeof SessionFields>;
}) {
  const opened =
    version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromSession(record as unknown as Session), describe: describeWith(choices) };
  const form = useForm({ id: 'session', initial, schema: SessionFields, toInput, check, opened });
  const { courseId, startsAt, endsAt } = form.draft;
  const course = choices.courses.find((candidate) => candidate.id === courseId);

  // Once the course and start are known, suggest an end from the course's length.
  useEffect(() => {
    if (course && startsAt && !endsAt) form.set('endsAt', addMinutes(startsAt, course.durationMinutes));
    // Only a new course or start suggests an end; clearing the end by hand does not refill it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [course, startsAt]);

  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save session" cancelHref="/sessions">
      <SelectField
        form={form}
        name="courseId"
        label="Course"
        placeholder="Choose a course"
        choices={choices.courses.map((choice) => ({ value: choice.id, label: choice.title }))}
        hint={course ? `Lasts ${duration(course.durationMinutes)}.` : undefined}
      />
      <SelectField
        form={form}
        name="venueId"
        label="Venue"
        placeholder="Choose a venue"
        choices={choices.venues.map((venue) => ({ value: venue.id, label: venue.name }))}
      />
      <div className="field-row">
        <TextField form={form} name="startsAt" label="Start" type="datetime-local" width="medium" hint="Date and time at the venue." />
        <TextField form={form} name="endsAt" label="End" type="datetime-local" width="medium" hint="Must be after the start." />
      </div>
      <TextField
        form={form}
        name="capacity"
        label="Places"
        hint="How many people can take part. When it is full, people join the waiting list."
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
        suggestions={choices.facilitators}
      />
      <ContractSelect form={form} name="contractId" contracts={choices.contracts} />
      <RadioGroup form={form} name="status" label="Status" choices={statusChoices} inline />
    </RecordForm>
  );
}

/** The form needs courses and venues to choose from; without any, it says how to add them. */
function WithChoices({ children }: { children(choices: Choices): ReactNode }) {
  const state = useAsync(async () => {
    const [courses, venues, contracts, facilitators] = await Promise.all([
      call('courses.list', { query: '', limit: 500 }),
      call('venues.list', { query: '', limit: 500 }),
      call('contracts.list', { query: '', limit: 500 }),
      call('people.facilitatorNames', {}),
    ]);
    return { courses, venues, contracts, facilitators };
  }, []);
  if (state.status === 'loading') return <Loading what="courses, venues and contracts" />;
  if (state.status === 'failed') return <LoadFailed message={state.message} />;
  const { courses, venues } = state.data;
  if (courses.length === 0 || venues.length === 0) {
    return (
      <div className="notice">
        <p>A session is a course at a venue. Add these first:</p>
        <ul>
          {courses.length === 0 && (
            <li>
              <Link href="/courses/new">Add a course</Link>
            </li>
          )}
          {venues.length === 0 && (
            <li>
              <Link href="/venues/new">Add a venue</Link>
            </li>
          )}
        </ul>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

/** On a laptop, the session forms say the office keeps the schedule; capacity is changed on the session's own page. */
const laptopScreen = {
  title: 'Sessions are kept by the central office',
  what: 'the schedule',
  back: { href: '/sessions', label: 'Back to sessions' },
};

export function NewSession() {
  const savedThen = useSavedThen('/sessions');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title="New session">
        <WithChoices>
          {(choices) => (
            <SessionForm
              initial={newSession}
              choices={choices}
              onSave={async (fields) => {
                await call('sessions.create', fields);
                savedThen('Session saved.');
              }}
            />
          )}
        </WithChoices>
      </Page>
    </OnlyAtOffice>
  );
}

export function EditSession({ id }: { id: string }) {
  const savedThen = useSavedThen('/sessions');
  return (
    <OnlyAtOffice
      {...laptopScreen}
      also={
        <p>
          You can still change how many places this session has:{' '}
          <Link href={`/today/${id}`}>open the session and use Change capacity</Link>.
        </p>
      }
    >
      <RecordScreen
        id={id}
        load={(id) => call('sessions.get', { id })}
        title={(session) => (session ? `Edit session: ${session.courseTitle}` : 'Edit session')}
        what="the session"
        backHref="/sessions"
        backLabel="Back to sessions"
      >
        {(session) => (
          <WithChoices>
            {(choices) => (
              <SessionForm
                initial={fromSession(session)}
                choices={choices}
                version={session.version}
                onSave={async (fields, version) => {
                  await call('sessions.update', { id, version, fields });
                  savedThen('Session saved.');
                }}
              />
            )}
          </WithChoices>
        )}
      </RecordScreen>
    </OnlyAtOffice>
  );
}
