import { useState } from 'react';
import { Router, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Device } from '../../../shared/contract';
import { call } from '../api/client';
import { StatusProvider, useAnnounce } from '../components/status';
import { useAsync } from '../components/useAsync';
import { Kiosk } from '../features/kiosk/Kiosk';
import { StaffGate } from '../features/staff/StaffGate';
import { DeviceContext, DeviceRenamedContext } from './device';
import { FirstRun } from './FirstRun';
import { Shell } from './Shell';

function Starting({ failure, onRetry }: { failure?: string; onRetry(): void }) {
  return (
    <main id="main-content" className="first-run__main" tabIndex={-1}>
      {failure ? (
        <>
          <h1>Fieldbook could not start</h1>
          <p role="alert">{failure}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : (
        <p className="loading">Opening Fieldbook…</p>
      )}
    </main>
  );
}

/**
 * While the core says the laptop is a kiosk, only the kiosk is shown: no
 * header, no menu, no route to any other screen. The facilitator leaves it
 * with the PIN, which reloads the app into the Shell.
 */
function KioskOrShell({ device, onRenamed }: { device: Device; onRenamed(name: string): void }) {
  const [attempt, setAttempt] = useState(0);
  const kiosk = useAsync(() => call('kiosk.status', {}), [attempt]);
  if (kiosk.status !== 'ready') {
    return (
      <Starting failure={kiosk.status === 'failed' ? kiosk.message : undefined} onRetry={() => setAttempt((n) => n + 1)} />
    );
  }
  if (kiosk.data.active) return <Kiosk status={kiosk.data} />;
  return (
    <DeviceContext.Provider value={device}>
      <DeviceRenamedContext.Provider value={onRenamed}>
        <Shell />
      </DeviceRenamedContext.Provider>
    </DeviceContext.Provider>
  );
}

/** Asks the core which computer this is; a new computer is set up first. */
function Start() {
  const [attempt, setAttempt] = useState(0);
  const [setUp, setSetUp] = useState<Device | null>(null);
  const status = useAsync(() => call('device.status', {}), [attempt]);
  const announce = useAnnounce();
  const [, navigate] = useLocation();

  if (status.status !== 'ready') {
    return (
      <Starting failure={status.status === 'failed' ? status.message : undefined} onRetry={() => setAttempt((n) => n + 1)} />
    );
  }
  const device = setUp ?? status.data.device;
  if (!device) {
    return (
      <FirstRun
        onDone={(created) => {
          setSetUp(created);
          // A laptop's next step is its kiosk PIN recovery code, shown once.
          const next = created.role === 'laptop' ? '/settings/recovery-code' : '/';
          announce(`This computer is set up as ${created.name}.`, next);
          navigate(next);
        }}
      />
    );
  }
  return <KioskOrShell device={device} onRenamed={(name) => setSetUp({ ...device, name })} />;
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <StatusProvider>
        <StaffGate>
          <Start />
        </StaffGate>
      </StatusProvider>
    </Router>
  );
}
