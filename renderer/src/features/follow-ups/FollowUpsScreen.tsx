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
import { choiceListed, SessionChoice, type ChoiceCourse, type MailMergeChoice } from './SessionChoice';

/** How a file written again is announced: the same codes, and who was left out for having no email now. */
function againWords(file: { fileName: string; written: number; withoutEmail: number }): string {
  const left = file.withoutEmail === 0 ? '' : ` ${plural(file.withoutEmail, 'person', 'people')} with no email now left out: print their forms.`;
  return `Downloaded ${file.fileName}: the codes already sent to ${plural(file.written, 'person', 'people')}, nobody given a new one.${left}`;
}

/**
 * Follow-ups due, at the office: everyone trained the form's weeks ago who
 * has an email and was not asked yet, by course and session. Writing the
 * mail-merge (for everyone listed, a course or a session) gives each a
 * personal code and marks them asked, so the list empties as it is written;
 * their forms can then be printed and their answers typed in by code, and a
 * lost mail-merge written again with the same codes.
 */
export function FollowUpsScreen() {
  const [version, setVersion] = useState(0);
  const due = useAsync(() => call('followUps.due', {}), [version]);
  const [problem, setProblem] = useState<string | null>(null);
  const [againProblem, setAgainProblem] = useState<string | null>(null);
  const [dueChoice, setDueChoice] = useState<MailMergeChoice>({});
  const [againChoice, setAgainChoice] = useState<MailMergeChoice>({});
  const busy = useRef(false);
  const announce = useAnnounce();
  const [location] = useLocation();

  const dueCourses: ChoiceCourse[] = (due.data?.courses ?? []).map((course) => ({
    ...course,
    sessions: course.sessions.map((session) => ({ ...session, people: session.people.length })),
  }));
  const waitingCourses: ChoiceCourse[] = (due.data?.waitingCourses ?? []).map((course) => ({
    ...course,
    sessions: course.sessions.map((session) => ({ ...session, people: session.waiting })),
  }));
  // A choice whose people have left the list (written, or answered since) falls back to everyone.
  const dueChosen = choiceListed(dueChoice, dueCourses) ? dueChoice : {};
  const againChosen = choiceListed(againChoice, waitingCourses) ? againChoice : {};

  /** One file at a time: a press while one is being written does nothing (the first press writes it). */
  const once = async (refusal: (message: string | null) => void, run: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    refusal(null);
    try {
      await run();
    } catch (error) {
      refusal(problemText(error, 'No mail-merge was written.'));
    } finally {
      busy.current = false;
    }
  };

  const write = (format: 'xlsx' | 'csv') =>
    once(setProblem, async () => {
      const file = await call('followUps.writeMailMerge', { format, ...dueChosen });
      offerDownload(file);
      announce(`Downloaded ${file.fileName}: ${plural(file.asked, 'person', 'people')} asked.`, location);
      setVersion((value) => value + 1);
    });

  const writeAgain = (format: 'xlsx' | 'csv') =>
    once(setAgainProblem, async () => {
      const file = await call('followUps.rewriteMailMerge', { format, ...againChosen });
      offerDownload(file);
      announce(againWords(file), location);
    });

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
              <SessionChoice id="mail-merge-for" label="Write the mail-merge for" courses={dueCourses} choice={dueChosen} change={setDueChoice} />
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
          {due.data.waiting > 0 && (
            <section aria-labelledby="written-again">
              <h2 id="written-again">Lost a mail-merge?</h2>
              <p>
                Write it again for those asked and not answered yet: each with the code they were already sent, so nobody is given a new one, and nobody who
                has answered is sent theirs again.
              </p>
              <div className="downloads">
                <SessionChoice id="mail-merge-again-for" label="Write it again for" courses={waitingCourses} choice={againChosen} change={setAgainChoice} />
                <div className="downloads__buttons">
                  <button type="button" className="button button--secondary" onClick={() => void writeAgain('xlsx')}>
                    Write the mail-merge again as a spreadsheet
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => void writeAgain('csv')}>
                    Write the mail-merge again as CSV
                  </button>
                </div>
                <Refusal message={againProblem} />
              </div>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
