import type { OfficeServerLink } from '../../../shared/contract';
import type { CoreContext } from '../deps';

/**
 * On the office: where its server answers and which certificate key it
 * answers with, recorded by each `fieldbook serve` start (table
 * office_server, 0031), so an enrolment file written afterwards (on the
 * server or in the desktop app) tells the laptop where to upload and which
 * certificate alone to trust.
 */
export function recordOfficeServer(ctx: CoreContext, link: OfficeServerLink): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO office_server (singleton, addresses, spki_sha256, recorded_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET addresses = excluded.addresses, spki_sha256 = excluded.spki_sha256, recorded_at = excluded.recorded_at`,
    )
    .run(JSON.stringify(link.addresses), link.spkiSha256, ctx.clock().toISOString());
}

export function officeServerLink(ctx: CoreContext): OfficeServerLink | null {
  const row = ctx.sqlite.prepare('SELECT addresses, spki_sha256 FROM office_server WHERE singleton = 1').get() as
    | { addresses: string; spki_sha256: string }
    | undefined;
  return row ? { addresses: JSON.parse(row.addresses) as string[], spkiSha256: row.spki_sha256 } : null;
}

/** What a laptop keeps of its office's server, from the paired_office row. */
export function pairedServerLink(row: { server_addresses: string | null; server_spki_sha256: string | null }): OfficeServerLink | null {
  if (!row.server_addresses || !row.server_spki_sha256) return null;
  return { addresses: JSON.parse(row.server_addresses) as string[], spkiSha256: row.server_spki_sha256 };
}
