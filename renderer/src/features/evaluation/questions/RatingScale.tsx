import type { ReactNode } from 'react';
import { PREFER_NOT_TO_SAY, type KioskLanguage } from '../../../../../shared/contract';
import { points, type Rating } from './answers';
import { scaleKeys, useWords } from './words';

/** A question's problem, linked to its controls; "Error:" is read out before it. */
export function QuestionError({ id, message, language }: { id: string; message: string; language: KioskLanguage }) {
  const t = useWords(language);
  return (
    <p className="eval-question__error" id={id}>
      <span className="visually-hidden">{t('kiosk.add.errorPrefix')} </span>
      {message}
    </p>
  );
}

/** One answer: the whole box is the target, and shows focus and the choice. */
export function Choice({
  id,
  name,
  checked,
  onChoose,
  children,
  className,
}: {
  id: string;
  name: string;
  checked: boolean;
  onChoose(): void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ? `eval-choice ${className}` : 'eval-choice'}>
      <input id={id} className="eval-choice__input" type="radio" name={name} checked={checked} onChange={onChoose} />
      <label className="eval-choice__label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}

interface RatingScaleProps {
  /** The radios' name and the start of every id in the group. */
  name: string;
  legend: ReactNode;
  hint?: string;
  value: Rating | undefined;
  onChange(value: Rating): void;
  error?: string;
  language: KioskLanguage;
}

/**
 * 1 to 5 with words at each point, then "Prefer not to say", as one radio
 * group: Tab comes in at the chosen answer (or the first), arrow keys move
 * along and choose. The fieldset's legend is the question.
 */
export function RatingScale({ name, legend, hint, value, onChange, error, language }: RatingScaleProps) {
  const t = useWords(language);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className={error ? 'eval-question eval-question--error' : 'eval-question'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="eval-question__legend">{legend}</legend>
      {hint && (
        <p className="eval-question__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && error && <QuestionError id={errorId} message={error} language={language} />}
      <div className="eval-scale">
        {points.map((point, index) => (
          <Choice
            key={point}
            id={`${name}-${point}`}
            name={name}
            className="eval-choice--point"
            checked={value === point}
            onChoose={() => onChange(point)}
          >
            <span className="eval-scale__number">{point}</span> <span className="eval-scale__word">{t(scaleKeys[index]!)}</span>
          </Choice>
        ))}
      </div>
      <Choice
        id={`${name}-none`}
        name={name}
        className="eval-choice--other"
        checked={value === PREFER_NOT_TO_SAY}
        onChoose={() => onChange(PREFER_NOT_TO_SAY)}
      >
        {t('kiosk.evaluation.scale.preferNot')}
      </Choice>
    </fieldset>
  );
}
