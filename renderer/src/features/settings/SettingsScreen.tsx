import { useState } from 'react';
import { Link } from 'wouter';
import type { RecoveryCodeShown, SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { momentText } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { useDevice, useDeviceRenamed } from '../../app/device';
import '../../styles/sync.css';
import { ChangePin } from './ChangePin';
import { LaptopPins } from './LaptopPins';
import { MakeRecoveryCode, ResetWithRecoveryCode, ShownRecoveryCode } from './RecoveryCode';
import { RenameComputer } from './RenameComputer';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="sync-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * This computer's own settings, one heading each: its name; the kiosk PIN a
 * facilitator leaves kiosk mode with, changed with the one in use or reset
 * with the recovery code; and at the office, a new PIN for a laptop, sent in
 * its next package. Nothing else here is sent to another computer.
 */
export function SettingsScreen() {
  const loaded = useAsync(() => call('settings.get', {}), []);
  const [saved, setSaved] = useState<SettingsStatus | null>(null);
  const [shownCode, setShownCode] = useState<string | null>(null);
  const device = useDevice();
  const renamed = useDeviceRenamed();
  const settings = saved ?? loaded.data;
  const keep = (next: SettingsStatus) => {
    setSaved(next);
    if (next.deviceName !== device.name) renamed(next.deviceName);
  };
  const showCode = (shown: RecoveryCodeShown) => {
    keep(shown.settings);
    setShownCode(shown.recoveryCode);
  };
  return (
    <Page title="Settings">
      {loaded.status === 'failed' && <LoadFailed message={loaded.message} />}
      {settings === undefined && loaded.status === 'loading' && <Loading what="this computer's settings" />}
      {settings && (
        <>
          <Section id="settings-computer-name" title="This computer's name">
            <RenameComputer settings={settings} onSaved={keep} />
          </Section>
          <Section id="settings-kiosk-pin" title="Change the kiosk PIN">
            {settings.officePinResetAt && <p>The office set this laptop's kiosk PIN on {momentText(settings.officePinResetAt)}.</p>}
            <ChangePin settings={settings} onSaved={keep} />
          </Section>
          <Section id="settings-recovery-code" title="Kiosk PIN recovery code">
            {shownCode ? <ShownRecoveryCode code={shownCode} /> : <MakeRecoveryCode settings={settings} onMade={showCode} />}
          </Section>
          <Section id="settings-forgotten-pin" title="Forgotten the kiosk PIN?">
            {settings.recoveryCodeSet ? (
              <ResetWithRecoveryCode key={shownCode ?? ''} onReset={showCode} />
            ) : (
              <p>
                {settings.role === 'laptop'
                  ? "Without a recovery code, ask the office to set a new PIN for this laptop: it arrives in the office's next package."
                  : 'Make a recovery code above first: it is the way to set a new kiosk PIN here if the one in use is forgotten.'}
              </p>
            )}
          </Section>
          {settings.role === 'office' && (
            <Section id="settings-laptop-pins" title="Reset a laptop's kiosk PIN">
              <LaptopPins />
            </Section>
          )}
          <Section id="settings-folders" title="Folders">
            <ul className="list">
              {settings.role === 'office' && (
                <li>
                  The folder laptops' end-of-day files arrive in: <Link href="/import">the inbox folder, on Import</Link>
                </li>
              )}
              <li>
                Where backups go, and restoring one: <Link href="/backup">Backups</Link>
              </li>
            </ul>
          </Section>
        </>
      )}
    </Page>
  );
}
