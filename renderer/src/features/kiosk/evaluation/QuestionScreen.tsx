import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem, EvaluationMoment, KioskLanguage } from '../../../../../shared/contract';
import { gapIn, type DraftAnswer } from '../../evaluation/questions/answers';
import { focusTargetId, Question } from '../../evaluation/questions/Question';
import { isTranslated } from '../../evaluation/questions/translated';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';

export const questionIdPrefix = 'kiosk-q';

interface QuestionScreenProps {
  item: EvaluationItem;
  /** 0-based place in the evaluation, and how many items there are. */
  index: number;
  total: number;
  value: DraftAnswer;
  onChange(value: DraftAnswer): void;
  language: KioskLanguage;
  /** Before the session, an outcome's rating asks what they know now rather than what the session gave them. */
  moment?: EvaluationMoment;
  /** On to the next item (or to "Check your answers"); `skip` clears this item's answer first. */
  next(): void;
  skip(): void;
  back(): void;
}

/**
 * One item per screen: "Question 2 of 6", the question, then Next. Enter on
 * a chosen answer is Next as well. A required item cannot be left empty: the
 * message says what is missing and focus goes to it. An optional one has
 * "Skip this question". Nothing is sent from here.
 */
export function QuestionScreen({ item, index, total, value, onChange, language, moment, next, skip, back }: QuestionScreenProps) {
  const { t } = useTranslation();
  /** Tries to go on with a gap: each one moves focus to what is missing, once its message is on screen. */
  const [tries, setTries] = useState(0);
  // Once shown, the message follows the answer: it goes as soon as the gap is filled.
  const gap = tries > 0 ? gapIn(item, value) : null;

  useEffect(() => {
    if (tries > 0) document.getElementById(focusTargetId(item, questionIdPrefix, value))?.focus();
    // Only a new try moves focus; choosing an answer must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (gapIn(item, value)) setTries((count) => count + 1);
    else next();
  };

  return (
    <KioskScreen title={t('kiosk.evaluation.progress', { number: index + 1, total })} className="kiosk-evaluation">
      <form noValidate onSubmit={submit}>
        {/* Said before the English words, in the reader's own language, so they know why the question changed language. */}
        {!isTranslated(item, language) && <p className="kiosk-note">{t('kiosk.evaluation.notTranslated')}</p>}
        <Question item={item} value={value} onChange={onChange} gap={gap} language={language} idPrefix={questionIdPrefix} moment={moment} />
        <KioskActions>
          <KioskButton type="submit">{t('kiosk.evaluation.next')}</KioskButton>
          {item.optional && (
            <KioskButton kind="secondary" onClick={skip}>
              {t('kiosk.evaluation.skip')}
            </KioskButton>
          )}
          <KioskButton kind="quiet" onClick={back}>
            {t('kiosk.actions.back')}
          </KioskButton>
        </KioskActions>
      </form>
    </KioskScreen>
  );
}
