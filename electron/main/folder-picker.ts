import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHOOSE_FOLDER_CHANNEL } from '../ipc-channels';
import { isTrustedPage } from './security';

/**
 * "Choose folder…" beside a folder's path (the office's inbox, the backup
 * folder, a stick): the operating system's own folder picker, over the
 * window that asked. It only hands back the path the person chose; the
 * core checks and saves it as if it were typed. Only the app's own page may
 * ask, and a title longer than a sentence is cut.
 */
export function registerFolderPicker(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: Pick<Dialog, 'showOpenDialog'>,
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null,
  appUrl: string,
): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, title: unknown): Promise<string | null> => {
    if (!isTrustedPage(event.senderFrame?.url, appUrl)) return null;
    const options = { title: String(title ?? 'Choose a folder').slice(0, 120), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const window = windowOf(event);
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}
