import type { Session, WebContents } from 'electron';

/**
 * Only the app's own page may call the core. In production that page is a
 * file:// URL inside the app; during development it is the electron-vite dev
 * server. Anything else (a navigated-away page, an injected frame) is refused.
 */
export function isTrustedPage(pageUrl: string | undefined, appUrl: string): boolean {
  if (!pageUrl) return false;
  try {
    const page = new URL(pageUrl);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return page.protocol === 'file:' && page.pathname === app.pathname;
    return page.origin === app.origin;
  } catch {
    return false;
  }
}

/** Hash-route changes are in-page; any real navigation away from the app is stopped. */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  return isTrustedPage(targetUrl, appUrl);
}

/** Wires the refusals into a window's web contents: no navigation, no pop-ups, no webviews. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The app needs no camera, microphone, location or notifications: refuse every request. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
