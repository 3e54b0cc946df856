import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, call } from '../../api/client';
import { isolate } from '../../i18n';
import { KioskActions, KioskAlert, KioskButton, KioskScreen } from './KioskScreen';
import '../settings/settings.css';

type Draft = { recoveryCode: string; newPin: string; repeatPin: string };
type Problem = { field: keyof Draft; message: string };

/** What a recovery code looks like, kept in its own order inside an Arabic sentence. */
const example = { example: isolate('K7QX-3M9D-8WRT-2HNE') };

/**
 * The core's refusal in the kiosk's language. The core's words are English;
 * its code and the field it names say which refusal it was, so the kiosk
 * says the same in Arabic or Polish.
 */
function refusalOf(failure: unknown, t: TFunction): Problem {
  if (failure instanceof ApiError) {
    if (failure.code === 'UNAUTHORISED') return { field: 'recoveryCode', message: t('kiosk.recovery.errors.wrongCode') };
    if (failure.code === 'CONFLICT') return { field: 'recoveryCode', message: t('kiosk.recovery.errors.noCode') };
    if (failure.fields.newPin) return { field: 'newPin', message: t('kiosk.recovery.errors.pin') };
    if (failure.fields.recoveryCode) return { field: 'recoveryCode', message: t('kiosk.recovery.errors.code', example) };
  }
  return { field: 'recoveryCode', message: t('kiosk.recovery.errors.failed') };
}

/**
 * Inside the kiosk, for a facilitator who has forgotten the PIN: the
 * laptop's recovery code sets a new PIN (the core allows this one settings
 * procedure in kiosk mode), the next recovery code is shown once, and then
 * the kiosk is left with the new PIN. In the kiosk's language, as the PIN
 * screen before it, since a facilitator may have chosen Arabic or Polish too.
 */
export function PinRecovery({ cancel }: { cancel(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({ recoveryCode: '', newPin: '', repeatPin: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [nextCode, setNextCode] = useState<string | null>(null);

  const field = (name: keyof Draft, label: string, hint: string, pin: boolean) => {
    const wrong = problem?.field === name;
    const ids = { hint: `kiosk-recovery-${name}-hint`, error: `kiosk-recovery-${name}-error` };
    return (
      <div className={wrong ? 'kiosk-field kiosk-field--error' : 'kiosk-field'}>
        <label className="kiosk-field__label" htmlFor={`kiosk-recovery-${name}`}>
          {label}
        </label>
        <p className="kiosk-field__hint" id={ids.hint}>
          {hint}
        </p>
        {wrong && (
          <p className="kiosk-field__error" id={ids.error} role="alert">
            {problem.message}
          </p>
        )}
        <input
          id={`kiosk-recovery-${name}`}
          className={pin ? 'kiosk-input kiosk-input--pin' : 'kiosk-input'}
          type={pin ? 'password' : 'text'}
          inputMode={pin ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          maxLength={pin ? 8 : 40}
          dir="ltr"
          value={draft[name]}
          aria-describedby={wrong ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={wrong ? true : undefined}
          onChange={(event) => {
            setDraft({ ...draft, [name]: event.target.value });
            // An error about this field goes once the field is changed, so it never stays beside a corrected value.
            if (wrong) setProblem(null);
          }}
        />
      </div>
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (draft.recoveryCode.trim() === '') return setProblem({ field: 'recoveryCode', message: t('kiosk.recovery.errors.code', example) });
    if (!/^\d{4,8}$/.test(draft.newPin)) return setProblem({ field: 'newPin', message: t('kiosk.recovery.errors.pin') });
    if (draft.repeatPin !== draft.newPin) return setProblem({ field: 'repeatPin', message: t('kiosk.recovery.errors.repeat') });
    setBusy(true);
    setProblem(null);
    try {
      const shown = await call('settings.resetPinWithRecoveryCode', { recoveryCode: draft.recoveryCode, newPin: draft.newPin });
      setNextCode(shown.recoveryCode);
    } catch (failure) {
      setProblem(refusalOf(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('kiosk.exit', { pin: draft.newPin });
      window.location.reload();
    } catch {
      setBusy(false);
      setProblem({ field: 'newPin', message: t('kiosk.recovery.errors.leaveFailed') });
    }
  };

  if (nextCode) {
    return (
      <KioskScreen title={t('kiosk.recovery.shown.title')}>
        <p className="kiosk-lead">{t('kiosk.recovery.shown.intro')}</p>
        <p className="recovery-code" dir="ltr">
          <code>{nextCode}</code>
        </p>
        {problem && <KioskAlert>{problem.message}</KioskAlert>}
        <KioskActions>
          <KioskButton busy={busy} onClick={() => void leave()}>
            {t('kiosk.recovery.shown.leave')}
          </KioskButton>
        </KioskActions>
      </KioskScreen>
    );
  }

  return (
    <KioskScreen title={t('kiosk.recovery.title')}>
      <p className="kiosk-lead">{t('kiosk.recovery.intro')}</p>
      <form noValidate onSubmit={submit}>
        {field('recoveryCode', t('kiosk.recovery.code'), t('kiosk.recovery.codeHint', example), false)}
        {field('newPin', t('kiosk.recovery.newPin'), t('kiosk.recovery.newPinHint'), true)}
        {field('repeatPin', t('kiosk.recovery.repeatPin'), t('kiosk.recovery.repeatPinHint'), true)}
        <KioskActions>
          <KioskButton type="submit" busy={busy}>
            {t('kiosk.recovery.submit')}
          </KioskButton>
          <KioskButton kind="secondary" onClick={cancel}>
            {t('kiosk.actions.back')}
          </KioskButton>
        </KioskActions>
      </form>
    </KioskScreen>
  );
}
