import { dayAndTime } from '../../../../shared/words-for-days';
import { plural } from '../../components/format';

/** Whose mail-merge to write: everyone's, one course's or one session's (the procedures' courseId and sessionId). */
export interface MailMergeChoice {
  courseId?: string;
  sessionId?: string;
}

/** A course and its sessions as the choice lists them, each with how many people it would write. */
export interface ChoiceCourse {
  courseId: string;
  courseTitle: string;
  sessions: { sessionId: string; startsAt: string; venueName: string; people: number }[];
}

/** The select's value for a choice: "" for everyone, "course:…" or "session:…". */
export function choiceValue(choice: MailMergeChoice): string {
  if (choice.sessionId) return `session:${choice.sessionId}`;
  if (choice.courseId) return `course:${choice.courseId}`;
  return '';
}

function choiceOf(value: string): MailMergeChoice {
  if (value.startsWith('session:')) return { sessionId: value.slice('session:'.length) };
  if (value.startsWith('course:')) return { courseId: value.slice('course:'.length) };
  return {};
}

/** Whether the courses listed still hold the choice (after writing, a course's people can leave the list). */
export function choiceListed(choice: MailMergeChoice, courses: readonly ChoiceCourse[]): boolean {
  if (choice.sessionId) return courses.some((course) => course.sessions.some((session) => session.sessionId === choice.sessionId));
  if (choice.courseId) return courses.some((course) => course.courseId === choice.courseId);
  return true;
}

const people = (count: number) => plural(count, 'person', 'people');

/**
 * "Write it for": everyone listed, a course (all its sessions) or one
 * session, grouped by course, each with how many people it would write.
 */
export function SessionChoice({
  id,
  label,
  courses,
  choice,
  change,
}: {
  id: string;
  label: string;
  courses: readonly ChoiceCourse[];
  choice: MailMergeChoice;
  change(choice: MailMergeChoice): void;
}) {
  const everyone = courses.reduce((sum, course) => sum + course.sessions.reduce((inCourse, session) => inCourse + session.people, 0), 0);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={choiceValue(choice)} onChange={(event) => change(choiceOf(event.target.value))}>
        <option value="">Everyone listed ({people(everyone)})</option>
        {courses.map((course) => (
          <optgroup key={course.courseId} label={course.courseTitle}>
            <option value={`course:${course.courseId}`}>
              Everyone on {course.courseTitle} ({people(course.sessions.reduce((sum, session) => sum + session.people, 0))})
            </option>
            {course.sessions.map((session) => (
              <option key={session.sessionId} value={`session:${session.sessionId}`}>
                {course.courseTitle}, {dayAndTime(session.startsAt)}, {session.venueName} ({people(session.people)})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
