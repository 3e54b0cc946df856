import type { z } from 'zod';
import { RequestFields, type Course, type Organisation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull, wholeNumber } from '../../components/draft';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { RecordForm, useSavedThen } from '../../components/FormParts';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { addedText } from './words';

interface RequestDraft {
  organisationId: string;
  courseId: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  staffCount: string;
  preferredDates: string;
  notes: string;
}

const empty: RequestDraft = {
  organisationId: '',
  courseId: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  staffCount: '',
  preferredDates: '',
  notes: '',
};

const toInput = (draft: RequestDraft) => ({
  organisationId: draft.organisationId || undefined,
  courseId: draft.courseId || undefined,
  contactName: draft.contactName,
  contactEmail: blankToNull(draft.contactEmail),
  contactPhone: blankToNull(draft.contactPhone),
  staffCount: wholeNumber(draft.staffCount),
  preferredDates: blankToNull(draft.preferredDates),
  notes: blankToNull(draft.notes),
});

/** Plain words for an empty choice; the contract's own rules give the rest. */
function check(draft: RequestDraft): Errors {
  const errors: Errors = {};
  if (!draft.organisationId) errors.organisationId = 'Choose the organisation asking.';
  if (!draft.courseId) errors.courseId = 'Choose the course they want.';
  if (draft.contactName.trim() === '') errors.contactName = 'Enter the name of the person to contact.';
  if (draft.staffCount.trim() === '') errors.staffCount = 'Enter how many staff need the course.';
  return errors;
}

interface Choices {
  organisations: Organisation[];
  courses: Course[];
}

function NewRequestForm({ choices, onSave }: { choices: Choices; onSave(fields: z.output<typeof RequestFields>): Promise<void> }) {
  const form = useForm({ id: 'request', initial: empty, schema: RequestFields, toInput, check });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Add request" cancelHref="/requests">
      <SelectField
        form={form}
        name="organisationId"
        label="Organisation"
        hint="Not in the list? Add it under Organisations first."
        placeholder="Choose an organisation"
        choices={choices.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
      />
      <SelectField
        form={form}
        name="courseId"
        label="Course"
        placeholder="Choose a course"
        choices={choices.courses.map((course) => ({ value: course.id, label: course.title }))}
      />
      <TextField form={form} name="contactName" label="Contact name" hint="The person at the organisation to talk to." width="medium" />
      <div className="field-row">
        <TextField form={form} name="contactEmail" label="Contact email" type="email" optional width="medium" />
        <TextField form={form} name="contactPhone" label="Contact phone" type="tel" optional width="medium" />
      </div>
      <TextField
        form={form}
        name="staffCount"
        label="Number of staff"
        hint="How many of their staff need the course. This many places are held for them on the session."
        inputMode="numeric"
        width="short"
      />
      <TextField
        form={form}
        name="preferredDates"
        label="Preferred dates"
        hint="Dates or months that suit them, for example “any Tuesday in March or April”."
        optional
      />
      <TextArea form={form} name="notes" label="Notes" hint="Anything that helps plan the session, such as access needs or shift patterns." optional />
    </RecordForm>
  );
}

/** A new organisation request: it joins the back of the queue. */
export function NewRequest() {
  const savedThen = useSavedThen('/requests');
  const choices = useAsync(async () => {
    const [organisations, courses] = await Promise.all([
      call('organisations.list', { query: '', limit: 500 }),
      call('courses.list', { query: '', limit: 500 }),
    ]);
    return { organisations, courses };
  }, []);
  return (
    <Page title="New request">
      <p className="lead">An organisation asking for a course to be run for its own staff.</p>
      {choices.status === 'loading' && <Loading what="organisations and courses" />}
      {choices.status === 'failed' && <LoadFailed message={choices.message} />}
      {choices.status === 'ready' && (
        <NewRequestForm
          choices={choices.data}
          onSave={async (fields) => {
            const request = await call('requests.create', fields);
            savedThen(addedText(request));
          }}
        />
      )}
    </Page>
  );
}
