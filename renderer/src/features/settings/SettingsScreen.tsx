import { useState } from 'react';
import type { SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { useDevice, useDeviceRenamed } from '../../app/device';
import '../../styles/sync.css';
import { ChangePin } from './ChangePin';
import { RenameComputer } from './RenameComputer';

/**
 * This computer's own settings, one heading each: its name, and the kiosk
 * PIN a facilitator leaves kiosk mode with. Nothing here is sent to another
 * computer.
 */
export function SettingsScreen() {
  const loaded = useAsync(() => call('settings.get', {}), []);
  const [saved, setSaved] = useState<SettingsStatus | null>(null);
  const device = useDevice();
  const renamed = useDeviceRenamed();
  const settings = saved ?? loaded.data;
  const keep = (next: SettingsStatus) => {
    setSaved(next);
    if (next.deviceName !== device.name) renamed(next.deviceName);
  };
  return (
    <Page title="Settings">
      {loaded.status === 'failed' && <LoadFailed message={loaded.message} />}
      {settings === undefined && loaded.status === 'loading' && <Loading what="this computer's settings" />}
      {settings && (
        <>
          <section className="sync-section" aria-labelledby="settings-computer-name">
            <h2 id="settings-computer-name">This computer's name</h2>
            <RenameComputer settings={settings} onSaved={keep} />
          </section>
          <section className="sync-section" aria-labelledby="settings-kiosk-pin">
            <h2 id="settings-kiosk-pin">Change the kiosk PIN</h2>
            <ChangePin settings={settings} onSaved={keep} />
          </section>
        </>
      )}
    </Page>
  );
}
