import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's options, as a pure function so a unit test can check every
 * security setting without the Electron binary. The renderer gets no Node,
 * runs sandboxed and isolated, and talks to the core only through the
 * preload's one `invoke`.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    title: 'Fieldbook',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}
