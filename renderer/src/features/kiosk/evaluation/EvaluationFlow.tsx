import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationTemplate, ProcedureOutput } from '../../../../../shared/contract';
import { questionsAt } from '../../../../../shared/evaluation-moments';
import { call } from '../../../api/client';
import { isolate, languageOf } from '../../../i18n';
import type { FlowProps } from '../flows';
import { KioskScreen } from '../KioskScreen';
import { Confirm } from '../signin/Confirm';
import { FindName } from '../signin/FindName';
import { Outcome } from '../signin/Outcome';
import { useNameSearch } from '../signin/useNameSearch';
import { AnswerQuestions } from './AnswerQuestions';
import { problemKeys, problemOf, type EvaluationProblem } from './problems';
import '../signin/sign-in.css';
import '../../../styles/evaluation.css';
import './evaluation-kiosk.css';

type Match = ProcedureOutput<'kioskEvaluation.find'>[number];

type Step =
  | { name: 'find' }
  | { name: 'confirm'; match: Match }
  | { name: 'answering'; match: Match }
  | { name: 'done'; firstName: string }
  | { name: 'problem'; problem: EvaluationProblem };

const searchSignedIn = (query: string) => call('kioskEvaluation.find', { query });

/** The questions for the kiosk's session, read afresh for each participant; or why they cannot be had. */
function useTemplate(): { template: EvaluationTemplate | null; problem: EvaluationProblem | null } {
  const [state, setState] = useState<{ template: EvaluationTemplate | null; problem: EvaluationProblem | null }>({
    template: null,
    problem: null,
  });
  useEffect(() => {
    let live = true;
    call('kioskEvaluation.template', {}).then(
      (template) => live && setState({ template, problem: null }),
      (error: unknown) => {
        const outcome = problemOf(error, []);
        if (live) setState({ template: null, problem: 'problem' in outcome ? outcome.problem : 'generic' });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * The evaluation at the kiosk, at the end of a session:
 * find your name (only people signed in; someone who has answered is shown
 * as done) → is this you? → the questions, one per screen → check your
 * answers → thank you. The answers live only in this component until "Send
 * my answers", so going back, walking away or the idle restart (which throws
 * this component away) stores nothing.
 */
export function EvaluationFlow({ finish, back }: FlowProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.resolvedLanguage).code;
  const { template, problem: templateProblem } = useTemplate();
  const names = useNameSearch(searchSignedIn);
  const [step, setStep] = useState<Step>({ name: 'find' });

  // The end-of-session questions: not those asked only before the session or at the follow-up.
  const items = template ? questionsAt(template.items, 'after') : [];

  switch (step.name) {
    case 'find':
      return (
        <FindName
          query={names.query}
          search={names.search}
          type={names.setQuery}
          choose={(match) => setStep({ name: 'confirm', match })}
          back={back}
          hint={t('kiosk.evaluation.find.hint')}
          none={t('kiosk.evaluation.find.none')}
          done={(match) => (match.responded ? t('kiosk.evaluation.find.answered') : null)}
        />
      );
    case 'confirm':
      return <Confirm label={step.match.label} yes={() => setStep({ name: 'answering', match: step.match })} no={() => setStep({ name: 'find' })} />;
    case 'answering': {
      if (templateProblem) return <Problem problem={templateProblem} finish={finish} />;
      if (!template || items.length === 0) {
        return (
          <KioskScreen title={t('kiosk.evaluation.loading')}>
            <p className="kiosk-lead">{t('kiosk.evaluation.loadingText')}</p>
          </KioskScreen>
        );
      }
      const { match } = step;
      return (
        <AnswerQuestions
          items={items}
          language={language}
          submit={async (answers) => {
            const { firstName } = await call('kioskEvaluation.submit', { personId: match.personId, templateId: template.id, answers, language });
            setStep({ name: 'done', firstName });
          }}
          leave={() => setStep({ name: 'confirm', match })}
          refused={(problem) => setStep({ name: 'problem', problem })}
        />
      );
    }
    case 'done':
      return (
        <Outcome title={t('kiosk.evaluation.done.title', { name: isolate(step.firstName) })} finish={finish}>
          <p className="kiosk-lead">{t('kiosk.evaluation.done.text')}</p>
          <p className="kiosk-muted">{t('kiosk.done.returning')}</p>
        </Outcome>
      );
    case 'problem':
      return <Problem problem={step.problem} finish={finish} />;
  }
}

/** Nothing was stored: why, and what to do, in the participant's language. */
function Problem({ problem, finish }: { problem: EvaluationProblem; finish(): void }) {
  const { t } = useTranslation();
  return (
    <Outcome title={t(problemKeys[problem].title)} finish={finish}>
      <p className="kiosk-lead">{t(problemKeys[problem].text)}</p>
    </Outcome>
  );
}
