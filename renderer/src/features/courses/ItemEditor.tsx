import { ErrorMessage } from '../../components/fields';
import type { FormApi } from '../../components/form';
import { evaluationMoments } from '../../../../shared/contract';
import { kindLabels, momentLabels, newOption, type DraftItem, type DraftText, type TemplateDraft } from './templateDraft';

/** The kiosk's languages, each named in English and in itself (said in its own voice). */
const languages = [
  { code: 'en', label: 'English', native: null, lang: 'en-GB', dir: 'ltr' },
  { code: 'ar', label: 'Arabic', native: 'العربية', lang: 'ar', dir: 'rtl' },
  { code: 'pl', label: 'Polish', native: 'Polski', lang: 'pl', dir: 'ltr' },
] as const;

interface TextsProps {
  form: FormApi<TemplateDraft>;
  /** "items.2.text", for ids and error messages. */
  path: string;
  /** Stays with the item when it moves, so "visited" moves with it. */
  touchKey: string;
  legend: string;
  value: DraftText;
  onChange(value: DraftText): void;
}

/** One text in each kiosk language: English needed, Arabic and Polish shown instead of it when given. */
function Texts({ form, path, touchKey, legend, value, onChange }: TextsProps) {
  return (
    <fieldset className="field template-texts">
      <legend className="field__label">{legend}</legend>
      {languages.map((language) => {
        const field = `${path}.${language.code}`;
        const id = form.idFor(field);
        const error = form.errorFor(field, `${touchKey}.${language.code}`);
        return (
          <div key={language.code} className={error ? 'template-texts__row field--error' : 'template-texts__row'}>
            <label className="template-texts__label" htmlFor={id}>
              {language.label}
              {language.native && (
                <>
                  {' '}
                  (<span lang={language.lang}>{language.native}</span>)<span className="field__optional"> (optional)</span>
                </>
              )}
            </label>
            <ErrorMessage id={error ? `${id}-error` : undefined} message={error} />
            <input
              id={id}
              className="input"
              type="text"
              lang={language.lang}
              dir={language.dir}
              autoComplete="off"
              maxLength={500}
              value={value[language.code]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => onChange({ ...value, [language.code]: event.target.value })}
              onBlur={() => form.touch(`${touchKey}.${language.code}`)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** When the question is asked: one box per moment of the training cycle. */
function Moments({ form, item, path, change }: { form: FormApi<TemplateDraft>; item: DraftItem; path: string; change(item: DraftItem): void }) {
  const error = form.errorFor(`${path}.moments`, `${item.key}.moments`);
  const id = form.idFor(`${path}.moments`);
  return (
    <fieldset className={error ? 'field field--error' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">When it is asked</legend>
      <ErrorMessage id={error ? `${id}-error` : undefined} message={error} />
      {evaluationMoments.map((moment, at) => {
        const box = at === 0 ? id : `${id}-${moment}`;
        return (
          <div key={moment} className="checkbox">
            <input
              id={box}
              className="checkbox__input"
              type="checkbox"
              checked={item.moments.includes(moment)}
              onChange={(event) => {
                form.touch(`${item.key}.moments`);
                change({ ...item, moments: event.target.checked ? [...item.moments, moment] : item.moments.filter((chosen) => chosen !== moment) });
              }}
            />
            <label className="checkbox__label" htmlFor={box}>
              {momentLabels[moment]}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

interface ItemEditorProps {
  form: FormApi<TemplateDraft>;
  item: DraftItem;
  index: number;
  count: number;
  /** The learning outcome's words, for a rating (the course may have changed them since). */
  outcomeText?: string;
  change(item: DraftItem): void;
  move(by: -1 | 1): void;
  remove(): void;
}

/**
 * One question of the template: its words in each language, whether it can
 * be skipped, and moving or removing it. Focus targets carry `data-focus`
 * so the editor can put focus back after a move.
 */
export function ItemEditor({ form, item, index, count, outcomeText, change, move, remove }: ItemEditorProps) {
  const path = `items.${index}`;
  const name = `question ${index + 1}`;
  const which = <span className="visually-hidden"> {name}</span>;
  const optionsError = item.kind === 'single_choice' ? form.errorFor(`${path}.options`, `${item.key}.options`) : undefined;

  return (
    <li className="template-item">
      <fieldset className="template-item__fieldset">
        <legend className="template-item__legend">
          Question {index + 1}: {kindLabels[item.kind]}
        </legend>
        {item.kind === 'outcome_rating' && (
          <p className="field__hint">
            Rated from 1 (not at all) to 5 (very much){outcomeText ? `. Learning outcome: “${outcomeText}”` : ''}.
          </p>
        )}
        {item.kind === 'confidence_pair' ? (
          <>
            <p className="field__hint">
              Before the session and at the follow-up only the “Now” words are asked. At the end both are: the “Before today” one
              is a retrospective rating, shown apart in reports.
            </p>
            <Texts form={form} path={`${path}.before`} touchKey={`${item.key}.before`} legend="Before today (retrospective, asked at the end)" value={item.before} onChange={(before) => change({ ...item, before })} />
            <Texts form={form} path={`${path}.after`} touchKey={`${item.key}.after`} legend="Now" value={item.after} onChange={(after) => change({ ...item, after })} />
          </>
        ) : (
          <Texts form={form} path={`${path}.text`} touchKey={`${item.key}.text`} legend="Question" value={item.text} onChange={(text) => change({ ...item, text } as DraftItem)} />
        )}
        {item.kind === 'single_choice' && (
          <fieldset className={optionsError ? 'field field--error' : 'field'}>
            <legend className="field__label">Answers to choose from</legend>
            <ErrorMessage id={optionsError ? `${form.idFor(`${path}.options`)}-error` : undefined} message={optionsError} />
            <ol className="template-options">
              {item.options.map((option, at) => (
                <li key={option.key}>
                  <Texts
                    form={form}
                    path={`${path}.options.${at}.text`}
                    touchKey={`${option.key}.text`}
                    legend={`Answer ${at + 1}`}
                    value={option.text}
                    onChange={(text) => change({ ...item, options: item.options.map((line) => (line.key === option.key ? { ...line, text } : line)) })}
                  />
                  <button
                    type="button"
                    className="button button--warning"
                    data-focus={`${item.key}:option`}
                    onClick={() => change({ ...item, options: item.options.filter((line) => line.key !== option.key) })}
                  >
                    Remove answer {at + 1}
                    {which}
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              id={form.idFor(`${path}.options`)}
              className="button button--secondary"
              onClick={() => change({ ...item, options: [...item.options, newOption()] })}
            >
              Add an answer{which}
            </button>
          </fieldset>
        )}
        <Moments form={form} item={item} path={path} change={change} />
        <div className="checkbox">
          <input
            id={form.idFor(`${path}.optional`)}
            className="checkbox__input"
            type="checkbox"
            checked={item.optional}
            onChange={(event) => change({ ...item, optional: event.target.checked })}
          />
          <label className="checkbox__label" htmlFor={form.idFor(`${path}.optional`)}>
            Optional: people can skip it
          </label>
        </div>
        <div className="list-editor__buttons template-item__buttons">
          <button type="button" className="button button--secondary" data-focus={`${item.key}:up`} disabled={index === 0} onClick={() => move(-1)}>
            Move up{which}
          </button>
          <button type="button" className="button button--secondary" data-focus={`${item.key}:down`} disabled={index === count - 1} onClick={() => move(1)}>
            Move down{which}
          </button>
          <button type="button" className="button button--warning" data-focus={`${item.key}:remove`} onClick={remove}>
            Remove{which}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
