import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../deps';
import { inboxFolder } from './settings';

export interface RefusedFile {
  at: string;
  fileName: string;
  reason: string;
}

const WHY_SUFFIX = '.why.txt';

/**
 * Files the inbox refused whole, read from its Refused folder: each refused
 * file lies there beside a note saying why (see inbox.ts). A refusal writes
 * nothing to the database, so the folder is where it is kept, and the import
 * log reads it from there; a file leaves the log when the inbox's retention
 * period removes it. The time is when it was moved there.
 */
export function refusedInboxFiles(ctx: CoreContext): RefusedFile[] {
  const folder = inboxFolder(ctx);
  if (!folder) return [];
  const refused = join(folder, 'Refused');
  let names: string[];
  try {
    names = readdirSync(refused);
  } catch {
    return [];
  }
  const files: RefusedFile[] = [];
  for (const name of names) {
    if (!name.endsWith(WHY_SUFFIX)) continue;
    try {
      const path = join(refused, name);
      files.push({
        at: statSync(path).mtime.toISOString(),
        fileName: name.slice(0, -WHY_SUFFIX.length),
        reason: readFileSync(path, 'utf8').trim(),
      });
    } catch {
      // Removed by the retention sweep (or by hand) while being read: no longer in the log.
    }
  }
  return files;
}
