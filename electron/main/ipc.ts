import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';
import { INVOKE_CHANNEL } from '../ipc-channels';
import { isTrustedPage } from './security';

/**
 * The IPC transport: checks the sender is the app's own page, then hands the
 * call to the dispatcher. It knows nothing of what any procedure does;
 * `afterEachCall` lets the shell look at the core's state once a call has
 * settled (whether the kiosk is open, for the window).
 */
export function registerInvokeHandler(ipcMain: IpcMain, dispatch: Dispatch, appUrl: string, afterEachCall: () => void = () => {}): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedPage(event.senderFrame?.url, appUrl)) {
      return { ok: false, error: { code: 'UNAUTHORISED', message: 'This page is not allowed to use Fieldbook.' } };
    }
    const result = await dispatch(name, input);
    afterEachCall();
    return result;
  });
}
