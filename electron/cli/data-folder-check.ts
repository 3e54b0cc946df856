import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { FieldbookError } from '../../shared/errors';

/**
 * Makes sure the data folder exists before the core opens it, one level at a
 * time. Node's recursive mkdir spins forever on some paths (e.g. under /proc,
 * where mkdir answers "no such file" for a parent that exists), and a plain
 * mkdir per level fails with an error we can put into words instead.
 */
export function prepareDataFolder(dataFolder: string): void {
  const missing: string[] = [];
  let current = dataFolder;
  for (;;) {
    const stats = statSync(current, { throwIfNoEntry: false });
    if (stats) {
      if (!stats.isDirectory()) {
        const what = current === dataFolder ? 'the data folder' : `part of the data folder's path (${current})`;
        throw new FieldbookError('INVALID_INPUT', `Choose another data folder: ${what} is a file, not a folder, so ${dataFolder} cannot be used.`);
      }
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) mkdirSync(folder);
}
