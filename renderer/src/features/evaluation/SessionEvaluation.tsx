import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Course, EvaluationTemplate, Session } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { useKeepsCatalogue } from '../../app/device';
import { SessionNotes } from '../notes/SessionNotes';
import { dayLabel, dayOf, timeRange } from '../sessions/days';
import { Respondents } from './Respondents';
import { OpenKiosk } from '../today/OpenKiosk';
import { Summary } from './Summary';
import { TranslationNotice } from './TranslationNotice';
import { useMayCall } from '../staff/may-call';
import { IfMayCall } from '../staff/IfMayCall';
import '../../styles/today.css';
import '../../styles/evaluation.css';

interface Loaded {
  session: Session;
  course: Course;
  template: EvaluationTemplate;
  today: string;
}

function EvaluationView({ session, course, template, today }: Loaded) {
  const [version, setVersion] = useState(0);
  const summary = useAsync(() => call('evaluations.summary', { sessionId: session.id }), [session.id, version]);
  const announce = useAnnounce();
  const [location] = useLocation();
  const anonymous = course.evaluationMode === 'anonymous';
  const keepsCatalogue = useKeepsCatalogue();
  // A viewer on the office server reads the questions and answers; the core would refuse changing or giving them.
  const mayEditQuestions = useMayCall('evaluations.saveTemplate');
  const mayAnswer = useMayCall('evaluations.submit');
  const canOpenKiosk = dayOf(session.startsAt) === today && session.status !== 'cancelled';

  return (
    <>
      <p className="lead">
        {dayLabel(dayOf(session.startsAt), today)}, {timeRange(session)} · {session.venueName}
      </p>
      <p>
        {anonymous
          ? 'Answers are anonymous: Fieldbook records who has answered, but nothing that links the answers to them.'
          : 'Answers are kept with each person’s name.'}{' '}
        The evaluation is version {template.version} of this course’s questions.{' '}
        {!keepsCatalogue ? (
          'The central office keeps the questions.'
        ) : (
          mayEditQuestions && <Link href={`/courses/${course.id}/evaluation`}>Edit the evaluation questions</Link>
        )}
      </p>

      <section className="eval-section" aria-labelledby="eval-kiosk">
        <h2 id="eval-kiosk">Evaluation on this laptop</h2>
        {canOpenKiosk ? (
          <>
            <p>At the end of the session, hand the laptop to participants: each finds their name and answers in their language.</p>
            <TranslationNotice template={template} courseId={course.id} />
            <IfMayCall name="kiosk.start">
              <OpenKiosk sessionId={session.id} mode="evaluation" primary />
            </IfMayCall>
          </>
        ) : (
          <p>The evaluation can be opened for participants on the day of the session only.</p>
        )}
      </section>

      <section className="eval-section" aria-labelledby="eval-summary">
        <h2 id="eval-summary">Summary</h2>
        {summary.status === 'failed' && <LoadFailed message={summary.message} />}
        {summary.data === undefined && summary.status === 'loading' && <Loading what="the summary" />}
        {summary.data && <Summary summary={summary.data} />}
      </section>

      <section className="eval-section" aria-labelledby="eval-answer">
        {/* A viewer has no button to answer with: for them the list only says who has answered. */}
        {mayAnswer ? (
          <>
            <h2 id="eval-answer">Answer on this laptop</h2>
            <p>For someone signed in who has not answered yet.</p>
          </>
        ) : (
          <h2 id="eval-answer">Who has answered</h2>
        )}
        <Respondents
          sessionId={session.id}
          template={template}
          anonymous={anonymous}
          version={version}
          answered={(message) => {
            announce(message, location);
            setVersion((count) => count + 1);
          }}
        />
      </section>

      <section className="eval-section" aria-labelledby="eval-notes">
        <h2 id="eval-notes">Session notes</h2>
        <p>
          What was raised during the session. Notes that need a response go to <Link href="/you-said-we-did">You said, we did</Link>.
        </p>
        <SessionNotes sessionId={session.id} />
      </section>
    </>
  );
}

/**
 * One session's evaluation (`#/sessions/:sessionId/evaluation`): start it on
 * this laptop, the summary, answering for someone signed in who has not yet,
 * and the facilitator's notes.
 */
export function SessionEvaluation({ sessionId }: { sessionId: string }) {
  const state = useAsync(async (): Promise<Loaded> => {
    const session = await call('sessions.get', { id: sessionId });
    const [course, template, device] = await Promise.all([
      call('courses.get', { id: session.courseId }),
      call('evaluations.template', { courseId: session.courseId }),
      call('device.status', {}),
    ]);
    return { session, course, template, today: device.today };
  }, [sessionId]);

  return (
    <>
      <p className="back-link">
        <Link href={`/today/${sessionId}`}>Back to the session</Link>
      </p>
      <Page title={state.status === 'ready' ? `Evaluation: ${state.data.session.courseTitle}` : 'Session evaluation'}>
        {state.status === 'loading' && <Loading what="the session" />}
        {state.status === 'failed' && (
          <LoadFailed message={state.notFound ? 'This session could not be found. It may have been removed.' : state.message} />
        )}
        {state.status === 'ready' && <EvaluationView {...state.data} />}
      </Page>
    </>
  );
}
