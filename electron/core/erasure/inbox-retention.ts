import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../deps';
import { inboxFolder, setting } from '../sync/settings';

/**
 * The inbox's Imported/ and Refused/ folders keep each file only for the
 * office's inbox retention period (30 days unless it chooses otherwise),
 * counted from when the file was moved there: an imported end-of-day file
 * still holds every name it carried, erased or not. Erasure's tombstones
 * keep such a file from bringing anyone back meanwhile.
 */

export const DEFAULT_INBOX_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
export const INBOX_FOLDERS = ['Imported', 'Refused'] as const;

export function inboxRetentionDays(ctx: CoreContext): number {
  const value = Number(setting(ctx, 'inbox_retention_days'));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_INBOX_RETENTION_DAYS;
}

/** Stamps a file just moved into one of the folders with this computer's time, so its period starts now. */
export function startRetention(ctx: CoreContext, path: string): void {
  const now = ctx.clock();
  utimesSync(path, now, now);
}

/** Deletes files past the period from Imported/ and Refused/; returns how many went. */
export function sweepInbox(ctx: CoreContext): number {
  const folder = inboxFolder(ctx);
  if (!folder) return 0;
  const cutoff = ctx.clock().getTime() - inboxRetentionDays(ctx) * DAY_MS;
  let removed = 0;
  for (const sub of INBOX_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(folder, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(folder, sub, name);
      try {
        const stat = statSync(path);
        if (stat.isFile() && stat.mtimeMs < cutoff) {
          rmSync(path);
          removed += 1;
        }
      } catch {
        // A file another process moved or removed meanwhile is no longer ours to keep.
      }
    }
  }
  return removed;
}
