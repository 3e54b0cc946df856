import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { dayAndTime, longDate } from '../../../../shared/words-for-days';
import { call } from '../../api/client';
import { offerDownload } from '../../components/files';
import { plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';

/**
 * Follow-ups due, at the office: everyone trained the form's weeks ago who
 * has an email and was not asked yet, by course and session. Writing the
 * mail-merge gives each a personal code and marks them asked, so the list
 * empties as it is written; their forms can then be printed and their
 * answers typed in by code.
 */
export function FollowUpsScreen() {
  const [version, setVersion] = useState(0);
  const due = useAsync(() => call('followUps.due', {}), [version]);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const announce = useAnnounce();
  const [location] = useLocation();

  const write = async (format: 'xlsx' | 'csv') => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      const file = await call('followUps.writeMailMerge', { format });
      offerDownload(file);
      announce(`Downloaded ${file.fileName}: ${plural(file.asked, 'person', 'people')} asked.`, location);
      setVersion((value) => value + 1);
    } catch (error) {
      setProblem(problemText(error, 'No mail-merge was written.'));
    } finally {
      busy.current = false;
    }
  };

  return (
    <Page title="Follow-ups due">
      <p>
        People trained on a course whose answers are linked to them, the course’s weeks ago (12 unless its evaluation says otherwise), who have an email and
        have not been asked yet.
      </p>
      <p>
        <Link href="/follow-ups/forms">Print the forms</Link> · <Link href="/follow-ups/answer">Enter answers by code</Link>
      </p>
      {due.status === 'failed' && <LoadFailed message={due.message} />}
      {due.status === 'loading' && !due.data && <Loading what="follow-ups due" />}
      {due.data && (
        <>
          <p>
            {plural(due.data.due, 'person', 'people')} due. {plural(due.data.waiting, 'person', 'people')} asked and not answered yet.
          </p>
          {due.data.due > 0 && (
            <div className="downloads">
              <div className="downloads__buttons">
                <button type="button" className="button" onClick={() => void write('xlsx')}>
                  Write the mail-merge as a spreadsheet
                </button>
                <button type="button" className="button button--secondary" onClick={() => void write('csv')}>
                  Write the mail-merge as CSV
                </button>
              </div>
              <Refusal message={problem} />
            </div>
          )}
          {due.data.courses.map((course) => (
            <section key={course.courseId} aria-labelledby={`course-${course.courseId}`}>
              <h2 id={`course-${course.courseId}`}>
                {course.courseTitle} (after {plural(course.followUpWeeks, 'week')})
              </h2>
              {course.sessions.map((session) => (
                <section key={session.sessionId}>
                  <h3>
                    {dayAndTime(session.startsAt)}, {session.venueName}: {plural(session.people.length, 'person', 'people')}, due since {longDate(session.dueOn)}
                  </h3>
                  <table className="record-table">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Email</th>
                      </tr>
                    </thead>
                    <tbody>
                      {session.people.map((person) => (
                        <tr key={person.personId}>
                          <td>{person.name}</td>
                          <td>{person.email}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ))}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
