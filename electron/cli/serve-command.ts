import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FieldbookError } from '../../shared/errors';
import type { Core } from '../core';
import { SchemaTooNewError } from '../db/migrate';
import { createDispatcher } from '../dispatch/dispatcher';
import { scheduleDailyBackup } from '../host/backup-schedule';
import { DATABASE_FILE } from '../host/data-folder';
import { watchInbox } from '../host/inbox-watcher';
import { openCoreInFolder } from '../host/open-core';
import { StaffSignIn } from '../core/staff/sign-in';
import { serverCertificate } from '../server/certificate';
import { startOfficeServer } from '../server/office-server';
import { serverAddresses } from '../server/server-addresses';
import { recordOfficeServer } from '../core/sync/office-server-record';
import type { Output } from './commands';
import { UsageError } from './failures';

export const serveOptions = {
  data: { type: 'string' },
  listen: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} as const;

/** On every network address of this computer, on the port HTTPS servers other than the main one usually take. */
export const DEFAULT_LISTEN = '0.0.0.0:8443';

const rendererFolder = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface ServeOptions {
  dataFolder: string;
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Settles when the server should stop (SIGTERM or Ctrl+C for the command line). */
  untilStopped: Promise<unknown>;
}

/** "HOST:PORT", "[::1]:PORT" or ":PORT"; the port 0 picks a free one. */
export function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[3]) : Number.NaN;
  if (!match || port > 65535) throw new UsageError(`--listen needs an address and port such as 0.0.0.0:8443, not "${text}".`);
  const host = match[1] ?? match[2] ?? '';
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** A plain line with the time first, as a log file or journal reader expects. */
function stamped(out: Output): (line: string) => void {
  return (line) => out.line(`${new Date().toISOString().slice(0, 19).replace('T', ' ')} ${line}`);
}

/** Opens the folder's core only if it is the central office's and this version can read it. */
async function openOfficeCore(dataFolder: string): Promise<Core> {
  if (!existsSync(join(dataFolder, DATABASE_FILE))) {
    throw new FieldbookError(
      'DEVICE_NOT_SET_UP',
      `Set up ${dataFolder} as the central office first (fieldbook setup --role office --name NAME --data ${dataFolder}): it holds no Fieldbook data.`,
    );
  }
  let core: Core;
  try {
    core = openCoreInFolder(dataFolder);
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw new FieldbookError('UNSUPPORTED_VERSION', `Update Fieldbook before serving ${dataFolder}. ${error.message}`);
    throw error;
  }
  const { device } = await core.handlers['device.status']({});
  if (device?.role !== 'office') {
    await core.close();
    throw new FieldbookError(
      'WRONG_DEVICE_ROLE',
      device
        ? `Serve the central office's data folder: ${dataFolder} is set up as the laptop "${device.name}", which stays a desktop app.`
        : `Set up ${dataFolder} as the central office first (fieldbook setup --role office --name NAME --data ${dataFolder}).`,
    );
  }
  return core;
}

/**
 * `fieldbook serve`: runs the office for the local network until told to
 * stop, then stops taking requests, lets the one in hand finish its
 * transaction, and closes the database.
 */
export async function serveCommand(options: ServeOptions, out: Output): Promise<number> {
  const { host, port } = parseListen(options.listen ?? DEFAULT_LISTEN);
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together: give both, or neither for a certificate Fieldbook makes itself.');
  }
  if (!existsSync(rendererFolder)) throw new UsageError('Build the screens first (npm run build): out/renderer is missing.');
  const log = stamped(out);
  const core = await openOfficeCore(options.dataFolder);
  let stopWatching = () => {};
  let stopBackups = () => {};
  try {
    const signIn = new StaffSignIn(core);
    if (!(await signIn.hasAccounts())) {
      throw new FieldbookError(
        'NOT_SIGNED_IN',
        `Add the first admin before serving (fieldbook staff add --role admin --name NAME --email EMAIL --data ${options.dataFolder}): staff sign in to the server, and nobody has an account yet.`,
      );
    }
    const certificate = await serverCertificate(
      options.dataFolder,
      options.tlsCert && options.tlsKey ? { certFile: options.tlsCert, keyFile: options.tlsKey } : undefined,
    );
    const dispatch = createDispatcher(core.handlers, (message, error) => log(`${message}: ${error instanceof Error ? error.message : String(error)}`));
    const server = await startOfficeServer({ dispatch, staticFolder: rendererFolder, host, port, certificate, signIn, log });
    const { device } = await core.handlers['device.status']({});
    // Enrolment files written from now on tell laptops where to upload and which certificate key alone to trust.
    const addresses = serverAddresses(host, server.port);
    await core.exclusive(async () => recordOfficeServer(core.context, { addresses, spkiSha256: certificate.spkiSha256 }));
    log(`Started the Fieldbook office server for "${device?.name}" with data from ${options.dataFolder}.`);
    log(`Listening on https://${host.includes(':') ? `[${host}]` : host}:${server.port} (HTTPS only).`);
    log(`${certificate.madeNow ? 'Made a self-signed certificate' : 'Using the certificate'} with SHA-256 fingerprint ${certificate.fingerprint}`);
    log(`Public key SHA-256 (SPKI, base64): ${certificate.spkiSha256}`);
    log(`Laptops enrolled from now on upload their end-of-day files to ${addresses.join(', ')}.`);
    log(`Staff open ${server.url} (or this computer's network name or address instead of ${new URL(server.url).hostname}) and sign in.`);
    stopWatching = watchInbox(core.handlers, (line) => log(`Inbox: ${line}`));
    stopBackups = scheduleDailyBackup(core.handlers, (line) => log(`Backup: ${line}`));
    await options.untilStopped;
    log('Stopping: no new requests; finishing the one in hand.');
    stopWatching();
    stopBackups();
    await server.close();
  } finally {
    stopWatching();
    stopBackups();
    await core.close();
  }
  log('Stopped.');
  return 0;
}
