import type { EvaluationItem, EvaluationMoment, KioskLanguage, LocalisedText } from '../../../../../shared/contract';
import { controlId, isRating, pairOf, textIn, type DraftAnswer, type Gap } from './answers';
import { Choice, QuestionError, RatingScale } from './RatingScale';
import { gapKeys, useWords } from './words';
import '../../../styles/evaluation.css';

export interface QuestionProps {
  item: EvaluationItem;
  value: DraftAnswer;
  onChange(value: DraftAnswer): void;
  /** What is missing, shown once the person has tried to go on without it. */
  gap: Gap | null;
  /** The core's words about this answer, shown instead of the gap's. */
  problem?: string;
  language: KioskLanguage;
  /** Start of every id, unique on the page: "kiosk-q", "staff-q". */
  idPrefix: string;
  /** When it is asked; after unless said. */
  moment?: EvaluationMoment;
}

/**
 * The hint under a rating: after the session, how much it helped; before it,
 * how much they know now. Confidence asked alone (before the session or at
 * the follow-up, an "outcome" with no outcome) needs none: its words say it.
 */
function ratingHint(item: Extract<EvaluationItem, { kind: 'outcome_rating' }>, moment: EvaluationMoment, t: (key: string) => string): string | undefined {
  if (item.outcomeId === '') return undefined;
  return moment === 'before' ? t('kiosk.before.outcomeHint') : t('kiosk.evaluation.outcomeHint');
}

/**
 * Template words in the reader's language (or English, said with an English
 * voice). <bdi> keeps an English fallback's punctuation in place on an Arabic page.
 */
export function ItemText({ text, language, optional }: { text: LocalisedText; language: KioskLanguage; optional?: boolean }) {
  const t = useWords(language);
  const shown = textIn(text, language);
  return (
    <>
      <bdi lang={shown.lang}>{shown.text}</bdi>
      {optional && <span className="eval-question__optional"> {t('kiosk.evaluation.optional')}</span>}
    </>
  );
}

/** The control to put focus on when an item still needs an answer: the first empty part. */
export function focusTargetId(item: EvaluationItem, idPrefix: string, value: DraftAnswer): string {
  const name = controlId(idPrefix, item.id);
  switch (item.kind) {
    case 'outcome_rating':
      return `${name}-1`;
    case 'confidence_pair':
      return isRating(pairOf(value).before) ? `${name}-after-1` : `${name}-before-1`;
    case 'free_text':
      return name;
    case 'single_choice':
      return `${name}-0`;
  }
}

function FreeText({ item, value, onChange, gap, problem, language, idPrefix }: QuestionProps & { item: Extract<EvaluationItem, { kind: 'free_text' }> }) {
  const t = useWords(language);
  const id = controlId(idPrefix, item.id);
  const error = problem ?? (gap ? t(gapKeys[gap]) : undefined);
  return (
    <div className={error ? 'eval-question eval-question--error' : 'eval-question'}>
      <label className="eval-question__legend" htmlFor={id}>
        <ItemText text={item.text} language={language} optional={item.optional} />
      </label>
      <p className="eval-question__hint" id={`${id}-hint`}>
        {t('kiosk.evaluation.textHint')}
      </p>
      {error && <QuestionError id={`${id}-error`} message={error} language={language} />}
      <textarea
        id={id}
        className="eval-textarea"
        rows={5}
        maxLength={2000}
        dir="auto"
        value={typeof value === 'string' ? value : ''}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function SingleChoice({ item, value, onChange, gap, problem, language, idPrefix }: QuestionProps & { item: Extract<EvaluationItem, { kind: 'single_choice' }> }) {
  const t = useWords(language);
  const name = controlId(idPrefix, item.id);
  const error = problem ?? (gap ? t(gapKeys[gap]) : undefined);
  return (
    <fieldset
      className={error ? 'eval-question eval-question--error' : 'eval-question'}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="eval-question__legend">
        <ItemText text={item.text} language={language} optional={item.optional} />
      </legend>
      {error && <QuestionError id={`${name}-error`} message={error} language={language} />}
      <div className="eval-options">
        {item.options.map((option, index) => (
          <Choice key={option.id} id={`${name}-${index}`} name={name} checked={value === option.id} onChoose={() => onChange(option.id)}>
            <ItemText text={option.text} language={language} />
          </Choice>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * One evaluation item, the same at the kiosk and on the facilitator's
 * laptop: a rating of a learning outcome, confidence before and now, a
 * written answer, or one choice from a list.
 */
export function Question(props: QuestionProps) {
  const { item, value, onChange, gap, problem, language, idPrefix, moment = 'after' } = props;
  const t = useWords(language);
  const name = controlId(idPrefix, item.id);
  switch (item.kind) {
    case 'outcome_rating':
      return (
        <RatingScale
          name={name}
          legend={<ItemText text={item.text} language={language} optional={item.optional} />}
          hint={ratingHint(item, moment, t)}
          value={isRating(value) ? value : undefined}
          onChange={onChange}
          error={problem ?? (gap ? t(gapKeys[gap]) : undefined)}
          language={language}
        />
      );
    case 'confidence_pair': {
      const pair = pairOf(value);
      const missing = (part: 'before' | 'after') => {
        if (problem) return part === 'before' ? problem : undefined;
        return gap && !isRating(pair[part]) ? t(gapKeys[gap]) : undefined;
      };
      return (
        <div className="eval-pair">
          {(['before', 'after'] as const).map((part) => (
            <RatingScale
              key={part}
              name={`${name}-${part}`}
              legend={<ItemText text={item[part]} language={language} optional={item.optional} />}
              value={pair[part]}
              onChange={(rating) => onChange({ ...pair, [part]: rating })}
              error={missing(part)}
              language={language}
            />
          ))}
        </div>
      );
    }
    case 'free_text':
      return <FreeText {...props} item={item} />;
    case 'single_choice':
      return <SingleChoice {...props} item={item} />;
  }
}
