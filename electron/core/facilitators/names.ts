import type { CoreContext } from '../deps';

/**
 * The facilitators a session can be given, to choose from rather than type
 * afresh: the office's facilitator records first (a session given one of
 * these names refers to the record, session-links.ts), then the office's staff as its laptops were enrolled (each laptop names
 * the facilitators who carry it, and its package is chosen by those names),
 * the facilitators a paired laptop was enrolled for, and every name already
 * on a session. The same spelling each time is what lets a package reach the
 * right laptop and a report count sessions by facilitator; a name typed
 * before any of this stays as it was.
 */
export function facilitatorNames(ctx: CoreContext): string[] {
  const names = ctx.sqlite
    .prepare(
      `SELECT name FROM facilitators
       UNION ALL SELECT * FROM (SELECT f.value FROM enrolled_devices d, json_each(d.facilitators) f WHERE d.revoked_at IS NULL
       UNION SELECT f.value FROM paired_office o, json_each(o.facilitators) f
       UNION SELECT f.value FROM sessions s, json_each(s.facilitators) f)`,
    )
    .pluck()
    .all() as unknown[];
  const seen = new Map<string, string>();
  for (const name of names) {
    if (typeof name !== 'string' || !name.trim()) continue;
    // "Sam Okafor" and "sam okafor " are one facilitator: the first spelling found (a record's) stays.
    const key = name.trim().toLocaleLowerCase('en-GB');
    if (!seen.has(key)) seen.set(key, name.trim());
  }
  return [...seen.values()].sort(new Intl.Collator('en-GB', { sensitivity: 'base' }).compare).slice(0, 1000);
}
