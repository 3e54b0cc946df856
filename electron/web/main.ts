import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../dispatch/dispatcher';
import { defaultDataFolder } from '../host/data-folder';
import { openCoreInFolder } from '../host/open-core';
import { scheduleDailyBackup } from '../host/backup-schedule';
import { watchInbox } from '../host/inbox-watcher';
import { startWebHost } from './server';

/** `npm run web`: the same UI and core as the app, served on 127.0.0.1 for a browser. */

const rendererFolder = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string', default: '0' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, not "${values.port}".`);
  }
  if (!existsSync(rendererFolder)) {
    throw new Error('The screens have not been built yet: run `npm run build` first (npm run web does this for you).');
  }
  const dataFolder = values.data ?? defaultDataFolder();
  const core = openCoreInFolder(dataFolder);
  const host = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder: rendererFolder, port });
  console.log(`Fieldbook data: ${dataFolder}`);
  console.log(`Fieldbook is ready at ${host.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  const stopWatching = watchInbox(core.handlers, (line) => console.log(`Inbox: ${line}`));
  const stopBackups = scheduleDailyBackup(core.handlers, (line) => console.log(`Backup: ${line}`));

  const stop = async () => {
    stopWatching();
    stopBackups();
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
