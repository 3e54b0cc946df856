import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PREFER_NOT_TO_SAY, type EvaluationItem, type KioskLanguage, type LocalisedText } from '../../../../../shared/contract';
import { answered, isRating, pairOf, textIn, type Draft, type DraftAnswer } from '../../evaluation/questions/answers';
import { ItemText } from '../../evaluation/questions/Question';
import { scaleKeys } from '../../evaluation/questions/words';
import { KioskActions, KioskAlert, KioskButton, KioskScreen } from '../KioskScreen';

interface CheckAnswersProps {
  items: readonly EvaluationItem[];
  draft: Draft;
  language: KioskLanguage;
  /** Items the core asked the participant to look at again. */
  flagged: readonly string[];
  sending: boolean;
  send(): void;
  change(index: number): void;
  back(): void;
}

/** "4 – Quite a lot", "Prefer not to say", or "Not answered". */
function ratingWords(value: unknown, t: TFunction): string {
  if (value === PREFER_NOT_TO_SAY) return t('kiosk.evaluation.scale.preferNot');
  if (typeof value === 'number' && isRating(value)) return `${value} – ${t(scaleKeys[value - 1]!)}`;
  return t('kiosk.evaluation.check.notAnswered');
}

/** One question and its answer as the participant gave it; `answerLang` when the answer is an English fallback. */
function Answer({ question, answer, language, answerLang }: { question: LocalisedText; answer: string; language: KioskLanguage; answerLang?: string }) {
  return (
    <>
      <p className="eval-check__question">
        <ItemText text={question} language={language} />
      </p>
      <p className="eval-check__answer" dir="auto" lang={answerLang}>
        {answer}
      </p>
    </>
  );
}

function ItemAnswers({ item, value, language, t }: { item: EvaluationItem; value: DraftAnswer; language: KioskLanguage; t: TFunction }) {
  const notAnswered = t('kiosk.evaluation.check.notAnswered');
  switch (item.kind) {
    case 'outcome_rating':
      return <Answer question={item.text} answer={ratingWords(value, t)} language={language} />;
    case 'confidence_pair': {
      const pair = pairOf(value);
      return (
        <>
          <Answer question={item.before} answer={ratingWords(pair.before, t)} language={language} />
          <Answer question={item.after} answer={ratingWords(pair.after, t)} language={language} />
        </>
      );
    }
    case 'free_text':
      return <Answer question={item.text} answer={answered(item, value) ? String(value).trim() : notAnswered} language={language} />;
    case 'single_choice': {
      const option = item.options.find((candidate) => candidate.id === value);
      const shown = option ? textIn(option.text, language) : { text: notAnswered };
      return <Answer question={item.text} answer={shown.text} answerLang={shown.lang} language={language} />;
    }
  }
}

/**
 * Every answer before anything is sent, each with "Change". The answers are
 * sent from here in one call; until then nothing is stored.
 */
export function CheckAnswers({ items, draft, language, flagged, sending, send, change, back }: CheckAnswersProps) {
  const { t } = useTranslation();
  return (
    <KioskScreen title={t('kiosk.evaluation.check.title')} className="kiosk-evaluation">
      <p className="kiosk-lead">{t('kiosk.evaluation.check.intro')}</p>
      {flagged.length > 0 && <KioskAlert>{t('kiosk.evaluation.check.recheckAll')}</KioskAlert>}
      <ol className="eval-check">
        {items.map((item, index) => {
          const marked = flagged.includes(item.id);
          return (
            <li key={item.id} className={marked ? 'eval-check__item eval-check__item--error' : 'eval-check__item'}>
              <div className="eval-check__answers">
                {marked && <p className="kiosk-field__error">{t('kiosk.evaluation.check.recheck')}</p>}
                <ItemAnswers item={item} value={draft[item.id]} language={language} t={t} />
              </div>
              <KioskButton kind="secondary" onClick={() => change(index)}>
                {t('kiosk.evaluation.check.change')}
                <span className="visually-hidden"> {t('kiosk.evaluation.check.changeWhich', { number: index + 1 })}</span>
              </KioskButton>
            </li>
          );
        })}
      </ol>
      <p className="kiosk-sending" role="status">
        {sending ? t('kiosk.evaluation.sending') : ''}
      </p>
      <KioskActions>
        <KioskButton busy={sending} onClick={send}>
          {t('kiosk.evaluation.check.send')}
        </KioskButton>
        <KioskButton kind="quiet" busy={sending} onClick={back}>
          {t('kiosk.actions.back')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
