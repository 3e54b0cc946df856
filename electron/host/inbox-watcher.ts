import { readdirSync } from 'node:fs';
import type { Handlers } from '../core';
import { BUNDLE_EXTENSION } from '../core/sync/inbox';

/** How often the office looks in its inbox folder. */
export const INBOX_POLL_MS = 15_000;

/**
 * The office's watched inbox: every little while, if an inbox folder is set
 * and has a bundle in it, import what is there. Polling rather than
 * fs.watch, because synced and network folders (OneDrive, a shared drive)
 * often deliver no change events; a file still being copied is left in
 * place and tried again on the next look (see importInbox). Returns a function that stops watching.
 */
export function watchInbox(handlers: Handlers, report: (line: string) => void, everyMs = INBOX_POLL_MS): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      const { inboxFolder } = await handlers['sync.settings']({});
      if (!inboxFolder || !hasBundles(inboxFolder)) return;
      const result = await handlers['sync.importInbox']({});
      for (const file of result.files) report(`${file.fileName}: ${file.outcome?.message ?? `refused. ${file.refusal}`}`);
    } catch {
      // A laptop, a kiosk in use or a folder that is offline: look again next time.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function hasBundles(folder: string): boolean {
  try {
    return readdirSync(folder).some((name) => name.endsWith(BUNDLE_EXTENSION));
  } catch {
    return false;
  }
}
