import type { BrowserWindow } from 'electron';

export type KioskCapableWindow = Pick<BrowserWindow, 'isKiosk' | 'setKiosk'>;

/**
 * While the kiosk is open the window fills the screen in the operating
 * system's kiosk mode; when it closes the window returns to its size and
 * place. Kiosk mode rather than plain full screen because it is made for
 * handing a computer over: there is no title bar or green button to leave it
 * by, and on macOS it also hides the Dock and menu bar and stops switching to
 * other apps. The core's lock (core/kiosk/lock.ts) is what keeps participants
 * out of staff screens; this keeps the rest of the laptop out of view.
 *
 * The returned function reads whether the kiosk is open from the core (the
 * same prepared read the lock makes before every call) and brings every
 * window into line. The shell calls it after each call from the screens and
 * whenever it opens a window, so it needs no list of the procedures that
 * open or close the kiosk, and a kiosk left open when the app quit is full
 * screen again at the next start.
 */
export function windowsFollowingTheKiosk(isKioskOpen: () => boolean, windows: () => KioskCapableWindow[]): () => void {
  return () => {
    const open = isKioskOpen();
    for (const window of windows()) if (window.isKiosk() !== open) window.setKiosk(open);
  };
}
