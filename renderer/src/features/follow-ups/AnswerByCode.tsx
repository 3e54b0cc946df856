import { useState, type FormEvent } from 'react';
import { PREFER_NOT_TO_SAY, followUpCodeForReading, type Answer, type CodeFound, type EvaluationItem } from '../../../../shared/contract';
import { dayAndTime } from '../../../../shared/words-for-days';
import { ApiError, call } from '../../api/client';
import { plural } from '../../components/format';
import { Page } from '../../components/Page';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';

const questionText = (item: EvaluationItem) => (item.kind === 'confidence_pair' ? item.after.en : item.text.en);

/** One follow-up question: a rating from 1 to 5, one of its answers, or text. */
function QuestionField({ item, value, problem, change }: { item: EvaluationItem; value: string; problem?: string; change(value: string): void }) {
  const id = `question-${item.id}`;
  return (
    <div className={problem ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {questionText(item)}
        {item.optional ? ' (optional)' : ''}
      </label>
      {problem && (
        <p className="field__error" id={`${id}-error`}>
          {problem}
        </p>
      )}
      {item.kind === 'free_text' ? (
        <textarea id={id} className="textarea" value={value} onChange={(event) => change(event.target.value)} rows={3} />
      ) : (
        <select id={id} className="select" value={value} onChange={(event) => change(event.target.value)}>
          <option value="">Not answered</option>
          {item.kind === 'single_choice'
            ? item.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.text.en}
                </option>
              ))
            : [1, 2, 3, 4, 5].map((rating) => (
                <option key={rating} value={String(rating)}>
                  {rating}
                </option>
              ))}
          {item.kind !== 'single_choice' && <option value={PREFER_NOT_TO_SAY}>Prefer not to say</option>}
        </select>
      )}
    </div>
  );
}

function answerOf(item: EvaluationItem, value: string): Answer | undefined {
  if (value === '') return undefined;
  if (item.kind === 'free_text' || item.kind === 'single_choice' || value === PREFER_NOT_TO_SAY) return value;
  return Number(value);
}

/**
 * A follow-up's answers typed in at the office: the coordinator enters the
 * person's code (from a printed form, an email or a call), sees whose it is
 * and the questions they were sent, and enters the answers. A code answers once.
 */
export function AnswerByCode() {
  const [codeText, setCodeText] = useState('');
  const [found, setFound] = useState<CodeFound | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(null);
    try {
      setFound(await call('followUps.findCode', { code: codeText }));
      setValues({});
      setProblems({});
    } catch (error) {
      setFound(null);
      setProblem(problemText(error, 'The code could not be checked.'));
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!found) return;
    setProblem(null);
    const answers: Record<string, Answer> = {};
    for (const item of found.questions) {
      const answer = answerOf(item, values[item.id] ?? '');
      if (answer !== undefined) answers[item.id] = answer;
    }
    try {
      const result = await call('followUps.answer', { code: found.code, answers });
      setSaved(
        `Saved ${result.name}’s follow-up answers for ${result.courseTitle} on ${dayAndTime(result.startsAt)}. That session now has ${plural(result.followUpAnswers, 'follow-up answer')}.`,
      );
      setFound(null);
      setCodeText('');
    } catch (error) {
      setProblems(error instanceof ApiError ? (error.fields ?? {}) : {});
      setProblem(problemText(error, 'Nothing was saved.'));
    }
  };

  return (
    <Page title="Enter follow-up answers">
      {saved && (
        <div className="notice notice--success" role="status">
          <p>{saved}</p>
        </div>
      )}
      <form noValidate onSubmit={(event) => void find(event)}>
        <div className="field">
          <label className="field__label" htmlFor="follow-up-code">
            Follow-up code
          </label>
          <p className="field__hint">8 letters and numbers, for example K7MP-3XQ9.</p>
          <input id="follow-up-code" className="input" value={codeText} autoComplete="off" onChange={(event) => setCodeText(event.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          Find the code
        </button>
      </form>
      <Refusal message={problem} />
      {found && (
        <form noValidate onSubmit={(event) => void save(event)}>
          <h2>
            {found.name}: {found.courseTitle}, {dayAndTime(found.startsAt)}, {found.venueName} (code {followUpCodeForReading(found.code)})
          </h2>
          {found.questions.map((item) => (
            <QuestionField
              key={item.id}
              item={item}
              value={values[item.id] ?? ''}
              problem={problems[item.id]}
              change={(value) => setValues((current) => ({ ...current, [item.id]: value }))}
            />
          ))}
          <button type="submit" className="button">
            Save the answers
          </button>
        </form>
      )}
    </Page>
  );
}
