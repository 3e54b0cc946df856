import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { FieldbookError } from '../../shared/errors';
import { isClockStamp } from './hlc';

/**
 * A bundle's payload: a sequence of frames, each a 4-byte big-endian length
 * then raw-deflated JSON. Frame 0 is the meta object; every later frame is
 * an array of changes. Framing lets an import of a million changes inflate
 * and apply one frame at a time, so memory stays flat however large the file.
 */

/**
 * The sealed file format this build writes (the envelope's `format`). 2: a
 * package's meta carries the office's erasures and a bundle's the erasures
 * its laptop confirms. An older build, which reads only 1, refuses a 2 in
 * plain words rather than silently ignoring the erasures in it.
 */
export const FILE_FORMAT_WRITTEN = 2;
/** The formats this build opens: 1 from a computer not yet updated (it carries no erasures), and 2. */
export const FILE_FORMATS_READ: readonly number[] = [1, 2];

/** One change-log entry as it travels: [id, hlc, device id, table, row id, fields JSON, replaces JSON or null]. */
export type WireChange = [id: string, hlc: string, deviceId: string, table: string, rowId: string, fields: string, replaces: string | null];

// Checked by hand rather than with zod: a million-change import checks every one.
function isWireChange(value: unknown): value is WireChange {
  if (!Array.isArray(value) || value.length !== 7) return false;
  for (let i = 0; i < 6; i += 1) if (typeof value[i] !== 'string' || (i < 5 && value[i] === '')) return false;
  if (value[6] !== null && typeof value[6] !== 'string') return false;
  // A stamp the clock cannot read would be stored, then fail every later merge of its row.
  return isClockStamp(value[1]);
}

/** What a writer puts in one frame, and the most a reader accepts. */
export const CHANGES_PER_FRAME = 5000;
/**
 * The most one frame may inflate to. A frame of 5,000 changes is a few MB at
 * most; deflate can expand a thousandfold, so without a limit a small signed
 * file could ask for gigabytes.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const MAX_META_BYTES = 1024 * 1024;

function frame(json: string): Buffer {
  const body = deflateRawSync(Buffer.from(json), { level: 3 });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.byteLength);
  return Buffer.concat([length, body]);
}

export function encodePayload(meta: unknown, changes: readonly WireChange[]): Buffer {
  const frames = [frame(JSON.stringify(meta))];
  for (let start = 0; start < changes.length; start += CHANGES_PER_FRAME) {
    frames.push(frame(JSON.stringify(changes.slice(start, start + CHANGES_PER_FRAME))));
  }
  return Buffer.concat(frames);
}

const unreadable = () =>
  new FieldbookError('UNSUPPORTED_VERSION', 'This file is signed and whole, but Fieldbook cannot read what is inside. It may come from a different version of Fieldbook. Nothing was imported.');

/** Where each frame's body lies, checked before anything is inflated. */
function frameBounds(bytes: Buffer): Array<[start: number, end: number]> {
  const bounds: Array<[number, number]> = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    if (offset + 4 > bytes.byteLength) throw unreadable();
    const end = offset + 4 + bytes.readUInt32BE(offset);
    if (end > bytes.byteLength) throw unreadable();
    bounds.push([offset + 4, end]);
    offset = end;
  }
  return bounds;
}

const tooLarge = (senderName: string) =>
  new FieldbookError('FILE_TOO_LARGE', `This file from ${senderName} is signed and whole, but it unpacks to more than Fieldbook reads in one part. Nothing was imported.`);

function inflateFrame(bytes: Buffer, [start, end]: [number, number], limit: number, senderName: string): unknown {
  let text: string;
  try {
    text = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: limit }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(senderName);
    throw unreadable();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw unreadable();
  }
}

export interface DecodedPayload<M> {
  meta: M;
  /** The changes, frame by frame; each is checked for shape as it is read. */
  changeFrames(): Generator<WireChange[]>;
  frameCount: number;
}

/** Reads the meta frame now and the change frames lazily; refusals name the sender. */
export function decodePayload<M>(payload: Uint8Array, metaSchema: z.ZodType<M>, senderName: string): DecodedPayload<M> {
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const bounds = frameBounds(bytes);
  if (bounds.length === 0) throw unreadable();
  const meta = metaSchema.safeParse(inflateFrame(bytes, bounds[0]!, MAX_META_BYTES, senderName));
  if (!meta.success) throw unreadable();
  return {
    meta: meta.data,
    frameCount: bounds.length - 1,
    *changeFrames() {
      for (const bound of bounds.slice(1)) {
        const value = inflateFrame(bytes, bound, MAX_FRAME_BYTES, senderName);
        if (!Array.isArray(value)) throw unreadable();
        if (value.length > CHANGES_PER_FRAME) {
          throw new FieldbookError(
            'FILE_TOO_LARGE',
            `This file from ${senderName} is signed and whole, but one part of it holds ${value.length.toLocaleString('en-GB')} changes; Fieldbook writes at most ${CHANGES_PER_FRAME.toLocaleString('en-GB')}. Nothing was imported.`,
          );
        }
        if (!value.every(isWireChange)) throw unreadable();
        yield value;
      }
    },
  };
}
