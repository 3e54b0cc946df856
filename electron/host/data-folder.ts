import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder the Electron app uses for its data (Electron's userData for an
 * app named "Fieldbook"), so that the CLI, the web host and the app share one
 * database unless told otherwise with --data.
 */
export function defaultDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Fieldbook');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Fieldbook');
}

export const DATABASE_FILE = 'fieldbook.sqlite';
export const KEYS_FOLDER = 'keys';
