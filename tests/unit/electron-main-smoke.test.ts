import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * Loads the real main module with a stand-in for `electron`, which cannot be
 * downloaded on the build machine: the shell must open the database, wire
 * the IPC handler to the dispatcher and open one secure window.
 */
const stand = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const windows: { options: unknown; loaded?: string }[] = [];
  const state = { userData: '' };
  return { handlers, windows, state };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    static fromWebContents = () => null;
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn() };
    private record: { options: unknown; loaded?: string };
    constructor(options: unknown) {
      this.record = { options };
      stand.windows.push(this.record);
    }
    once = vi.fn();
    loadFile = vi.fn(async (path: string) => void (this.record.loaded = path));
    loadURL = vi.fn();
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getPath: () => stand.state.userData,
      on: vi.fn(),
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: never) => stand.handlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() } },
    dialog: {
      showSaveDialogSync: vi.fn(),
      showOpenDialog: vi.fn(async (options: { properties: string[] }) => ({ canceled: false, filePaths: [`/media/stick/chosen-${options.properties.join('+')}`] })),
    },
  };
});

stand.state.userData = mkdtempSync(join(tmpdir(), 'fieldbook-shell-'));
afterAll(() => rmSync(stand.state.userData, { recursive: true, force: true }));

describe('the Electron main module', () => {
  it('opens one secure window on the built renderer and answers calls from it', async () => {
    const main = await import('../../electron/main/index');
    await main.started;

    expect(stand.windows).toHaveLength(1);
    const window = stand.windows[0]!;
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.loaded).toMatch(/renderer[\\/]index\.html$/);

    const invoke = stand.handlers.get('fieldbook:invoke')!;
    const fromApp = { senderFrame: { url: `${pathToFileURL(window.loaded!).href}#/sessions` } };
    const setUp = (await invoke(fromApp, 'device.setUp', { role: 'laptop', name: 'Hall laptop 2' })) as { ok: boolean };
    expect(setUp.ok).toBe(true);
    expect(await invoke(fromApp, 'device.status', {})).toMatchObject({ ok: true, value: { device: { name: 'Hall laptop 2' } } });

    const fromElsewhere = { senderFrame: { url: 'https://example.org/' } };
    expect(await invoke(fromElsewhere, 'device.status', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });

    // Save as PDF: the page on screen, from the app's own page only.
    const printToPdf = stand.handlers.get('fieldbook:print-pdf')!;
    const sender = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7')) };
    expect(await printToPdf({ ...fromApp, sender })).toEqual({ ok: true, value: { contentBase64: Buffer.from('%PDF-1.7').toString('base64') } });
    expect(await printToPdf({ ...fromElsewhere, sender })).toMatchObject({ ok: false, error: { code: 'UNAUTHORISED' } });
    expect(sender.printToPDF).toHaveBeenCalledTimes(1);

    // Choose folder…: the operating system's folder picker, for the app's own page only.
    const chooseFolder = stand.handlers.get('fieldbook:choose-folder')!;
    expect(await chooseFolder(fromApp, 'Choose the inbox folder')).toBe('/media/stick/chosen-openDirectory+createDirectory');
    expect(await chooseFolder(fromElsewhere, 'Choose the inbox folder')).toBeNull();
    const { dialog } = await import('electron');
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Choose the inbox folder' }));
  });
});
