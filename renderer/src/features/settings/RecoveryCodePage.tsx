import { useState } from 'react';
import { Link } from 'wouter';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import '../../styles/sync.css';
import { MakeRecoveryCode, ShownRecoveryCode } from './RecoveryCode';

/**
 * Where a new laptop goes straight after it is set up: its kiosk PIN
 * recovery code, made and shown once. (Settings makes a new one later.)
 */
export function RecoveryCodePage() {
  const loaded = useAsync(() => call('settings.get', {}), []);
  const [code, setCode] = useState<string | null>(null);
  return (
    <Page title="Kiosk PIN recovery code">
      <p>
        The kiosk keeps participants away from everything else until the facilitator types the kiosk PIN. If that PIN is ever forgotten, this
        laptop's recovery code sets a new one.
      </p>
      {loaded.status === 'failed' && <LoadFailed message={loaded.message} />}
      {loaded.status === 'loading' && <Loading what="this computer's settings" />}
      {loaded.data &&
        (code ? (
          <>
            <ShownRecoveryCode code={code} />
            <p>
              <Link href="/today">I have written it down: go to today's sessions</Link>
            </p>
          </>
        ) : (
          <MakeRecoveryCode settings={loaded.data} onMade={(shown) => setCode(shown.recoveryCode)} action="Show the recovery code" />
        ))}
    </Page>
  );
}
