import { isAbsolute } from 'node:path';
import { BACKUPS_KEPT, type BackupStatus } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { heldDatabaseKey } from '../../db/database-key';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { refuseIfValuesChangedSinceOpened, versionOfValues } from '../record-version';
import { thisDevice } from '../sync/device-keys';
import { saveSetting, setting } from '../sync/settings';
import { checkBackupFor } from './check';
import { backupsIn } from './files';
import { takeBackup } from './take';

const FOLDER_SETTING = 'backup_folder';
const DAY_MS = 24 * 60 * 60 * 1000;

function absolute(folder: string): string {
  if (!isAbsolute(folder)) throw new FieldbookError('INVALID_INPUT', 'Enter the whole path, from the drive or "/" onwards.');
  return folder;
}

export function backupHandlers(ctx: CoreContext): HandlerGroup<'backup'> {
  /** What a change of folder replaces, and so what its version is of (not the backups in it, which each day adds to). */
  const chosenFolder = () => ({ folder: setting(ctx, FOLDER_SETTING) });
  const status = (): BackupStatus => {
    const { folder } = chosenFolder();
    const backups = folder ? backupsIn(folder) : [];
    const newest = backups[0];
    const due = folder !== null && (!newest || ctx.clock().getTime() - Date.parse(newest.takenAt) >= DAY_MS);
    return { folder, backups, due, kept: BACKUPS_KEPT, version: versionOfValues({ folder }) };
  };
  return {
    async 'backup.status'() {
      await thisDevice(ctx);
      return status();
    },
    async 'backup.setFolder'({ folder, version }) {
      await thisDevice(ctx);
      const chosen = folder === null ? null : absolute(folder);
      // Checked and saved with no await between, so nothing can come between the two.
      refuseIfValuesChangedSinceOpened(version, chosenFolder(), status());
      saveSetting(ctx, FOLDER_SETTING, chosen);
      return status();
    },
    async 'backup.now'({ folder }) {
      await thisDevice(ctx);
      // A folder named for this one backup (a stick) keeps what else is on it; the office's own folder keeps the last 14.
      if (folder !== undefined) return takeBackup(ctx, absolute(folder), null);
      const chosen = setting(ctx, FOLDER_SETTING);
      if (!chosen) throw new FieldbookError('NOT_FOUND', 'Choose a backup folder first, or name the folder to back up to.');
      return takeBackup(ctx, chosen, BACKUPS_KEPT);
    },
    async 'backup.check'({ path }) {
      const device = await thisDevice(ctx);
      return checkBackupFor(device.id, device.name, absolute(path), heldDatabaseKey(ctx.keyStore));
    },
    /**
     * The check a restore starts with, in its turn on the write path (and
     * refused while the kiosk is open). The core a host holds
     * (restorable-core.ts) then closes this database and replaces it.
     */
    async 'backup.restore'({ path }) {
      const device = await thisDevice(ctx);
      return checkBackupFor(device.id, device.name, absolute(path), heldDatabaseKey(ctx.keyStore));
    },
  };
}
