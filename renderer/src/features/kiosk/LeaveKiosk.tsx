import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { KioskActions, KioskButton, KioskScreen } from './KioskScreen';
import { PinRecovery } from './PinRecovery';

/** Seconds until another PIN may be tried, from the core's status (0 when not slowed down). */
async function secondsToWait(): Promise<number> {
  const status = await call('kiosk.status', {});
  if (!status.lockedUntil) return 0;
  return Math.max(1, Math.ceil((Date.parse(status.lockedUntil) - Date.now()) / 1000));
}

/**
 * The facilitator's way out: the kiosk PIN, checked and slowed down by the
 * core. On success the app reloads, and the app's start sees the kiosk closed
 * and shows the facilitator's screens again.
 */
export function LeaveKiosk({ cancel }: { cancel(): void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Counts refusals: a new alert element for each, so the same words are announced again. */
  const [refusals, setRefusals] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // A forgotten PIN: the laptop's recovery code sets a new one.
  const [forgotten, setForgotten] = useState(false);

  const refuse = (message: string) => {
    setError(message);
    setRefusals((count) => count + 1);
    setPin('');
    setBusy(false);
    input.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{4,8}$/.test(pin)) return refuse(t('kiosk.leave.errors.format'));
    setBusy(true);
    try {
      await call('kiosk.exit', { pin });
      window.location.reload();
    } catch (failure) {
      if (!(failure instanceof ApiError) || failure.code !== 'UNAUTHORISED') return refuse(t('kiosk.leave.errors.failed'));
      // The core's words are English; say the same in the kiosk's language, with the wait it imposes.
      // A wrong PIN names the field; a try while still waiting was not checked at all, so it is not "wrong".
      const seconds = await secondsToWait().catch(() => 0);
      if (!failure.fields.pin) return refuse(t('kiosk.leave.errors.locked', { count: Math.max(1, seconds) }));
      refuse(seconds > 0 ? t('kiosk.leave.errors.wait', { count: seconds }) : t('kiosk.leave.errors.wrong'));
    }
  };

  if (forgotten) return <PinRecovery cancel={() => setForgotten(false)} />;
  return (
    <KioskScreen title={t('kiosk.leave.title')}>
      <p className="kiosk-lead">{t('kiosk.leave.intro')}</p>
      <form noValidate onSubmit={submit}>
        <div className={error ? 'kiosk-field kiosk-field--error' : 'kiosk-field'}>
          <label className="kiosk-field__label" htmlFor="kiosk-pin">
            {t('kiosk.leave.pin')}
          </label>
          <p className="kiosk-field__hint" id="kiosk-pin-hint">
            {t('kiosk.leave.pinHint')}
          </p>
          {error && (
            <p className="kiosk-field__error" id="kiosk-pin-error" role="alert" key={refusals}>
              {error}
            </p>
          )}
          <input
            ref={input}
            id="kiosk-pin"
            className="kiosk-input kiosk-input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            dir="ltr"
            value={pin}
            aria-describedby={error ? 'kiosk-pin-hint kiosk-pin-error' : 'kiosk-pin-hint'}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        <KioskActions>
          <KioskButton type="submit" busy={busy}>
            {t('kiosk.leave.submit')}
          </KioskButton>
          <KioskButton kind="secondary" onClick={cancel}>
            {t('kiosk.leave.cancel')}
          </KioskButton>
          <KioskButton kind="quiet" onClick={() => setForgotten(true)}>
            {t('kiosk.recovery.forgotten')}
          </KioskButton>
        </KioskActions>
      </form>
    </KioskScreen>
  );
}
