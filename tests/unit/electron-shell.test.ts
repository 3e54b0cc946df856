import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { askWhereToSave } from '../../electron/main/downloads';
import { menuTemplate } from '../../electron/main/menu';
import { hardenWebContents, isAllowedNavigation, isTrustedPage } from '../../electron/main/security';
import { secureWindowOptions } from '../../electron/main/window-options';
import { contentSecurityPolicy } from '../../electron/web/content-security-policy';

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

  it('offers Today, every catalogue screen and the sync screens in the Go menu, in the main menu\'s order', () => {
    const visited: string[] = [];
    const go = menuTemplate(({ path }) => visited.push(path), 'linux').find((item) => item.label === 'Go');
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
    ]);
  });
});

describe('saving a file the screens offer', () => {
  function downloadWith(chosen: string | undefined) {
    let listener: ((event: unknown, item: unknown) => void) | undefined;
    const session = { on: (_name: string, handler: typeof listener) => void (listener = handler) };
    const dialog = { showSaveDialogSync: vi.fn(() => chosen) };
    askWhereToSave(session as never, dialog as never, () => '/home/sam/Documents', () => null);
    const item = { getFilename: () => 'hall-laptop-2-2026-03-12-bundle-0003.fieldbook', setSavePath: vi.fn(), cancel: vi.fn() };
    listener!({}, item);
    return { dialog, item };
  }

  it('asks where to save, suggesting the file name in Documents, and saves there', () => {
    const { dialog, item } = downloadWith('/media/usb/hall-laptop-2-2026-03-12-bundle-0003.fieldbook');
    expect(dialog.showSaveDialogSync).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/sam/Documents/hall-laptop-2-2026-03-12-bundle-0003.fieldbook' }),
    );
    expect(item.setSavePath).toHaveBeenCalledWith('/media/usb/hall-laptop-2-2026-03-12-bundle-0003.fieldbook');
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('saves nothing when the dialog is cancelled', () => {
    const { item } = downloadWith(undefined);
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
  });
});
