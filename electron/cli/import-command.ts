import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FieldbookError } from '../../shared/errors';
import { importBundle } from '../core/sync/office-import';
import { withCore, type Output } from './commands';

/**
 * `fieldbook import FILES...`: the office's bulk import, one bundle (one
 * transaction) at a time, with progress for large files. Returns the exit
 * code: 1 when any file was refused, so scripts notice.
 */
export async function importCommand(options: { dataFolder: string; files: string[] }, out: Output): Promise<number> {
  let refused = 0;
  await withCore(options.dataFolder, async (core) => {
    for (const [index, path] of options.files.entries()) {
      const fileName = basename(path);
      const prefix = options.files.length > 1 ? `[${index + 1}/${options.files.length}] ${fileName}: ` : `${fileName}: `;
      try {
        const file = readFileSync(path);
        const outcome = await core.exclusive(() =>
          importBundle(core.context, file, {
            fileName,
            onProgress: (done, total) => out.progress?.(`${prefix}merged part ${done} of ${total}`),
          }),
        );
        out.line(`${prefix}${outcome.message}`);
        if (outcome.conflicts > 0) out.line(`  ${outcome.conflicts} overwritten values are in the conflict log for review.`);
        if (outcome.capacityFlags > 0) out.line(`  ${outcome.capacityFlags} sessions are now over capacity and flagged for review.`);
      } catch (error) {
        if (error instanceof FieldbookError) {
          refused += 1;
          out.line(`${prefix}refused. ${error.message}`);
        } else if ((error as { code?: string }).code === 'ENOENT') {
          refused += 1;
          out.line(`${prefix}refused. There is no file at ${path}.`);
        } else {
          throw error;
        }
      }
    }
  });
  return refused > 0 ? 1 : 0;
}
