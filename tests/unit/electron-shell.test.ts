import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../electron/core/deps';
import type { Dispatch } from '../../electron/dispatch/dispatcher';
import { askWhereToSave } from '../../electron/main/downloads';
import { menuTemplate } from '../../electron/main/menu';
import { hardenWebContents, isAllowedNavigation, isTrustedPage } from '../../electron/main/security';
import { secureWindowOptions } from '../../electron/main/window-options';
import { contentSecurityPolicy } from '../../electron/web/content-security-policy';
import { callerFor, refusal, seedSession } from '../support/temp-core';

const appUrl = 'file:///opt/Fieldbook/resources/app.asar/out/renderer/index.html';

function cspOf(html: string): Map<string, string> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('no CSP meta tag');
  return new Map(
    content.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('the window the renderer runs in', () => {
  it('has no Node, is sandboxed and isolated, and cannot embed webviews', () => {
    const { webPreferences } = secureWindowOptions('/app/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload/index.cjs',
    });
  });

  it('declares a strict Content-Security-Policy with no inline or eval scripts', () => {
    const csp = cspOf(readFileSync('renderer/index.html', 'utf8'));
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    for (const value of csp.values()) {
      expect(value).not.toContain('unsafe-inline');
      expect(value).not.toContain('unsafe-eval');
      expect(value).not.toMatch(/https?:/);
    }
  });

  it('serves the same script policy from the web host as the page declares', () => {
    const meta = cspOf(readFileSync('renderer/index.html', 'utf8'));
    for (const [name, value] of meta) expect(contentSecurityPolicy).toContain(`${name} ${value}`);
  });
});

describe('navigation and senders', () => {
  it('trusts only the app page itself', () => {
    expect(isTrustedPage(`${appUrl}#/courses`, appUrl)).toBe(true);
    expect(isTrustedPage('file:///tmp/evil.html', appUrl)).toBe(false);
    expect(isTrustedPage('https://example.org/', appUrl)).toBe(false);
    expect(isTrustedPage(undefined, appUrl)).toBe(false);
    expect(isTrustedPage('not a url', appUrl)).toBe(false);
  });

  it('trusts the dev server origin during development', () => {
    expect(isTrustedPage('http://localhost:5173/#/sessions', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('stops navigation away from the app, pop-up windows and webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: unknown) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: unknown) => { action: string }) => (openHandler = handler),
    };
    hardenWebContents(contents as never, appUrl);

    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://example.org/phish');
    expect(away.preventDefault).toHaveBeenCalled();

    const inApp = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(inApp, `${appUrl}#/venues`);
    expect(inApp.preventDefault).not.toHaveBeenCalled();

    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(isAllowedNavigation('https://example.org', appUrl)).toBe(false);
  });

  it('offers Today, every catalogue screen, the sync screens and the office’s own screens in the Go menu, in the main menu\'s order', () => {
    const visited: string[] = [];
    const go = menuTemplate(({ path }) => visited.push(path), { platform: 'linux', packaged: true }).find((item) => item.label === 'Go');
    for (const item of go!.submenu as { type?: string; click(): void }[]) if (item.type !== 'separator') item.click();
    expect(visited).toEqual([
      '/today',
      '/sessions',
      '/courses',
      '/venues',
      '/organisations',
      '/people',
      '/requests',
      '/you-said-we-did',
      '/sync',
      '/import',
      '/review',
      '/devices',
      '/backup',
      '/settings',
      '/contracts',
      '/membership',
      '/sheets',
      '/reports',
    ]);
  });
});

describe('saving a file the screens offer', () => {
  function downloadWith(chosen: string | undefined) {
    let listener: ((event: unknown, item: unknown) => void) | undefined;
    const session = { on: (_name: string, handler: typeof listener) => void (listener = handler) };
    const dialog = { showSaveDialogSync: vi.fn(() => chosen) };
    askWhereToSave(session as never, dialog as never, () => '/home/sam/Documents', () => null);
    const item = { getFilename: () => 'hall-laptop-2-2026-03-12-end-of-day-file-0003.fieldbook', setSavePath: vi.fn(), cancel: vi.fn() };
    listener!({}, item);
    return { dialog, item };
  }

  it('asks where to save, suggesting the file name in Documents, and saves there', () => {
    const { dialog, item } = downloadWith('/media/usb/hall-laptop-2-2026-03-12-end-of-day-file-0003.fieldbook');
    expect(dialog.showSaveDialogSync).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/sam/Documents/hall-laptop-2-2026-03-12-end-of-day-file-0003.fieldbook' }),
    );
    expect(item.setSavePath).toHaveBeenCalledWith('/media/usb/hall-laptop-2-2026-03-12-end-of-day-file-0003.fieldbook');
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('saves nothing when the dialog is cancelled', () => {
    const { item } = downloadWith(undefined);
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
  });
});

/**
 * The real main module, loaded with a stand-in for `electron` (its binary
 * cannot be downloaded on the build machine), over a real data folder: what
 * an installed or development build puts in its menu, and how its window
 * follows the kiosk.
 */
const stand = vi.hoisted(() => {
  type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<unknown>;
  class StandInWindow {
    static all: StandInWindow[] = [];
    kiosk: boolean;
    loaded = '';
    readonly kioskChanges: boolean[] = [];
    constructor(readonly options: { kiosk?: boolean }) {
      this.kiosk = options.kiosk ?? false;
      StandInWindow.all.push(this);
    }
    isKiosk = () => this.kiosk;
    setKiosk = (flag: boolean) => {
      this.kiosk = flag;
      this.kioskChanges.push(flag);
    };
  }
  return {
    StandInWindow,
    build: { packaged: false, userData: '' },
    /** Linux's keyring backend as safeStorage reports it. */
    storageBackend: 'gnome_libsecret',
    errorBoxes: [] as [string, string][],
    appEvents: new Map<string, () => void>(),
    menu: [] as unknown[],
    invoke: undefined as Invoke | undefined,
  };
});

vi.mock('electron', () => {
  class BrowserWindow extends stand.StandInWindow {
    static getAllWindows = () => stand.StandInWindow.all;
    static getFocusedWindow = () => null;
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn() };
    once = vi.fn();
    loadFile = vi.fn(async (path: string) => void (this.loaded = path));
    loadURL = vi.fn();
  }
  return {
    app: {
      get isPackaged() {
        return stand.build.packaged;
      },
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getPath: () => stand.build.userData,
      on: (event: string, listener: () => void) => stand.appEvents.set(event, listener),
      quit: vi.fn(),
    },
    BrowserWindow,
    // The calls channel only; Save as PDF has its own (tests/unit/electron-main-smoke.test.ts).
    ipcMain: { handle: (channel: string, handler: NonNullable<typeof stand.invoke>) => void (channel === 'fieldbook:invoke' && (stand.invoke = handler)) },
    Menu: { buildFromTemplate: (template: unknown[]) => template, setApplicationMenu: (menu: unknown[]) => void (stand.menu = menu) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => stand.storageBackend,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() } },
    dialog: { showSaveDialogSync: vi.fn(), showErrorBox: (title: string, text: string) => void stand.errorBoxes.push([title, text]) },
  };
});

const PIN = '4826';
let dataFolder: string;

/** Starts the app as `npm start` or an installed build would, on the data folder; quit() is the app's own quitting. */
async function launch({ packaged }: { packaged: boolean }) {
  Object.assign(stand.build, { packaged, userData: dataFolder });
  stand.StandInWindow.all = [];
  vi.resetModules();
  await (await import('../../electron/main/index')).started;
  expect(stand.StandInWindow.all).toHaveLength(1);
  const window = stand.StandInWindow.all[0]!;
  const fromApp = { senderFrame: { url: pathToFileURL(window.loaded).href } };
  const dispatch: Dispatch = (name, input) => stand.invoke!(fromApp, name, input) as ReturnType<Dispatch>;
  return { window, dispatch, call: callerFor(dispatch), quit: () => stand.appEvents.get('will-quit')!() };
}

type Launched = Awaited<ReturnType<typeof launch>>;
let running: Launched | undefined;

async function launchAndOpenKiosk(): Promise<Launched> {
  running = await launch({ packaged: true });
  await running.call('device.setUp', { role: 'office', name: 'Hall laptop 2' });
  const session = await seedSession(running.call, { day: localDate(new Date()) });
  await running.call('kiosk.start', { sessionId: session.id, pin: PIN });
  return running;
}

/** Every role in the menu, submenus included. */
function menuRoles(items: unknown[]): string[] {
  return (items as { role?: string; submenu?: unknown[] }[]).flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}

const developmentOnly = ['reload', 'forceReload', 'toggleDevTools'];

describe('the app started on a data folder', () => {
  beforeEach(() => {
    dataFolder = mkdtempSync(join(tmpdir(), 'fieldbook-shell-'));
    // The shell runs on the real clock; fix it, so "today's session" is today for the whole test.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-12T12:00:00'));
  });

  afterEach(() => {
    running?.quit();
    running = undefined;
    vi.useRealTimers();
    rmSync(dataFolder, { recursive: true, force: true });
  });

  it('has no Reload, Force Reload or developer tools in an installed build', async () => {
    running = await launch({ packaged: true });
    const roles = menuRoles(stand.menu);
    for (const role of developmentOnly) expect(roles).not.toContain(role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'togglefullscreen', 'editMenu']));
  });

  it.runIf(process.platform === 'linux')('refuses to seal its keys with Linux’s basic_text backend, saying what to do, and opens nothing', async () => {
    Object.assign(stand.build, { packaged: true, userData: dataFolder });
    stand.StandInWindow.all = [];
    stand.storageBackend = 'basic_text';
    try {
      vi.resetModules();
      await (await import('../../electron/main/index')).started;
    } finally {
      stand.storageBackend = 'gnome_libsecret';
    }
    expect(stand.errorBoxes.at(-1)).toEqual(['Fieldbook cannot open its data', expect.stringMatching(/^Set up a keyring for your desktop/)]);
    expect(stand.StandInWindow.all).toHaveLength(0);
    expect(existsSync(join(dataFolder, 'keys', 'database-key.sealed'))).toBe(false);
    expect(existsSync(join(dataFolder, 'fieldbook.sqlite'))).toBe(false);
  });

  it('keeps Reload, Force Reload and the developer tools in a development build', async () => {
    running = await launch({ packaged: false });
    expect(menuRoles(stand.menu)).toEqual(expect.arrayContaining(developmentOnly));
  });

  it('fills the screen in kiosk mode while the kiosk is open, and returns to normal when it is closed', async () => {
    const { window, dispatch, call } = await launchAndOpenKiosk();
    expect(window.isKiosk()).toBe(true);

    expect((await refusal(dispatch, 'kiosk.exit', { pin: '0000' })).message).toBe('Check the PIN: that one is not right.');
    expect(window.isKiosk()).toBe(true);

    await call('kiosk.exit', { pin: PIN });
    expect(window.isKiosk()).toBe(false);
    expect(window.kioskChanges).toEqual([true, false]);
  });

  it('opens in kiosk mode when the kiosk was left open as the app quit', async () => {
    const first = await launchAndOpenKiosk();
    first.quit();

    running = await launch({ packaged: true });
    expect(running.window.options.kiosk).toBe(true);
    expect(running.window.isKiosk()).toBe(true);
    await running.call('kiosk.exit', { pin: PIN });
    expect(running.window.isKiosk()).toBe(false);
  });
});
