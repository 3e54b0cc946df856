import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, DownloadItem, Session } from 'electron';

/**
 * Files the screens offer (an end-of-day bundle, an enrolment file, a
 * package) arrive as downloads of data the renderer already holds. The
 * facilitator chooses where each goes (a USB stick, a synced folder) in a
 * save dialog every time, rather than Chromium's habit of dropping it in
 * Downloads, and cancelling the dialog saves nothing.
 */
export function askWhereToSave(
  session: Pick<Session, 'on'>,
  dialog: Pick<Dialog, 'showSaveDialogSync'>,
  defaultFolder: () => string,
  windowFor: (item: DownloadItem) => BrowserWindow | null,
): void {
  session.on('will-download', (_event, item) => {
    const name = basename(item.getFilename());
    const options = {
      title: 'Save Fieldbook file',
      defaultPath: join(defaultFolder(), name),
      buttonLabel: 'Save',
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const window = windowFor(item);
    const chosen = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
    if (chosen) item.setSavePath(chosen);
    else item.cancel();
  });
}
