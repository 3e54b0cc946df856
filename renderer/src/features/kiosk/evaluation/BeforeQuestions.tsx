import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem, EvaluationTemplate } from '../../../../../shared/contract';
import { questionsAt } from '../../../../../shared/evaluation-moments';
import { call } from '../../../api/client';
import { isolate, languageOf } from '../../../i18n';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';
import { outcomeMs } from '../timing';
import { Done, Outcome } from '../signin/Outcome';
import { AnswerQuestions } from './AnswerQuestions';
import { problemKeys, type EvaluationProblem } from './problems';
import '../../../styles/evaluation.css';
import './evaluation-kiosk.css';

type Step =
  | { name: 'loading' }
  | { name: 'offer' }
  | { name: 'answering' }
  | { name: 'skipped' }
  | { name: 'done' }
  | { name: 'problem'; problem: EvaluationProblem };

interface BeforeQuestionsProps {
  personId: string;
  firstName: string;
  finish(): void;
}

/**
 * Right after signing in: "You are signed in" and, when the course asks
 * questions before the session and this person has not answered them, the
 * offer to answer them now, in the language chosen at the start, one per
 * screen as at the end-of-session evaluation. Finish, or walking away,
 * stores nothing, and they are signed in all the same. Someone with nothing
 * to answer sees the usual "You are signed in".
 */
export function BeforeQuestions({ personId, firstName, finish }: BeforeQuestionsProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.resolvedLanguage).code;
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const [template, setTemplate] = useState<EvaluationTemplate | null>(null);
  const [items, setItems] = useState<EvaluationItem[]>([]);

  useEffect(() => {
    let live = true;
    call('kioskEvaluation.beforeQuestions', { personId }).then(
      (found) => {
        if (!live) return;
        const asked = questionsAt(found.template.items, 'before');
        setTemplate(found.template);
        setItems(asked);
        setStep(found.open && asked.length > 0 ? { name: 'offer' } : { name: 'skipped' });
      },
      // Signed in is what matters here: without the questions, say so and go on.
      () => live && setStep({ name: 'skipped' }),
    );
    return () => {
      live = false;
    };
  }, [personId]);

  switch (step.name) {
    case 'loading':
      return (
        <KioskScreen title={t('kiosk.done.title', { name: isolate(firstName) })}>
          <p className="kiosk-lead">{t('kiosk.evaluation.loadingText')}</p>
        </KioskScreen>
      );
    case 'skipped':
      return <Done firstName={firstName} waitlistPosition={null} finish={finish} />;
    case 'offer':
      return <Offer firstName={firstName} count={items.length} start={() => setStep({ name: 'answering' })} finish={finish} />;
    case 'answering':
      return (
        <AnswerQuestions
          items={items}
          language={language}
          moment="before"
          submit={async (answers) => {
            await call('kioskEvaluation.submitBefore', { personId, templateId: template!.id, answers, language });
            setStep({ name: 'done' });
          }}
          leave={() => setStep({ name: 'offer' })}
          refused={(problem) => setStep({ name: 'problem', problem })}
        />
      );
    case 'done':
      return (
        <Outcome title={t('kiosk.evaluation.done.title', { name: isolate(firstName) })} finish={finish}>
          <p className="kiosk-lead">{t('kiosk.evaluation.done.text')}</p>
          <p className="kiosk-lead">{t('kiosk.done.seat')}</p>
          <p className="kiosk-muted">{t('kiosk.done.returning')}</p>
        </Outcome>
      );
    case 'problem':
      return (
        <Outcome title={t(problemKeys[step.problem].title)} finish={finish}>
          <p className="kiosk-lead">{t(problemKeys[step.problem].text)}</p>
          <p className="kiosk-lead">{t('kiosk.before.stillSignedIn')}</p>
        </Outcome>
      );
  }
}

/**
 * "You are signed in", with the offer of the before questions. Like the
 * signed-in screen it goes back to the welcome by itself after a few seconds,
 * unless the person starts using it (a key or a touch): then it waits, and
 * the kiosk's idle restart clears it if they walk away. Finish is the way
 * past the questions.
 */
function Offer({ firstName, count, start, finish }: { firstName: string; count: number; start(): void; finish(): void }) {
  const { t } = useTranslation();
  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    if (engaged) return;
    const engage = () => setEngaged(true);
    const timer = window.setTimeout(finish, outcomeMs());
    window.addEventListener('keydown', engage);
    window.addEventListener('pointerdown', engage);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', engage);
      window.removeEventListener('pointerdown', engage);
    };
  }, [engaged, finish]);
  return (
    <KioskScreen title={t('kiosk.done.title', { name: isolate(firstName) })} className="kiosk-outcome">
      <p className="kiosk-lead">{t('kiosk.done.seat')}</p>
      <p className="kiosk-lead">{t('kiosk.before.offer', { count })}</p>
      <p className="kiosk-muted">{t('kiosk.before.why')}</p>
      <KioskActions>
        <KioskButton onClick={start}>{t('kiosk.before.start')}</KioskButton>
        <KioskButton kind="secondary" onClick={finish}>
          {t('kiosk.actions.finish')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
