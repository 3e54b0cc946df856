import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { importSheet, previewSheet } from './run';

/** The procedures carry the file as base64; the core works on its bytes. */
const bytesOf = (contentBase64: string) => new Uint8Array(Buffer.from(contentBase64, 'base64'));

export function sheetHandlers(ctx: CoreContext): HandlerGroup<'sheets'> {
  return {
    'sheets.preview': ({ contentBase64, ...rest }) => previewSheet(ctx, { ...rest, bytes: bytesOf(contentBase64) }),
    'sheets.import': ({ contentBase64, ...rest }) => importSheet(ctx, { ...rest, bytes: bytesOf(contentBase64) }),
  };
}
