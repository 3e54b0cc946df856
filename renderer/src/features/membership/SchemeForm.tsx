import type { z } from 'zod';
import { SchemeFields, type SchemeView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorMessage, TextField } from '../../components/fields';
import { useForm, type Errors, type FormApi, type SaveFields } from '../../components/form';
import { orNotGiven } from '../../components/format';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { typedPence } from './words';

interface SchemeDraft {
  name: string;
  requiredCourseIds: string[];
  windowMonths: string;
  yearStarts: string;
  feePence: string;
  graceDays: string;
}

const blankScheme: SchemeDraft = { name: '', requiredCourseIds: [], windowMonths: '6', yearStarts: '', feePence: '', graceDays: '30' };

const fromScheme = (scheme: SchemeView): SchemeDraft => ({
  name: scheme.name,
  requiredCourseIds: scheme.requiredCourseIds,
  windowMonths: String(scheme.windowMonths),
  yearStarts: scheme.yearStarts ?? '',
  feePence: scheme.feePence === null ? '' : (scheme.feePence / 100).toFixed(2),
  graceDays: String(scheme.graceDays),
});

const wholeOrText = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

const toInput = (draft: SchemeDraft) => ({
  name: draft.name,
  requiredCourseIds: draft.requiredCourseIds,
  windowMonths: wholeOrText(draft.windowMonths),
  yearStarts: draft.yearStarts.trim() === '' ? null : draft.yearStarts,
  feePence: typedPence(draft.feePence),
  graceDays: wholeOrText(draft.graceDays),
});

const check = (draft: SchemeDraft): Errors => (Number.isNaN(typedPence(draft.feePence)) ? { feePence: 'Enter the fee in pounds, like 25 or 25.00.' } : {});

/** Tick one or more courses from the catalogue: attending any one meets the requirement. */
function RequiredCourses({ form }: { form: FormApi<SchemeDraft> }) {
  const courses = useAsync(() => call('courses.list', { query: '', limit: 500 }), []);
  const id = form.idFor('requiredCourseIds');
  const error = form.errorFor('requiredCourseIds');
  const chosen = new Set(form.draft.requiredCourseIds);
  return (
    <fieldset className="field" id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">Required course</legend>
      <p className="field__hint">Members attend any one of these, before joining or within the window.</p>
      <ErrorMessage id={`${id}-error`} message={error} />
      {courses.status === 'failed' && <LoadFailed message={courses.message} />}
      {courses.data === undefined && courses.status === 'loading' && <Loading what="courses" />}
      {courses.data?.map((course) => (
        <label key={course.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.has(course.id)}
            onChange={(event) => {
              const next = event.target.checked ? [...chosen, course.id] : [...chosen].filter((value) => value !== course.id);
              form.set('requiredCourseIds', next);
              form.touch('requiredCourseIds');
            }}
          />{' '}
          {course.title}
        </label>
      ))}
    </fieldset>
  );
}

/** Each field as read, for the newer values beside these when someone else saved first. */
const describe = (draft: SchemeDraft) => [
  { label: 'Scheme name', value: draft.name.trim() },
  { label: 'Required courses', value: draft.requiredCourseIds.length === 1 ? '1 course ticked' : `${draft.requiredCourseIds.length} courses ticked` },
  { label: 'Train within (months)', value: draft.windowMonths.trim() },
  { label: 'Membership year starts', value: orNotGiven(draft.yearStarts) },
  { label: 'Fee (£)', value: orNotGiven(draft.feePence) },
  { label: 'Grace period (days)', value: draft.graceDays.trim() },
];

function SchemeForm({ initial, version, onSave }: { initial: SchemeDraft; version?: string; onSave: SaveFields<typeof SchemeFields> }) {
  const opened = version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromScheme(record as unknown as SchemeView), describe };
  const form = useForm({ id: 'scheme', initial, schema: SchemeFields, toInput, check, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save scheme" cancelHref="/membership/schemes">
      <TextField form={form} name="name" label="Scheme name" hint="For example, Allies." />
      <RequiredCourses form={form} />
      <TextField form={form} name="windowMonths" label="Train within (months)" hint="Calendar months after joining; the last day counts." width="short" inputMode="numeric" />
      <TextField
        form={form}
        name="yearStarts"
        label="Membership year starts"
        hint="Month and day as MM-DD (05-01 is 1 May): a term runs to the day before the next year starts. Leave blank for rolling 12-month terms."
        width="short"
        optional
      />
      <TextField form={form} name="feePence" label="Fee (£)" hint="Recorded only: Fieldbook takes no payments." width="short" optional />
      <TextField form={form} name="graceDays" label="Grace period (days)" hint="A term starting within this many days after the last one ends is a renewal; later, a rejoin." width="short" inputMode="numeric" />
    </RecordForm>
  );
}

export function NewScheme() {
  const savedThen = useSavedThen('/membership/schemes');
  return (
    <Page title="New membership scheme">
      <SchemeForm
        initial={blankScheme}
        onSave={async (fields) => {
          await call('schemes.create', fields);
          savedThen('Scheme saved.');
        }}
      />
    </Page>
  );
}

export function EditScheme({ id }: { id: string }) {
  const savedThen = useSavedThen('/membership/schemes');
  return (
    <RecordScreen
      id={id}
      load={(id) => call('schemes.get', { id })}
      title={(scheme) => (scheme ? `Edit scheme: ${scheme.name}` : 'Edit scheme')}
      what="the scheme"
      backHref="/membership/schemes"
      backLabel="Back to schemes"
    >
      {(scheme) => (
        <SchemeForm
          initial={fromScheme(scheme)}
          version={scheme.version}
          onSave={async (fields, version) => {
            await call('schemes.update', { id, version, fields });
            savedThen('Scheme saved.');
          }}
        />
      )}
    </RecordScreen>
  );
}
