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
import { saveSetting, setting } from './settings';
import { notReached, sendingsInWords, type FileSending, type KeptAnswer, type NotTaken } from './send-to-office-words';

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

/**
 * Refusals about the moment or the office, not the file: the same file may be
 * taken next time, so it is sent again. An office that cannot import at all
 * just now (not set up as the office, or an older version that does not read
 * this format yet) would otherwise mark every unconfirmed file refused in one
 * press, and none would go again until each was written again by hand.
 */
const TRY_AGAIN_CODES: ReadonlySet<string> = new Set(['TOO_MANY_TRIES', 'INTERNAL', 'WRONG_DEVICE_ROLE', 'DEVICE_NOT_SET_UP', 'UNSUPPORTED_VERSION']);

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
    if (!answer.ok) return { notTaken: { why: 'refused', message: answer.message, tryAgain: answer.code === null || TRY_AGAIN_CODES.has(answer.code) } };
    return { upload: ImportOutcome.parse(answer.value) };
  } catch (error) {
    if (error instanceof CertificateRefused) return { notTaken: { why: 'untrusted', message: error.message } };
    if (error instanceof OfficeUnreachable) return { notTaken: { why: 'unreachable', message: error.message } };
    throw error;
  }
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

/** Where the office's answer for a file is kept (see KeptAnswer). */
const keptAnswerKey = (bundleId: string) => `office_answer:${bundleId}`;

/** A person chose Write again: they want that file to go, so the next Send to office tries it again whatever the office answered before. */
export function forgetOfficeAnswer(ctx: CoreContext, file: ExportResult): ExportResult {
  saveSetting(ctx, keptAnswerKey(file.bundle.bundleId), null);
  return file;
}

function keptAnswer(ctx: CoreContext, bundleId: string): KeptAnswer | null {
  const value = setting(ctx, keptAnswerKey(bundleId));
  return value === null ? null : (JSON.parse(value) as KeptAnswer);
}

/**
 * Every file the office has not confirmed, in order: those written away from
 * the office (saved instead of sent) sealed again as Write again seals them
 * (the same id, number and changes), the one just written as it is. The
 * office answers one it already has as already imported, so a file taken in
 * by hand meanwhile does no harm. A file the office held or refused is not
 * sent again, and a refused one does not stop the later ones; no answer, an
 * untrusted answer, or not being enrolled stops them all (stopped).
 */
async function sendUnconfirmed(
  ctx: CoreContext,
  office: PairedOfficeTable,
  link: OfficeServerLink,
  newest: ExportResult | null,
): Promise<{ sendings: FileSending[]; stopped: NotTaken | null }> {
  const unconfirmed = await ctx.db
    .selectFrom('outgoing_bundles')
    .select(['sequence', 'bundle_id'])
    .where('recipient_device_id', '=', office.device_id)
    .where('acknowledged_at', 'is', null)
    .orderBy('sequence')
    .execute();
  const sendings: FileSending[] = [];
  for (const { sequence, bundle_id: bundleId } of unconfirmed) {
    const kept = keptAnswer(ctx, bundleId);
    if (kept) {
      sendings.push({ sequence, kept });
      continue;
    }
    const file = newest?.bundle.sequence === sequence ? newest : await rewriteBundle(ctx, sequence);
    const uploaded = await uploadFile(link, file);
    if ('notTaken' in uploaded) {
      sendings.push({ sequence, notTaken: uploaded.notTaken });
      if (uploaded.notTaken.why !== 'refused' || uploaded.notTaken.tryAgain) return { sendings, stopped: uploaded.notTaken };
      saveSetting(ctx, keptAnswerKey(bundleId), JSON.stringify({ answer: 'refused', message: uploaded.notTaken.message } satisfies KeptAnswer));
      continue;
    }
    if (uploaded.upload.status === 'held') {
      saveSetting(ctx, keptAnswerKey(bundleId), JSON.stringify({ answer: 'held', message: uploaded.upload.message } satisfies KeptAnswer));
    }
    // Only the last file sent is answered with (onlyFetchPackage), so earlier ones are let go, not held in memory.
    for (const earlier of sendings) if ('upload' in earlier) earlier.file = null;
    sendings.push({ sequence, file, upload: uploaded.upload });
  }
  return { sendings, stopped: null };
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
  const { sendings, stopped } = await sendUnconfirmed(ctx, office, link, null);
  const missing = notReached(sendings, null);
  const words = sendingsInWords(sendings, null, office.name);
  if (missing.length > 0) {
    // Not "sent", and no file to offer: the one the office still needs is the one saved when it was written.
    const noFile = { file: null, sent: false, upload: null, notReached: missing };
    // Nothing answered, or not with the key learned at pairing: the package would not come either.
    if (stopped?.why === 'unreachable' || stopped?.why === 'untrusted') return { ...noFile, message: words, package: null };
    const fetched = await fetchPackage(ctx, link);
    if ('missing' in fetched) return { ...noFile, message: `${words} ${office.name}'s package ${fetched.missing}`, package: null };
    return { ...noFile, message: `${words} ${fetched.outcome.message}`, package: fetched.outcome };
  }
  // The last file sent again stands for them all: the office has every one now.
  const resent = sendings.findLast((sending) => 'upload' in sending) ?? null;
  const noFile = { file: resent?.file ?? null, sent: resent !== null, upload: resent?.upload ?? null, notReached: [] };
  const before = words ? `${words} ` : '';
  const nothingNew = last
    ? `${before}${sendings.length > 0 ? 'Nothing else is new' : 'Nothing new to send'} since end-of-day file ${last.sequence}, so nothing needs saving.`
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
  const sequence = file.bundle.sequence;
  if (!link) {
    const message = `The end-of-day file was written. Save it and take it to ${office.name}: it does not run a server this laptop can send to.`;
    return { file, sent: false, message, upload: null, package: null, notReached: [sequence] };
  }

  // Earlier files the office has not confirmed go first, in order: file 2 held up behind a missing file 1 would only be held.
  const { sendings, stopped } = await sendUnconfirmed(ctx, office, link, file);
  const missing = notReached(sendings, sequence);
  const stoppedBefore = stopped !== null && !sendings.some((sending) => sending.sequence === sequence);
  const words = [
    sendingsInWords(sendings, sequence, office.name),
    ...(stoppedBefore ? [`End-of-day file ${sequence} was written but not sent either: save it and take it to ${office.name} too.`] : []),
  ].join(' ');
  const newest = sendings.find((sending) => sending.sequence === sequence);
  if (!newest || !('upload' in newest)) return { file, sent: false, message: words, upload: null, package: null, notReached: missing };
  const upload = newest.upload;
  // The file is at the office either way: the package can come later, by the network or as a file.
  const fetched = await fetchPackage(ctx, link);
  if ('missing' in fetched) {
    return {
      file,
      sent: true,
      message: `${words} Its package ${fetched.missing} Press Send to office again to fetch it, or import the package from a file from the office.`,
      upload,
      package: null,
      notReached: missing,
    };
  }
  return { file, sent: true, message: `${words} ${fetched.outcome.message}`, upload, package: fetched.outcome, notReached: missing };
}
