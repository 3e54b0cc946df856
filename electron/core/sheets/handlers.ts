import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { SheetProgressBoard } from './progress';
import { importSheet, previewSheet } from './run';

/** The procedures carry the file as base64; the core works on its bytes (a Buffer is a Uint8Array: not copied into another). */
const bytesOf = (contentBase64: string): Uint8Array => Buffer.from(contentBase64, 'base64');

export function sheetHandlers(ctx: CoreContext): HandlerGroup<'sheets'> {
  // One per core: what the running preview or import says of itself, for sheets.progress.
  const board = new SheetProgressBoard();
  const tracked = async <T>(progressId: string | undefined, work: (report: ReturnType<SheetProgressBoard['track']>['report']) => Promise<T>) => {
    const { report, done } = board.track(progressId);
    try {
      return await work(report);
    } finally {
      done();
    }
  };
  return {
    'sheets.preview': ({ contentBase64, progressId, ...rest }) => tracked(progressId, (report) => previewSheet(ctx, { ...rest, progressId, bytes: bytesOf(contentBase64) }, report)),
    'sheets.import': ({ contentBase64, progressId, ...rest }) => tracked(progressId, (report) => importSheet(ctx, { ...rest, progressId, bytes: bytesOf(contentBase64) }, report)),
    'sheets.progress': async ({ progressId }) => board.read(progressId),
  };
}
