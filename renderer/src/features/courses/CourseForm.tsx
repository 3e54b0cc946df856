import type { z } from 'zod';
import { CourseFields, type Course } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull, listItem, listItems, numberText, texts, wholeNumber, type ListItem } from '../../components/draft';
import { TextArea, TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { ListEditor } from '../../components/ListEditor';
import { Page } from '../../components/Page';

interface CourseDraft {
  title: string;
  description: string;
  durationMinutes: string;
  learningOutcomes: ListItem[];
}

const newCourse = (): CourseDraft => ({ title: '', description: '', durationMinutes: '', learningOutcomes: [listItem()] });

const fromCourse = (course: Course): CourseDraft => ({
  title: course.title,
  description: course.description ?? '',
  durationMinutes: numberText(course.durationMinutes),
  learningOutcomes: listItems(course.learningOutcomes.map((outcome) => outcome.text)),
});

const toInput = (draft: CourseDraft) => ({
  title: draft.title,
  description: blankToNull(draft.description),
  durationMinutes: wholeNumber(draft.durationMinutes),
  learningOutcomes: texts(draft.learningOutcomes),
});

function check(draft: CourseDraft): Errors {
  const errors: Errors = {};
  if (draft.durationMinutes.trim() === '') errors.durationMinutes = 'Duration is required.';
  draft.learningOutcomes.forEach((outcome, index) => {
    if (outcome.text.trim() === '') {
      errors[`learningOutcomes.${index}`] = `Write learning outcome ${index + 1}, or remove it.`;
    }
  });
  return errors;
}

type CourseInput = z.output<typeof CourseFields>;

function CourseForm({ initial, onSave }: { initial: CourseDraft; onSave(fields: CourseInput): Promise<void> }) {
  const form = useForm({ id: 'course', initial, schema: CourseFields, toInput, check });
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
    </RecordForm>
  );
}

export function NewCourse() {
  const savedThen = useSavedThen('/courses');
  return (
    <Page title="New course">
      <CourseForm
        initial={newCourse()}
        onSave={async (fields) => {
          await call('courses.create', fields);
          savedThen('Course saved.');
        }}
      />
    </Page>
  );
}

export function EditCourse({ id }: { id: string }) {
  const savedThen = useSavedThen('/courses');
  return (
    <RecordScreen
      id={id}
      load={(id) => call('courses.get', { id })}
      title={(course) => (course ? `Edit course: ${course.title}` : 'Edit course')}
      what="the course"
      backHref="/courses"
      backLabel="Back to courses"
    >
      {(course) => (
        <CourseForm
          initial={fromCourse(course)}
          onSave={async (fields) => {
            await call('courses.update', { id, fields });
            savedThen('Course saved.');
          }}
        />
      )}
    </RecordScreen>
  );
}
