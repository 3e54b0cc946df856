import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAsync } from '../../../components/useAsync';
import { languageOf } from '../../../i18n';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';

export interface NewPerson {
  givenName: string;
  familyName: string;
  /** '' for "None or not listed". */
  organisationId: string;
}

export const noNewPerson: NewPerson = { givenName: '', familyName: '', organisationId: '' };

type NameField = 'givenName' | 'familyName';

function NameInput({
  field,
  value,
  error,
  onChange,
}: {
  field: NameField;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const id = `kiosk-${field}`;
  return (
    <div className={error ? 'kiosk-field kiosk-field--error' : 'kiosk-field'}>
      <label className="kiosk-field__label" htmlFor={id}>
        {t(`kiosk.add.${field}`)}
      </label>
      {error && (
        <p className="kiosk-field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('kiosk.add.errorPrefix')} </span>
          {error}
        </p>
      )}
      <input
        id={id}
        className="kiosk-input"
        type="text"
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * "I am not on the list": a walk-in adds their own name and organisation.
 * Nothing is sent yet; the core checks for look-alikes when they sign in.
 */
export function AddSelf({ initial, next, back }: { initial: NewPerson; next(person: NewPerson): void; back(): void }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.resolvedLanguage).code;
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<NameField, string>>>({});
  const organisations = useAsync(() => call('kiosk.organisations', {}), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<NameField, string>> = {};
    if (!draft.givenName.trim()) found.givenName = t('kiosk.add.errors.givenName');
    if (!draft.familyName.trim()) found.familyName = t('kiosk.add.errors.familyName');
    setErrors(found);
    const first = (Object.keys(found) as NameField[])[0];
    if (first) document.getElementById(`kiosk-${first}`)?.focus();
    else next({ ...draft, givenName: draft.givenName.trim(), familyName: draft.familyName.trim() });
  };
  const set = (field: keyof NewPerson) => (value: string) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    // A message stays only while it is true: once the name is written, its "Enter your first name" goes.
    if (value.trim() !== '' && field in errors) {
      setErrors((previous) => {
        const { [field as NameField]: _corrected, ...rest } = previous;
        return rest;
      });
    }
  };

  return (
    <KioskScreen title={t('kiosk.add.title')}>
      <p className="kiosk-lead">{t('kiosk.add.intro')}</p>
      <form noValidate onSubmit={submit}>
        <NameInput field="givenName" value={draft.givenName} error={errors.givenName} onChange={set('givenName')} />
        <NameInput field="familyName" value={draft.familyName} error={errors.familyName} onChange={set('familyName')} />
        <div className="kiosk-field">
          <label className="kiosk-field__label" htmlFor="kiosk-organisation">
            {t('kiosk.add.organisation')}
          </label>
          <p className="kiosk-field__hint" id="kiosk-organisation-hint">
            {organisations.status === 'failed' ? t('kiosk.add.organisationsFailed') : t('kiosk.add.organisationHint')}
          </p>
          <select
            id="kiosk-organisation"
            className="kiosk-input kiosk-select"
            aria-describedby="kiosk-organisation-hint"
            value={draft.organisationId}
            onChange={(event) => set('organisationId')(event.target.value)}
          >
            <option value="">{t('kiosk.add.noOrganisation')}</option>
            {(organisations.data ?? []).map((organisation) => (
              <option key={organisation.id} value={organisation.id} dir="auto" lang={language === 'en' ? undefined : 'en-GB'}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
        <KioskActions>
          <KioskButton type="submit">{t('kiosk.actions.continue')}</KioskButton>
          <KioskButton kind="quiet" onClick={back}>
            {t('kiosk.actions.back')}
          </KioskButton>
        </KioskActions>
      </form>
    </KioskScreen>
  );
}
