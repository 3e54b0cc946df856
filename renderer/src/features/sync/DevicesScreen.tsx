import { useState } from 'react';
import { Link } from 'wouter';
import { call } from '../../api/client';
import { roleLabels, useDevice } from '../../app/device';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import '../../styles/today.css';
import '../../styles/sync.css';
import { LaptopPairing } from './LaptopPairing';
import { OfficePairing } from './OfficePairing';
import { Facts, Fingerprint } from './parts';

/**
 * Pairing: the laptop and the office swap public keys as files, and a person
 * compares the short fingerprint on both screens before either side trusts
 * the other. A swapped or forged file shows a different fingerprint.
 */
export function DevicesScreen() {
  const device = useDevice();
  const [version, setVersion] = useState(0);
  const state = useAsync(() => call('pairing.status', {}), [version]);
  const reload = () => setVersion((count) => count + 1);

  return (
    <Page title="Devices">
      <p className="lead">
        {device.role === 'laptop'
          ? 'Pair this laptop with the central office, so that only the office can open the files it sends.'
          : "Enrol the facilitators' laptops, so that this office can trust the files they send and only this office can open them."}{' '}
        <Link href="/backup">Backups of this computer</Link> are on their own page.
      </p>
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      {state.data === undefined && state.status === 'loading' && <Loading what="this computer's pairing" />}
      {state.data !== undefined && (
        <>
          <section className="sync-section" aria-labelledby="this-computer-heading">
            <h2 id="this-computer-heading">This computer</h2>
            <Facts
              rows={[
                ['Name', state.data.deviceName],
                ['Role', roleLabels[state.data.role]],
                ['Fingerprint', <Fingerprint key="fingerprint" value={state.data.fingerprint} />],
              ]}
            />
          </section>
          {state.data.role === 'laptop' ? (
            <LaptopPairing status={state.data} onChanged={reload} />
          ) : (
            <OfficePairing status={state.data} onChanged={reload} />
          )}
        </>
      )}
    </Page>
  );
}
