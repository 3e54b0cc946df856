/** IPC channel names shared by the main process and the preload, and nothing else. */
export const INVOKE_CHANNEL = 'fieldbook:invoke';
export const EVENT_CHANNEL = 'fieldbook:event';
