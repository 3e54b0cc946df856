import type { IncomingFile, OutgoingFile } from '../../../shared/contract';

/**
 * Files between devices cross either transport as base64 text. Out: the
 * bytes become a download, which the web host's browser saves to its
 * downloads folder and Electron offers through its native save dialog, so
 * one code path meets both. In: a file the person chose in an
 * <input type="file">, read here in the renderer and sent as text.
 *
 * Bundles can be tens of megabytes, so both directions work in slices:
 * spreading a whole file into String.fromCharCode would overflow the stack.
 */

/** A multiple of 3 bytes, so each slice's base64 joins the next with no padding in between. */
const ENCODE_SLICE = 3 * 8192;
/** A multiple of 4 characters: whole base64 groups decode on their own. */
const DECODE_SLICE = 4 * 65536;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += ENCODE_SLICE) {
    // A bounded slice as arguments: small enough for any engine's argument limit.
    const slice = bytes.subarray(start, start + ENCODE_SLICE) as unknown as number[];
    parts.push(btoa(String.fromCharCode.apply(null, slice)));
  }
  return parts.join('');
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding);
  let offset = 0;
  for (let start = 0; start < clean.length; start += DECODE_SLICE) {
    const binary = atob(clean.slice(start, start + DECODE_SLICE));
    for (let index = 0; index < binary.length; index += 1) bytes[offset + index] = binary.charCodeAt(index);
    offset += binary.length;
  }
  return bytes;
}

/** Reads a chosen file into what an import procedure takes. */
export async function readChosenFile(file: File): Promise<IncomingFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, contentBase64: bytesToBase64(bytes) };
}

/**
 * Hands a file to the person: a download in a browser, the save dialog in
 * Electron. The object URL is let go once the download has had time to start.
 */
export function offerDownload(file: OutgoingFile): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
