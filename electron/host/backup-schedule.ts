import type { Handlers } from '../core';

/** How often the host asks whether a backup is due; one is taken when a day has passed since the newest. */
export const BACKUP_CHECK_MS = 15 * 60_000;

/**
 * The daily backup: soon after start and then every quarter of an hour, if
 * a backup folder is chosen and a day has passed since the newest backup
 * in it, take one (the procedure keeps the newest 14). A computer that was
 * off at the usual time backs up when it is next on. Returns a function
 * that stops it.
 */
export function scheduleDailyBackup(handlers: Handlers, report: (line: string) => void, everyMs = BACKUP_CHECK_MS): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      // Not set up yet, or a kiosk in use: nothing to say, look again next time.
      const status = await handlers['backup.status']({}).catch(() => null);
      if (!status?.due) return;
      const taken = await handlers['backup.now']({});
      report(`backed up to ${taken.path}`);
    } catch (error) {
      // The folder is offline or full: say so, and try again next time.
      report(`no backup this time: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void look(), Math.min(everyMs, 60_000));
  first.unref();
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
