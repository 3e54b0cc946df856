/**
 * How long the kiosk waits. Each can be shortened for a test (or a trial at a
 * venue) through sessionStorage, which lasts only as long as the tab.
 */

/** With no input for this long on any screen past the welcome, the kiosk starts again. */
export const IDLE_MS = 60_000;
/** Warn this long before starting again, so a slow reader can ask for more time. */
export const IDLE_WARNING_MS = 15_000;
/** How long "You are signed in" (or "see the facilitator") stays before the welcome screen. */
export const OUTCOME_MS = 8_000;

function override(key: string, fallback: number): number {
  try {
    const value = Number(window.sessionStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

export function idleMs(): number {
  return override('fieldbook-kiosk-idle-ms', IDLE_MS);
}

/** The warning takes the last quarter of a shortened idle time. */
export function idleWarningMs(idle: number): number {
  return Math.min(IDLE_WARNING_MS, Math.round(idle / 4));
}

export function outcomeMs(): number {
  return override('fieldbook-kiosk-outcome-ms', OUTCOME_MS);
}
