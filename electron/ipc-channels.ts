/** IPC channel names shared by the main process and the preload, and nothing else. */
export const INVOKE_CHANNEL = 'fieldbook:invoke';
export const EVENT_CHANNEL = 'fieldbook:event';
/** The app's "Save as PDF" of the page on screen (Electron's printToPDF); the web host prints instead. */
export const PRINT_PDF_CHANNEL = 'fieldbook:print-pdf';
/** The operating system's folder picker (the inbox and backup folders); the web host has none, the path is typed. */
export const CHOOSE_FOLDER_CHANNEL = 'fieldbook:choose-folder';
