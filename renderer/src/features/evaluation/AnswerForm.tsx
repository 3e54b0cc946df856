import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EvaluationTemplate } from '../../../../shared/contract';
import { questionsAt } from '../../../../shared/evaluation-moments';
import { ApiError, call } from '../../api/client';
import { controlId, gapIn, toAnswers, type Draft } from './questions/answers';
import { focusTargetId, Question } from './questions/Question';
import { gapKeys, useWords } from './questions/words';

const idPrefix = 'staff-q';

interface AnswerFormProps {
  sessionId: string;
  person: { personId: string; name: string };
  template: EvaluationTemplate;
  anonymous: boolean;
  /** The before questions (for someone the facilitator signed in) or the end-of-session ones. */
  moment: 'before' | 'after';
  done(message: string): void;
  cancel(): void;
}

interface Problem {
  message: string;
  /** The control a link in the summary moves focus to. */
  targetId?: string;
}

/**
 * A participant answers on the facilitator's laptop: the kiosk's own
 * questions (those before the session, or those at its end), all on one
 * page, in English. Checked as the kiosk checks each
 * screen; nothing is stored until "Save answers".
 */
export function AnswerForm({ sessionId, person, template, anonymous, moment, done, cancel }: AnswerFormProps) {
  const t = useWords('en');
  const items = questionsAt(template.items, moment);
  const [draft, setDraft] = useState<Draft>({});
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<{ fields: Record<string, string>; message: string | null }>({ fields: {}, message: null });
  const [saving, setSaving] = useState(false);
  const [failures, setFailures] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failures > 0) summary.current?.focus();
  }, [failures]);

  const gaps = items.map((item) => (tried ? gapIn(item, draft[item.id]) : null));
  const problems: Problem[] = items.flatMap((item, index) => {
    const message = server.fields[item.id] ?? (gaps[index] ? t(gapKeys[gaps[index]]) : undefined);
    return message ? [{ message: `Question ${index + 1}: ${message}`, targetId: focusTargetId(item, idPrefix, draft[item.id]) }] : [];
  });
  if (problems.length === 0 && server.message) problems.push({ message: server.message });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setTried(true);
    setServer({ fields: {}, message: null });
    if (items.some((item) => gapIn(item, draft[item.id]))) return setFailures((count) => count + 1);
    setSaving(true);
    try {
      await call('evaluations.submit', {
        sessionId,
        personId: person.personId,
        templateId: template.id,
        answers: toAnswers(items, draft),
        language: 'en',
        moment,
      });
      done(moment === 'before' ? `${person.name}’s answers before the session are saved.` : `${person.name}’s answers are saved.`);
    } catch (error) {
      const fields =
        error instanceof ApiError
          ? Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field.replace(/^answers\./, '').split('.')[0]!, message]))
          : {};
      const message = error instanceof ApiError ? error.message : 'Something went wrong and nothing was saved. Please try again.';
      setServer({ fields, message });
      setFailures((count) => count + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="eval-answer" aria-labelledby="eval-answer-title">
      <h3 id="eval-answer-title" ref={heading} tabIndex={-1}>
        {moment === 'before' ? `Answers before the session from ${person.name}` : `Answers from ${person.name}`}
      </h3>
      <p>
        Hand the laptop to {person.name}. {anonymous ? 'Their answers are anonymous: nothing links them to their name.' : 'Their answers are kept with their name.'}{' '}
        Questions marked “(optional)” can be left out.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {problems.length > 0 && (
          <div className="error-summary" ref={summary} tabIndex={-1} aria-labelledby="eval-answer-problems">
            <h4 className="error-summary__title" id="eval-answer-problems">
              There is a problem
            </h4>
            <p>Nothing has been saved yet. Please check:</p>
            <ul className="error-summary__list">
              {problems.map((problem) => (
                <li key={problem.message}>
                  {problem.targetId ? (
                    <a
                      href={`#${problem.targetId}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(problem.targetId!)?.focus();
                      }}
                    >
                      {problem.message}
                    </a>
                  ) : (
                    problem.message
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ol className="eval-answer__items">
          {items.map((item, index) => (
            <li key={item.id} id={controlId(idPrefix, item.id, 'item')}>
              <p className="eval-answer__number">Question {index + 1}</p>
              <Question
                item={item}
                value={draft[item.id]}
                onChange={(value) => setDraft((previous) => ({ ...previous, [item.id]: value }))}
                gap={gaps[index] ?? null}
                problem={server.fields[item.id]}
                language="en"
                idPrefix={idPrefix}
                moment={moment}
              />
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : 'Save answers'}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
