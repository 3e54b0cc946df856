import { useEffect, useRef, useState } from 'react';
import type { EvaluationTemplate, ProcedureOutput } from '../../../../shared/contract';
import { questionsAt } from '../../../../shared/evaluation-moments';
import { call } from '../../api/client';
import { LoadFailed, Loading } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { AnswerForm } from './AnswerForm';
import { useMayCall } from '../staff/may-call';

type Respondent = ProcedureOutput<'evaluations.respondents'>[number];

interface RespondentsProps {
  sessionId: string;
  template: EvaluationTemplate;
  anonymous: boolean;
  /** Goes up after every change, so the list is read again. */
  version: number;
  /** A participant's answers were saved: say so, and read the summary again. */
  answered(message: string): void;
}

/**
 * Everyone signed in to the session, with whether they have answered; for
 * someone who has not, "Answer on this laptop" opens the questions here.
 * When the course asks questions before the session, the same for those:
 * for someone the facilitator signed in, who never saw the kiosk's.
 */
export function Respondents({ sessionId, template, anonymous, version, answered }: RespondentsProps) {
  const people = useAsync(() => call('evaluations.respondents', { sessionId }), [sessionId, version]);
  const [answering, setAnswering] = useState<{ person: Respondent; moment: 'before' | 'after' } | null>(null);
  const asksBefore = questionsAt(template.items, 'before').length > 0;
  // A viewer on the office server sees who has answered, with no button to answer for them: the core would refuse it.
  const mayAnswer = useMayCall('evaluations.submit');
  /**
   * The person whose button opened the form: focus goes back to their row when
   * it closes. After a save, only once the list read again (not `stale`) shows them as answered.
   */
  const returnTo = useRef<{ personId: string; stale?: unknown } | null>(null);
  const list = useRef<HTMLTableElement>(null);

  useEffect(() => {
    const target = returnTo.current;
    if (answering || !target || (target.stale !== undefined && target.stale === people.data)) return;
    returnTo.current = null;
    (list.current?.querySelector<HTMLElement>(`[data-person="${target.personId}"]`) ?? list.current?.querySelector<HTMLElement>(`[data-before="${target.personId}"]`))?.focus();
  }, [answering, people.data]);

  const close = () => setAnswering(null);

  return (
    <>
      {people.status === 'failed' && <LoadFailed message={people.message} />}
      {people.data === undefined && people.status === 'loading' && <Loading what="the people signed in" />}
      {people.data?.length === 0 && <p className="empty">No one is signed in to this session yet.</p>}
      {people.data && people.data.length > 0 && (
        <table className="table eval-people" ref={list}>
          <caption className="visually-hidden">People signed in, and whether they have answered</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {asksBefore && <th scope="col">Before the session</th>}
              <th scope="col">Evaluation</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <tr key={person.personId}>
                <th scope="row">{person.name}</th>
                {asksBefore && (
                  <td>
                    {person.answeredBefore ? (
                      <span className="tag tag--completed" data-before={person.personId} tabIndex={-1}>
                        Answered
                      </span>
                    ) : person.responded ? (
                      <span className="muted">Not given</span>
                    ) : !mayAnswer ? (
                      <span className="muted">Not yet</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        data-before={person.personId}
                        aria-expanded={answering?.person.personId === person.personId && answering.moment === 'before'}
                        onClick={() => {
                          returnTo.current = { personId: person.personId };
                          setAnswering({ person, moment: 'before' });
                        }}
                      >
                        Answer the before questions on this laptop<span className="visually-hidden"> for {person.name}</span>
                      </button>
                    )}
                  </td>
                )}
                <td>
                  {person.responded ? (
                    <span className="tag tag--completed" data-person={person.personId} tabIndex={-1}>
                      Answered
                    </span>
                  ) : !mayAnswer ? (
                    <span className="muted">Not yet</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary"
                      data-person={person.personId}
                      aria-expanded={answering?.person.personId === person.personId && answering.moment === 'after'}
                      onClick={() => {
                        returnTo.current = { personId: person.personId };
                        setAnswering({ person, moment: 'after' });
                      }}
                    >
                      Answer on this laptop<span className="visually-hidden"> for {person.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {answering && (
        <AnswerForm
          key={`${answering.person.personId}-${answering.moment}`}
          sessionId={sessionId}
          person={answering.person}
          template={template}
          anonymous={anonymous}
          moment={answering.moment}
          done={(message) => {
            returnTo.current = { personId: answering.person.personId, stale: people.data };
            close();
            answered(message);
          }}
          cancel={close}
        />
      )}
    </>
  );
}
