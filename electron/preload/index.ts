import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEventName, AppEvents, FieldbookBridge } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import { CHOOSE_FOLDER_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, PRINT_PDF_CHANNEL } from '../ipc-channels';

/**
 * The renderer's only door to the core: one `invoke` for declared procedures,
 * one `on` for app events, `printToPdf` for the page on screen, and
 * `chooseFolder` for the operating system's folder picker.
 * ipcRenderer itself is never exposed.
 */
const bridge: FieldbookBridge = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input) as Promise<CallResult<unknown>>,
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void) {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: AppEvents[E]) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  printToPdf: () => ipcRenderer.invoke(PRINT_PDF_CHANNEL) as Promise<CallResult<{ contentBase64: string }>>,
  chooseFolder: (title) => ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL, String(title)) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('fieldbook', bridge);
