import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InboxResult } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { importBundle } from './office-import';
import { inboxFolder } from './settings';
import { noteRefusedImport } from './refused-files';
import { startRetention, sweepInbox } from '../erasure/inbox-retention';

export const BUNDLE_EXTENSION = '.fieldbook';

/**
 * The office's watched folder: every bundle in it is imported, then moved
 * into "Imported" (or "Refused", with why kept in the database for the
 * import log, refused-files.ts), so the folder
 * shows at a glance what still needs attention and nothing is read twice.
 * A file that looks cut short but changed in the last minute is left where it
 * is, since it may still be copying, and tried again on the next look.
 */
export async function importInbox(ctx: CoreContext): Promise<InboxResult> {
  const folder = inboxFolder(ctx);
  if (!folder) throw new FieldbookError('NOT_FOUND', 'No inbox folder is set. Choose one in the import settings first.');
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(BUNDLE_EXTENSION) && statSync(join(folder, name)).isFile());
  } catch {
    throw new FieldbookError('NOT_FOUND', `The inbox folder ${folder} cannot be read. Check it exists and this computer can open it.`);
  }
  const files: InboxResult['files'] = [];
  for (const fileName of names.sort()) {
    const path = join(folder, fileName);
    try {
      const outcome = await importBundle(ctx, readFileSync(path), { fileName });
      moveInto(ctx, folder, 'Imported', fileName);
      files.push({ fileName, outcome, refusal: null });
    } catch (error) {
      if (!(error instanceof FieldbookError)) throw error;
      if (error.code === 'FILE_DAMAGED' && stillArriving(path)) {
        // A synced folder or a slow stick may still be writing it: look again next time rather than refuse a good file.
        files.push({ fileName, outcome: null, refusal: `${fileName} looks incomplete; it may still be copying. Fieldbook will look at it again.` });
        continue;
      }
      moveInto(ctx, folder, 'Refused', fileName);
      // Why, in the encrypted database for the import log: the reason may name a laptop or a person, so no note lies beside the file.
      noteRefusedImport(ctx, fileName, error.message);
      files.push({ fileName, outcome: null, refusal: error.message });
    }
  }
  // Imported and refused files are kept only for the inbox retention period.
  sweepInbox(ctx);
  return { folder, files };
}

/** How long a file must sit unchanged before a damaged one is taken as damaged, not still arriving. */
export const SETTLE_MS = 60_000;

function stillArriving(path: string): boolean {
  // File times are the real clock's, whatever clock the core was given.
  return Date.now() - statSync(path).mtimeMs < SETTLE_MS;
}

function moveInto(ctx: CoreContext, folder: string, subfolder: string, fileName: string): void {
  mkdirSync(join(folder, subfolder), { recursive: true });
  renameSync(join(folder, fileName), join(folder, subfolder, fileName));
  startRetention(ctx, join(folder, subfolder, fileName));
}
