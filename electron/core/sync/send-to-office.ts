import { type ExportResult, ImportOutcome, type OfficeServerLink, OutgoingFile, type PackageOutcome, type SendOutcome } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { PairedOfficeTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { inAsyncTransaction } from '../write-path';
import { deviceKeys } from './device-keys';
import { CertificateRefused, callOffice, OfficeUnreachable, type OfficeAnswer } from './office-link';
import { pairedServerLink } from './office-server-record';
import { exportBundle, lastBundle, pairedOffice, rewriteBundle } from './outbox';
import { writePackageRequest } from './package-request';
import { importPackage } from './packages';

/** Where the office server takes a laptop's end-of-day file, and answers with its package (electron/server/device-routes.ts). */
export const UPLOAD_PATH = '/device/upload';
export const PACKAGE_PATH = '/device/package';
/** The end-of-day file's name travels beside it, so the office's import log names it as a file on a stick would be. */
export const FILE_NAME_HEADER = 'x-fieldbook-file-name';

/**
 * The upload refusals that mean the office does not take files from this
 * laptop at all (never enrolled, revoked, or a key it does not know). The
 * server answers them without the office's own words (a revocation's
 * reason stays at the office), and the laptop says what to do in its own.
 */
export const NOT_ENROLLED_CODES: ReadonlySet<string> = new Set(['UNKNOWN_SENDER', 'REVOKED_SENDER', 'BAD_SIGNATURE']);

/** A call's answer from the server, or the refusal it carried in plain words. */
function answerOf(answer: OfficeAnswer): { ok: true; value: unknown } | { ok: false; code: string | null; message: string } {
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
    if (parsed.ok === true) return { ok: true, value: parsed.value };
    if (typeof parsed.error?.message === 'string') {
      return { ok: false, code: typeof parsed.error.code === 'string' ? parsed.error.code : null, message: parsed.error.message };
    }
  } catch {
    // Not Fieldbook's answer: said below.
  }
  return { ok: false, code: null, message: `it answered in a way this laptop could not read (status ${answer.status}).` };
}

/** Why the office server did not take a file, in the words each caller puts around it. */
type NotTaken =
  | { why: 'not-enrolled' }
  | { why: 'refused'; message: string }
  | { why: 'untrusted'; message: string }
  | { why: 'unreachable'; message: string };

/** Uploads one sealed end-of-day file over the pinned link: the office's import of it, or why it was not taken. */
async function uploadFile(link: OfficeServerLink, file: ExportResult): Promise<{ upload: ImportOutcome } | { notTaken: NotTaken }> {
  try {
    const answer = answerOf(
      await callOffice(link, {
        path: UPLOAD_PATH,
        body: Buffer.from(file.contentBase64, 'base64'),
        contentType: 'application/octet-stream',
        headers: { [FILE_NAME_HEADER]: encodeURIComponent(file.fileName) },
      }),
    );
    if (!answer.ok && answer.code !== null && NOT_ENROLLED_CODES.has(answer.code)) return { notTaken: { why: 'not-enrolled' } };
    if (!answer.ok) return { notTaken: { why: 'refused', message: answer.message } };
    return { upload: ImportOutcome.parse(answer.value) };
  } catch (error) {
    if (error instanceof CertificateRefused) return { notTaken: { why: 'untrusted', message: error.message } };
    if (error instanceof OfficeUnreachable) return { notTaken: { why: 'unreachable', message: error.message } };
    throw error;
  }
}

/** What the laptop says when the file it has just written was not taken: it is handed back to be saved. */
function writtenButNotSent(notTaken: NotTaken, officeName: string): string {
  switch (notTaken.why) {
    case 'not-enrolled':
      return `The end-of-day file was written but not sent: ${officeName}'s server refused it, since this laptop is not enrolled there (or no longer is). Ask the office to enrol this laptop, then take it the saved file.`;
    case 'refused':
      return `The end-of-day file was written but ${officeName}'s server did not take it: ${notTaken.message} Save the file and take it to the office.`;
    case 'untrusted':
      return `The end-of-day file was written but not sent: ${notTaken.message}, so this laptop did not trust it. Save the file and take it to ${officeName} as usual, and tell the office.`;
    case 'unreachable':
      return `The end-of-day file was written but not sent: ${officeName}'s server did not answer (${notTaken.message}). Save the file and take it to the office as usual.`;
  }
}

/** What the laptop says when an earlier file, saved instead of sent, still could not be sent: the one saved then is what the office needs. */
function notReachedYet(sequence: number, notTaken: NotTaken, officeName: string): string {
  const start = `End-of-day file ${sequence} has not reached ${officeName} yet:`;
  const takeIt = 'Take the file you saved to the office (or save it again with Write again under Files written)';
  switch (notTaken.why) {
    case 'not-enrolled':
      return `${start} its server refused it, since this laptop is not enrolled there (or no longer is). Ask the office to enrol this laptop, then take it the saved file.`;
    case 'refused':
      return `${start} its server did not take it: ${notTaken.message} ${takeIt}.`;
    case 'untrusted':
      return `${start} ${notTaken.message}, so this laptop did not trust it. ${takeIt}, and tell the office.`;
    case 'unreachable':
      return `${start} its server did not answer (${notTaken.message}). ${takeIt}, or press Send to office again at the office.`;
  }
}

/** "Sent to Central office over the network: Imported end-of-day file 3 from Hall laptop 2: …." */
function sentInWords(upload: ImportOutcome, officeName: string): string {
  return `Sent to ${officeName} over the network: ${upload.message}.`.replace(/\.\.$/, '.');
}

/** The laptop's package fetched from the server and applied as an imported package file would be; or why it did not come, in plain words. */
async function fetchPackage(ctx: CoreContext, link: OfficeServerLink): Promise<{ outcome: PackageOutcome } | { missing: string }> {
  try {
    const keys = await deviceKeys(ctx, 'laptop');
    const answer = answerOf(
      await callOffice(link, {
        path: PACKAGE_PATH,
        body: Buffer.from(JSON.stringify({ request: writePackageRequest(ctx, keys) })),
        contentType: 'application/json',
      }),
    );
    if (!answer.ok) return { missing: `did not come back: ${answer.message}` };
    const file = OutgoingFile.parse(answer.value);
    return { outcome: await importPackage(ctx, new Uint8Array(Buffer.from(file.contentBase64, 'base64')), file.fileName) };
  } catch (error) {
    if (error instanceof CertificateRefused) return { missing: `was not fetched: ${error.message}, so this laptop did not trust it; tell the office.` };
    if (error instanceof OfficeUnreachable) return { missing: `could not be fetched: the server did not answer (${error.message}).` };
    if (error instanceof FieldbookError) return { missing: `could not be applied: ${error.message}` };
    throw error;
  }
}

/** The end-of-day file; or, when nothing is new since the last one, the refusal Export end-of-day file gives, kept for a laptop with no server to send to. */
async function exportIfAnythingNew(ctx: CoreContext): Promise<{ file: ExportResult } | { nothingNew: FieldbookError }> {
  try {
    return { file: await inAsyncTransaction(ctx.sqlite, () => exportBundle(ctx)) };
  } catch (error) {
    if (error instanceof FieldbookError && error.code === 'NOTHING_TO_EXPORT') return { nothingNew: error };
    throw error;
  }
}

/**
 * The files written away from the office (saved instead of sent) that the
 * office has not confirmed, sealed again as Write again seals them (the same
 * id, number and changes) and uploaded in order; the office answers one it
 * already has as already imported, so a file taken in by hand meanwhile does
 * no harm. Stops at the first the office does not take.
 */
async function sendUnconfirmed(
  ctx: CoreContext,
  office: PairedOfficeTable,
  link: OfficeServerLink,
): Promise<{ sent: { file: ExportResult; upload: ImportOutcome }[]; notTaken: { sequence: number; notTaken: NotTaken } | null }> {
  const unconfirmed = await ctx.db
    .selectFrom('outgoing_bundles')
    .select('sequence')
    .where('recipient_device_id', '=', office.device_id)
    .where('acknowledged_at', 'is', null)
    .orderBy('sequence')
    .execute();
  const sent: { file: ExportResult; upload: ImportOutcome }[] = [];
  for (const { sequence } of unconfirmed) {
    const file = await rewriteBundle(ctx, sequence);
    const uploaded = await uploadFile(link, file);
    if ('notTaken' in uploaded) return { sent, notTaken: { sequence, notTaken: uploaded.notTaken } };
    sent.push({ file, upload: uploaded.upload });
  }
  return { sent, notTaken: null };
}

/**
 * With nothing new to send, the laptop back at the office still wants the
 * office's newer sessions and acknowledgements: the package, over the same
 * pinned link, after any earlier file the office has not confirmed (one
 * saved away from the office may never have reached it). Nothing new is
 * written, so nothing new needs saving.
 */
async function onlyFetchPackage(ctx: CoreContext, office: PairedOfficeTable, link: OfficeServerLink): Promise<SendOutcome> {
  const last = await lastBundle(ctx, office.device_id);
  const earlier = await sendUnconfirmed(ctx, office, link);
  const sentWords = earlier.sent.map(({ upload }) => `${sentInWords(upload, office.name)} `).join('');
  if (earlier.notTaken) {
    // Not "sent", and no file to offer: the one the office still needs is the one saved when it was written.
    const noFile = { file: null, sent: false, upload: null };
    const notYet = `${sentWords}${notReachedYet(earlier.notTaken.sequence, earlier.notTaken.notTaken, office.name)}`;
    // Nothing answered, or not with the key learned at pairing: the package would not come either.
    if (earlier.notTaken.notTaken.why === 'unreachable' || earlier.notTaken.notTaken.why === 'untrusted') return { ...noFile, message: notYet, package: null };
    const fetched = await fetchPackage(ctx, link);
    if ('missing' in fetched) return { ...noFile, message: `${notYet} ${office.name}'s package ${fetched.missing}`, package: null };
    return { ...noFile, message: `${notYet} ${fetched.outcome.message}`, package: fetched.outcome };
  }
  // The last file sent again stands for them all: the office has every one now.
  const resent = earlier.sent.at(-1) ?? null;
  const noFile = { file: resent?.file ?? null, sent: resent !== null, upload: resent?.upload ?? null };
  const nothingNew = last
    ? `${sentWords}${resent ? 'Nothing else is new' : 'Nothing new to send'} since end-of-day file ${last.sequence}, so nothing needs saving.`
    : 'Nothing new to send: nothing has been recorded on this laptop yet, so nothing needs saving.';
  const fetched = await fetchPackage(ctx, link);
  if ('missing' in fetched) {
    return {
      ...noFile,
      message: `${nothingNew} ${office.name}'s package ${fetched.missing} Press Send to office again at the office, or import the package from a file from the office.`,
      package: null,
    };
  }
  return { ...noFile, message: `${nothingNew} ${fetched.outcome.message}`, package: fetched.outcome };
}

/**
 * "Send to office": the end-of-day file, written and numbered exactly as
 * Export end-of-day file writes it (in a transaction of its own, which
 * commits before any waiting on the network), then, when the paired office
 * runs a server, uploaded to it over HTTPS trusting only the certificate key
 * its enrolment file named, and the laptop's package fetched and applied as
 * an imported package file would be. Without a network, with a refused
 * certificate or a refused file, the file is handed back to be saved and
 * taken to the office as today, and the message says why. With nothing new
 * to send, an earlier file the office has not confirmed is sent again, then
 * the package is fetched (a laptop without a server is told there is no need
 * to export, as Export tells it).
 */
export async function sendToOffice(ctx: CoreContext): Promise<SendOutcome> {
  const exported = await exportIfAnythingNew(ctx);
  const office = await pairedOffice(ctx);
  const link = pairedServerLink(office);
  if ('nothingNew' in exported) {
    if (!link) throw exported.nothingNew;
    return onlyFetchPackage(ctx, office, link);
  }
  const file = exported.file;
  const kept = (message: string): SendOutcome => ({ file, sent: false, message, upload: null, package: null });
  if (!link) return kept(`The end-of-day file was written. Save it and take it to ${office.name}: it does not run a server this laptop can send to.`);

  const uploaded = await uploadFile(link, file);
  if ('notTaken' in uploaded) return kept(writtenButNotSent(uploaded.notTaken, office.name));
  const upload = uploaded.upload;
  const sent = sentInWords(upload, office.name);
  // The file is at the office either way: the package can come later, by the network or as a file.
  const fetched = await fetchPackage(ctx, link);
  if ('missing' in fetched) {
    return {
      file,
      sent: true,
      message: `${sent} Its package ${fetched.missing} Press Send to office again to fetch it, or import the package from a file from the office.`,
      upload,
      package: null,
    };
  }
  return { file, sent: true, message: `${sent} ${fetched.outcome.message}`, upload, package: fetched.outcome };
}
