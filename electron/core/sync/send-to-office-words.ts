import type { ExportResult, ImportOutcome } from '../../../shared/contract';

/**
 * What Send to office says of each end-of-day file it tried (or did not try
 * again), in the words each case needs, and which files have not reached the
 * office: send-to-office.ts does the sending.
 */

/** Why the office server did not take a file, in the words each caller puts around it. */
export type NotTaken =
  | { why: 'not-enrolled' }
  /** tryAgain: a refusal about the moment (too many tries, the server's own trouble, an answer not Fieldbook's), not about the file. */
  | { why: 'refused'; message: string; tryAgain: boolean }
  | { why: 'untrusted'; message: string }
  | { why: 'unreachable'; message: string };

/**
 * The office's answer for a file it will not take as it is (held for review,
 * or refused for good), kept on this laptop so the same file is not sent
 * again on every press: once more would only add a line to the office's
 * import log. Forgotten when the office's package confirms the file (only
 * unconfirmed files are looked at), and not kept when the refusal says to
 * try again later.
 */
export type KeptAnswer = { answer: 'held' | 'refused'; message: string };

/** One unconfirmed file's fate on this press: taken (imported, already there, or held), not taken, or not sent again. */
export type FileSending =
  | { sequence: number; /** Kept for the last one sent only (a laptop away for weeks re-sends many). */ file: ExportResult | null; upload: ImportOutcome }
  | { sequence: number; notTaken: NotTaken }
  | { sequence: number; kept: KeptAnswer };

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

/** What the laptop says of a file it did not send again, since the office already answered it: held there for review, or refused. */
function notSentAgain(sequence: number, kept: KeptAnswer, officeName: string): string {
  if (kept.answer === 'held') {
    return `End-of-day file ${sequence} is at ${officeName}, held for review, so it was not sent again: the office imports it from its held list.`;
  }
  return `End-of-day file ${sequence} has not reached ${officeName}, and was not sent again: its server refused it (${kept.message.replace(/\.$/, '')}). Take the file you saved to the office (or save it again with Write again under Files written), and tell the office.`;
}

/** "Sent to Central office over the network: Imported end-of-day file 3 from Hall laptop 2: …." */
function sentInWords(upload: ImportOutcome, officeName: string): string {
  return `Sent to ${officeName} over the network: ${upload.message}.`.replace(/\.\.$/, '.');
}

/** What this press did with each file, in order, in plain words; the one just written (newest) in the words for a file just written. */
export function sendingsInWords(sendings: FileSending[], newest: number | null, officeName: string): string {
  return sendings
    .map((sending) => {
      if ('upload' in sending) return sentInWords(sending.upload, officeName);
      if ('notTaken' in sending) {
        return sending.sequence === newest ? writtenButNotSent(sending.notTaken, officeName) : notReachedYet(sending.sequence, sending.notTaken, officeName);
      }
      return notSentAgain(sending.sequence, sending.kept, officeName);
    })
    .join(' ');
}

/** The files this press knows have not reached the office: not taken now, refused before, or not tried after one that stopped the rest. */
export function notReached(sendings: FileSending[], newest: number | null): number[] {
  const missing = sendings.filter((sending) => 'notTaken' in sending || ('kept' in sending && sending.kept.answer === 'refused')).map(({ sequence }) => sequence);
  const tried = sendings.some(({ sequence }) => sequence === newest);
  return newest !== null && !tried ? [...missing, newest] : missing;
}
