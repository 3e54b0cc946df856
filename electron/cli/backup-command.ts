import { callerFor } from '../demo/call';
import { createDispatcher } from '../dispatch/dispatcher';
import type { KeyStore } from '../core/keys';
import { restoreDataFolder } from '../host/restore';
import { withCore, type Output } from './commands';

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/**
 * `fieldbook backup [--to FOLDER]`: a backup now, into FOLDER (a stick) or
 * the office's backup folder, through the same procedure as the screen.
 */
export async function backupCommand(options: { dataFolder: string; to?: string }, out: Output): Promise<void> {
  const taken = await withCore(options.dataFolder, (core) =>
    callerFor(createDispatcher(core.handlers))('backup.now', options.to === undefined ? {} : { folder: options.to }),
  );
  out.line(`Backed up to ${taken.path} (${megabytes(taken.bytes)}).`);
  if (taken.removed.length > 0) out.line(`Removed ${taken.removed.length} older backup${taken.removed.length === 1 ? '' : 's'}, keeping the newest 14.`);
}

/**
 * `fieldbook restore FILE`: replaces the data folder's database with a
 * backup of it, once the backup is checked. Fieldbook must not be running
 * on the folder. The desktop app's `--restore FILE` runs it too, with the
 * app's keychain-sealed key store.
 */
export async function restoreCommand(options: { dataFolder: string; file: string; keyStore?: KeyStore }, out: Output): Promise<void> {
  const restored = await restoreDataFolder(options.dataFolder, options.file, options.keyStore);
  const when = restored.takenAt ? ` taken ${new Date(restored.takenAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}` : '';
  out.line(`Restored "${restored.deviceName}" from ${restored.fileName}${when}.`);
  out.line(`It holds ${plural(restored.people, 'person', 'people')}, ${plural(restored.sessions, 'session')} and ${plural(restored.signIns, 'sign-in')}.`);
}
