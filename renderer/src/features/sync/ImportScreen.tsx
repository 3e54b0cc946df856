import { useState } from 'react';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import '../../styles/sync.css';
import { ForRole } from './ForRole';
import { HeldBundles } from './HeldBundles';
import { ImportFiles } from './ImportFiles';
import { ImportLog } from './ImportLog';
import { Inbox } from './Inbox';
import { Manifest } from './Manifest';

/** What the office knows of every laptop's files: arrived, missing, held, and the log. Reloaded after each import. */
function Records({ version, onImported }: { version: number; onImported(): void }) {
  const state = useAsync(async () => {
    const [manifest, held, log] = await Promise.all([call('sync.manifest', {}), call('sync.held', {}), call('sync.importLog', {})]);
    return { manifest, held, log };
  }, [version]);
  if (state.data === undefined) {
    return state.status === 'failed' ? <LoadFailed message={state.message} /> : <Loading what="the files received" />;
  }
  return (
    <>
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      <Manifest entries={state.data.manifest} />
      <HeldBundles held={state.data.held} onImported={onImported} />
      <ImportLog entries={state.data.log} />
    </>
  );
}

/** The office brings in the laptops' end-of-day files: chosen by hand or from an inbox folder. */
export function ImportScreen() {
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((count) => count + 1);
  return (
    <ForRole role="office" title="Import">
      <Page title="Import">
        <p className="lead">Bring in the end-of-day files the laptops send. Each file is checked, then merged with what is here.</p>
        <ImportFiles onImported={reload} />
        <Inbox onImported={reload} />
        <Records version={version} onImported={reload} />
      </Page>
    </ForRole>
  );
}
