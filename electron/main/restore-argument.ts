import { resolve } from 'node:path';
import { restoreCommand } from '../cli/backup-command';
import type { KeyStore } from '../core/keys';

/**
 * `Fieldbook --restore FILE` (or `--restore=FILE`): the desktop app restores
 * a backup over its own data folder and quits, without opening a window.
 * `fieldbook restore` on the command line cannot, since the app's database
 * key is sealed by this computer's keychain, which only the app can open.
 */
export function restoreArgument(argv: readonly string[]): string | null {
  for (let at = 0; at < argv.length; at += 1) {
    const argument = argv[at]!;
    if (argument.startsWith('--restore=')) return resolve(argument.slice('--restore='.length));
    if (argument === '--restore') return argv[at + 1] ? resolve(argv[at + 1]!) : '';
  }
  return null;
}

/** Restores, says what in one or two lines, and gives the exit code: 0 restored, 1 refused. */
export async function restoreOnStart(
  dataFolder: string,
  file: string,
  keyStore: KeyStore,
  out: { line(text: string): void; error(text: string): void },
): Promise<number> {
  if (file === '') {
    out.error('Name the backup file after --restore, for example: Fieldbook --restore /media/stick/fieldbook-backup-20261202-153000.sqlite');
    return 1;
  }
  try {
    await restoreCommand({ dataFolder, file, keyStore }, out);
    return 0;
  } catch (error) {
    out.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
