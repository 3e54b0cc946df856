import { useState } from 'react';
import type { EvaluationItem, EvaluationMoment, KioskLanguage } from '../../../../../shared/contract';
import { toAnswers, type Draft } from '../../evaluation/questions/answers';
import { CheckAnswers } from './CheckAnswers';
import { problemOf, type EvaluationProblem } from './problems';
import { QuestionScreen } from './QuestionScreen';

type Answers = ReturnType<typeof toAnswers>;

/** `fromCheck`: changing one answer from "Check your answers", so Next goes straight back there. */
type Step = { name: 'question'; index: number; fromCheck: boolean } | { name: 'check' };

interface AnswerQuestionsProps {
  items: EvaluationItem[];
  language: KioskLanguage;
  /** Which moment the questions are asked at, for their wording ("before the session"). */
  moment?: EvaluationMoment;
  /** Stores the answers; rejects with the core's refusal. */
  submit(answers: Answers): Promise<void>;
  /** Back from the first question. */
  leave(): void;
  /** The core refused for a reason other than answers to look at again. */
  refused(problem: EvaluationProblem): void;
}

/**
 * The questions one per screen, then "Check your answers" and send: the same
 * steps at the end of the session and before it. The answers live only in
 * this component until they are sent, so leaving (or the idle restart, which
 * throws it away) stores nothing and the next person starts from nothing.
 * A refusal that names answers (a required one missing) goes back to the
 * check with those answers marked.
 */
export function AnswerQuestions({ items, language, moment, submit, leave, refused }: AnswerQuestionsProps) {
  const [step, setStep] = useState<Step>({ name: 'question', index: 0, fromCheck: false });
  const [draft, setDraft] = useState<Draft>({});
  const [flagged, setFlagged] = useState<string[]>([]);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (sending) return;
    setSending(true);
    try {
      await submit(toAnswers(items, draft));
    } catch (error) {
      const outcome = problemOf(error, items);
      if ('recheck' in outcome) {
        setFlagged(outcome.recheck);
        setStep({ name: 'check' });
      } else {
        refused(outcome.problem);
      }
    } finally {
      setSending(false);
    }
  };

  if (step.name === 'check') {
    return (
      <CheckAnswers
        items={items}
        draft={draft}
        language={language}
        flagged={flagged}
        sending={sending}
        send={() => void send()}
        change={(index) => setStep({ name: 'question', index, fromCheck: true })}
        back={() => setStep({ name: 'question', index: items.length - 1, fromCheck: false })}
      />
    );
  }
  const item = items[step.index]!;
  const last = step.index === items.length - 1;
  const next = () => setStep(step.fromCheck || last ? { name: 'check' } : { name: 'question', index: step.index + 1, fromCheck: false });
  return (
    <QuestionScreen
      key={step.index}
      item={item}
      index={step.index}
      total={items.length}
      value={draft[item.id]}
      moment={moment}
      onChange={(value) => {
        setDraft((previous) => ({ ...previous, [item.id]: value }));
        setFlagged((previous) => previous.filter((id) => id !== item.id));
      }}
      language={language}
      next={next}
      skip={() => {
        setDraft((previous) => ({ ...previous, [item.id]: undefined }));
        next();
      }}
      back={() => {
        if (step.fromCheck) setStep({ name: 'check' });
        else if (step.index === 0) leave();
        else setStep({ name: 'question', index: step.index - 1, fromCheck: false });
      }}
    />
  );
}
