import { Link } from 'wouter';
import { useKeepsCatalogue } from '../../app/device';
import { call } from '../../api/client';
import { duration, plural } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';
import { KeptByOffice, noneOnLaptop } from './KeptByOffice';
import './evaluation-editor.css';
import { useMayCall } from '../staff/may-call';

/** The course catalogue: each course with its learning outcomes in order; changed only at the office. */
export function CourseList() {
  const [query, setQuery] = useRemembered(searchKey('/courses'), '');
  const result = useAsync(() => call('courses.list', { query, limit: 500 }), [query]);
  const editable = useKeepsCatalogue();
  const mayEdit = useMayCall('courses.update');

  return (
    <ListPage
      title="Courses"
      newHref={editable ? '/courses/new' : undefined}
      newLabel="New course"
      notice={!editable && <KeptByOffice what="the course list" />}
      searchLabel="Search courses by title"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="courses"
      empty={editable ? 'There are no courses yet. Add one with New course.' : noneOnLaptop('courses')}
    >
      {(courses) => (
        <ul className="cards">
          {courses.map((course) => (
            <li key={course.id} className="card">
              <h2 className="card__title">{course.title}</h2>
              <p className="card__meta">
                {duration(course.durationMinutes)} · {plural(course.learningOutcomes.length, 'learning outcome')}
              </p>
              {course.description && <p>{course.description}</p>}
              <h3 className="card__subtitle">Learning outcomes</h3>
              <ol className="outcomes">
                {course.learningOutcomes.map((outcome) => (
                  <li key={outcome.id}>{outcome.text}</li>
                ))}
              </ol>
              {editable && mayEdit && (
                <p className="card__actions">
                  <Link href={`/courses/${course.id}`} className="card__action">
                    Edit<span className="visually-hidden"> course: {course.title}</span>
                  </Link>
                  <Link href={`/courses/${course.id}/evaluation`} className="card__action">
                    Edit evaluation<span className="visually-hidden"> for {course.title}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </ListPage>
  );
}
