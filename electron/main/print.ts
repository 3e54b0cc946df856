import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/errors';
import { PRINT_PDF_CHANNEL } from '../ipc-channels';
import { isTrustedPage } from './security';

/**
 * "Save as PDF" in the app: Chromium lays the page out for print (the print
 * stylesheet applies) and hands back the PDF's bytes. They go back to the
 * renderer, which offers them as a download like every other file, so the
 * same save dialog asks where the PDF goes. Only the app's own page may ask.
 */
export function registerPrintToPdf(ipcMain: IpcMain, appUrl: string): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event: IpcMainInvokeEvent): Promise<CallResult<{ contentBase64: string }>> => {
    if (!isTrustedPage(event.senderFrame?.url, appUrl)) {
      return { ok: false, error: { code: 'UNAUTHORISED', message: 'This page is not allowed to use Fieldbook.' } };
    }
    try {
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true });
      return { ok: true, value: { contentBase64: Buffer.from(pdf).toString('base64') } };
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Choose Print instead and save as PDF from there: the PDF could not be made.' } };
    }
  });
}
