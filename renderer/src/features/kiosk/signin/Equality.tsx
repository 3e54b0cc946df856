import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ethnicityGroups, type Ethnicity } from '../../../../../shared/contract';
import { KioskActions, KioskAlert, KioskButton, KioskScreen } from '../KioskScreen';

interface EqualityProps {
  sending: boolean;
  /** null: skipped. 'prefer-not-to-say' is an answer of its own, counted as such. */
  send(answer: Ethnicity | null): void;
  back(): void;
}

function Radio({ code, checked, choose }: { code: Ethnicity; checked: boolean; choose(code: Ethnicity): void }) {
  const { t } = useTranslation();
  const id = `kiosk-ethnicity-${code}`;
  return (
    <div className="kiosk-radio">
      <input
        id={id}
        className="kiosk-radio__input"
        type="radio"
        name="ethnicity"
        value={code}
        checked={checked}
        onChange={() => choose(code)}
      />
      <label className="kiosk-radio__label" htmlFor={id}>
        {t(`kiosk.equality.codes.${code}`)}
      </label>
    </div>
  );
}

/**
 * Step 4, optional: the 2021 census ethnic groups. One radio group (arrow keys
 * move through every answer), sub-grouped under the census's headings, with
 * "Prefer not to say" first and as large as any other answer. The sign-in is
 * sent from here, with the consent, in one call.
 */
export function Equality({ sending, send, back }: EqualityProps) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<Ethnicity | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (answer) send(answer);
    else setMissing(true);
  };
  const choose = (code: Ethnicity) => {
    setAnswer(code);
    setMissing(false);
  };

  return (
    <KioskScreen title={t('kiosk.equality.title')}>
      <p className="kiosk-lead">{t('kiosk.equality.intro')}</p>
      <form noValidate onSubmit={submit}>
        <fieldset
          className={missing ? 'kiosk-question-set kiosk-field--error' : 'kiosk-question-set'}
          aria-describedby={missing ? 'kiosk-ethnicity-hint kiosk-ethnicity-error' : 'kiosk-ethnicity-hint'}
        >
          <legend className="kiosk-question">{t('kiosk.equality.question')}</legend>
          <p className="kiosk-field__hint" id="kiosk-ethnicity-hint">
            {t('kiosk.equality.hint')}
          </p>
          {missing && <KioskAlert id="kiosk-ethnicity-error">{t('kiosk.equality.choose')}</KioskAlert>}
          <div className="kiosk-radio-first">
            <Radio code="prefer-not-to-say" checked={answer === 'prefer-not-to-say'} choose={choose} />
          </div>
          <div className="kiosk-radio-groups">
            {ethnicityGroups.map((group) => (
              <fieldset key={group.group} className="kiosk-radio-group">
                <legend className="kiosk-radio-group__title">{t(`kiosk.equality.groups.${group.group}`)}</legend>
                {group.codes.map((code) => (
                  <Radio key={code} code={code} checked={answer === code} choose={choose} />
                ))}
              </fieldset>
            ))}
          </div>
        </fieldset>
        <p className="kiosk-sending" role="status">
          {sending ? t('kiosk.sending') : ''}
        </p>
        <KioskActions>
          <KioskButton type="submit" busy={sending}>
            {t('kiosk.equality.save')}
          </KioskButton>
          <KioskButton kind="secondary" busy={sending} onClick={() => send(null)}>
            {t('kiosk.equality.skip')}
          </KioskButton>
          <KioskButton kind="quiet" busy={sending} onClick={back}>
            {t('kiosk.actions.back')}
          </KioskButton>
        </KioskActions>
      </form>
    </KioskScreen>
  );
}
