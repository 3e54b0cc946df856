import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, safeStorage, session } from 'electron';
import type { AppEvents } from '../../shared/contract';
import type { Core } from '../core';
import { createDispatcher } from '../dispatch/dispatcher';
import { KEYS_FOLDER } from '../host/data-folder';
import { openCoreInFolder } from '../host/open-core';
import { scheduleDailyBackup } from '../host/backup-schedule';
import { watchInbox } from '../host/inbox-watcher';
import { EVENT_CHANNEL } from '../ipc-channels';
import { askWhereToSave } from './downloads';
import { registerInvokeHandler } from './ipc';
import { windowsFollowingTheKiosk } from './kiosk-window';
import { menuTemplate } from './menu';
import { registerFolderPicker } from './folder-picker';
import { registerPrintToPdf } from './print';
import { restoreArgument, restoreOnStart } from './restore-argument';
import { safeStorageKeyStore } from './safe-storage-key-store';
import { denyAllPermissions, hardenWebContents } from './security';
import { secureWindowOptions } from './window-options';

/** The Electron shell: a window, a menu and the IPC wiring around the core. */

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
// electron-vite sets this during `electron-vite dev`; packaged builds load the file.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).href;

let core: Core | undefined;

const kioskIsOpen = () => (core ? core.context.kioskSessionId() !== null : false);
const followTheKiosk = windowsFollowingTheKiosk(kioskIsOpen, () => BrowserWindow.getAllWindows());

function createWindow(): BrowserWindow {
  // A kiosk left open when the app quit is still open: the window starts in kiosk mode.
  const window = new BrowserWindow({ ...secureWindowOptions(join(here, '../preload/index.cjs')), kiosk: kioskIsOpen() });
  hardenWebContents(window.webContents, appUrl);
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  return window;
}

function sendNavigate(payload: AppEvents['navigate']): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(EVENT_CHANNEL, 'navigate', payload);
}

export async function start(): Promise<void> {
  const restoreFile = restoreArgument(process.argv);
  if (!app.requestSingleInstanceLock()) {
    if (restoreFile !== null) console.error('Quit Fieldbook first, then start it with --restore again: it is open on this computer now.');
    app.quit();
    return;
  }
  await app.whenReady();
  const dataFolder = app.getPath('userData');
  if (restoreFile !== null) {
    // Restored with the database closed, with the key the keychain seals; then the app quits.
    const line = (text: string) => void process.stdout.write(`${text}\n`);
    const error = (text: string) => void process.stderr.write(`${text}\n`);
    app.exit(await restoreOnStart(dataFolder, restoreFile, safeStorageKeyStore(safeStorage, join(dataFolder, KEYS_FOLDER)), { line, error }));
    return;
  }
  try {
    core = openCoreInFolder(dataFolder, safeStorageKeyStore(safeStorage, join(dataFolder, KEYS_FOLDER)));
  } catch (error) {
    // No keyring to seal the database key, or a key that does not fit: one sentence saying what to do, not a crash.
    dialog.showErrorBox('Fieldbook cannot open its data', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  registerInvokeHandler(ipcMain, createDispatcher(core.handlers), appUrl, followTheKiosk);
  registerPrintToPdf(ipcMain, appUrl);
  registerFolderPicker(ipcMain, dialog, (event) => BrowserWindow.fromWebContents(event.sender), appUrl);
  denyAllPermissions(session.defaultSession);
  askWhereToSave(session.defaultSession, dialog, () => app.getPath('documents'), () => BrowserWindow.getFocusedWindow());
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendNavigate, { platform: process.platform, packaged: app.isPackaged })));
  createWindow();
  const stopWatching = watchInbox(core.handlers, (line) => console.log(`Inbox: ${line}`));
  const stopBackups = scheduleDailyBackup(core.handlers, (line) => console.log(`Backup: ${line}`));

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopWatching();
    stopBackups();
    void core?.close();
  });
}

export const started = start();
