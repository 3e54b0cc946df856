import type { CoreContext } from '../deps';

/** Acknowledged personal data stays on a laptop this long after its session, then is removed. */
export const DEFAULT_RETENTION_DAYS = 30;

export function setting(ctx: CoreContext, key: string): string | null {
  const value = ctx.sqlite.prepare('SELECT value FROM local_settings WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

export function saveSetting(ctx: CoreContext, key: string, value: string | null): void {
  if (value === null) ctx.sqlite.prepare('DELETE FROM local_settings WHERE key = ?').run(key);
  else ctx.sqlite.prepare('INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function retentionDays(ctx: CoreContext): number {
  const value = Number(setting(ctx, 'retention_days'));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_RETENTION_DAYS;
}

/** The office's watched folder, where laptops' files arrive by a synced folder or a copied stick. */
export function inboxFolder(ctx: CoreContext): string | null {
  return setting(ctx, 'inbox_folder');
}
