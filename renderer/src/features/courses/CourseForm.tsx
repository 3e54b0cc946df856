import { Link } from 'wouter';
import type { z } from 'zod';
import { CourseFields, type Course } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull, listItem, listItems, numberText, texts, wholeNumber, type ListItem } from '../../components/draft';
import { RadioGroup, TextArea, TextField } from '../../components/fields';
import { useForm, type Errors, type SaveFields } from '../../components/form';
import { orNotGiven } from '../../components/format';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { ListEditor } from '../../components/ListEditor';
import { Page } from '../../components/Page';
import { OnlyAtOffice } from './KeptByOffice';

interface CourseDraft {
  title: string;
  description: string;
  durationMinutes: string;
  learningOutcomes: ListItem[];
  evaluationMode: string;
}

const newCourse = (): CourseDraft => ({
  title: '',
  description: '',
  durationMinutes: '',
  learningOutcomes: [listItem()],
  evaluationMode: 'anonymous',
});

const fromCourse = (course: Course): CourseDraft => ({
  title: course.title,
  description: course.description ?? '',
  durationMinutes: numberText(course.durationMinutes),
  learningOutcomes: listItems(course.learningOutcomes.map((outcome) => outcome.text)),
  evaluationMode: course.evaluationMode,
});

const toInput = (draft: CourseDraft) => ({
  title: draft.title,
  description: blankToNull(draft.description),
  durationMinutes: wholeNumber(draft.durationMinutes),
  learningOutcomes: texts(draft.learningOutcomes),
  evaluationMode: draft.evaluationMode,
});

/** Whether evaluation answers can be traced to the person, in plain words. */
const evaluationModes = [
  {
    value: 'anonymous',
    label: 'Anonymous',
    hint: 'Fieldbook records who has answered, for the response rate, but keeps nothing that links the answers to the person. A session’s results for each question show once 5 or more people have answered.',
  },
  {
    value: 'linked',
    label: 'Linked to the person',
    hint: 'Each person’s answers are kept with their name, so the office can follow up with them. Tell participants this before they answer.',
  },
];

function check(draft: CourseDraft): Errors {
  const errors: Errors = {};
  if (draft.durationMinutes.trim() === '') errors.durationMinutes = 'Enter the duration in minutes, for example 90.';
  draft.learningOutcomes.forEach((outcome, index) => {
    if (outcome.text.trim() === '') {
      errors[`learningOutcomes.${index}`] = `Write learning outcome ${index + 1}, or remove it.`;
    }
  });
  return errors;
}

type CourseInput = z.output<typeof CourseFields>;

/** Each field as read, for the newer values beside these when someone else saved first. */
const describe = (draft: CourseDraft) => [
  { label: 'Title', value: draft.title.trim() },
  { label: 'Description', value: orNotGiven(draft.description) },
  { label: 'Duration in minutes', value: draft.durationMinutes.trim() },
  { label: 'Learning outcomes', value: texts(draft.learningOutcomes).map((text) => text.trim()).join('\n') },
  { label: 'Evaluations', value: evaluationModes.find((mode) => mode.value === draft.evaluationMode)?.label ?? orNotGiven(null) },
];

function CourseForm({ initial, version, onSave }: { initial: CourseDraft; version?: string; onSave: SaveFields<typeof CourseFields> }) {
  const opened = version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromCourse(record as unknown as Course), describe };
  const form = useForm({ id: 'course', initial, schema: CourseFields, toInput, check, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save course" cancelHref="/courses">
      <TextField form={form} name="title" label="Title" />
      <TextArea form={form} name="description" label="Description" optional hint="What the course is about, in a sentence or two." />
      <TextField
        form={form}
        name="durationMinutes"
        label="Duration in minutes"
        hint="For example, 180 for three hours."
        inputMode="numeric"
        width="short"
      />
      <ListEditor
        form={form}
        name="learningOutcomes"
        legend="Learning outcomes"
        itemNoun="learning outcome"
        addLabel="Add outcome"
        hint="What people will be able to do after the course, in the order you teach them. The evaluation asks about each one."
      />
      <RadioGroup
        form={form}
        name="evaluationMode"
        label="Evaluation answers"
        hint="Whether answers to the end-of-session evaluation can be traced back to the person who gave them. A change applies to answers given from then on."
        choices={evaluationModes}
      />
    </RecordForm>
  );
}

/** On a laptop, the course screens say the office keeps them, and lead back to the list. */
const laptopScreen = {
  title: 'Courses are kept by the central office',
  what: 'the course list',
  back: { href: '/courses', label: 'Back to courses' },
};

export function NewCourse() {
  const savedThen = useSavedThen('/courses');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title="New course">
        <CourseForm
          initial={newCourse()}
          onSave={async (fields) => {
            await call('courses.create', fields);
            savedThen('Course saved.');
          }}
        />
      </Page>
    </OnlyAtOffice>
  );
}

export function EditCourse({ id }: { id: string }) {
  const savedThen = useSavedThen('/courses');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <RecordScreen
        id={id}
        load={(id) => call('courses.get', { id })}
        title={(course) => (course ? `Edit course: ${course.title}` : 'Edit course')}
        what="the course"
        backHref="/courses"
        backLabel="Back to courses"
      >
        {(course) => (
          <>
            <p>
              <Link href={`/courses/${id}/evaluation`}>Edit the evaluation questions</Link> (asked at the end of each session of
              this course)
            </p>
            <CourseForm
              initial={fromCourse(course)}
              version={course.version}
              onSave={async (fields, version) => {
                await call('courses.update', { id, version, fields });
                savedThen('Course saved.');
              }}
            />
          </>
        )}
      </RecordScreen>
    </OnlyAtOffice>
  );
}
