import { deflateRawSync } from 'node:zlib';
import { SIGNING_KEY_NAME } from '../../electron/core/device/device';
import { newUuidV7 } from '../../electron/core/ids';
import { encodeHlc, HybridLogicalClock } from '../../electron/sync/hlc';
import { encodePayload, type WireChange } from '../../electron/sync/payload';
import { recipientFingerprint, sealFile } from '../../electron/sync/sealed-file';
import type { TempCore } from './temp-core';

/**
 * Sealed files built by hand with Fieldbook's own signing code and the
 * sender's own keys, exactly as an enrolled laptop (or the paired office)
 * writes them, but holding whatever changes a test puts in: what a stolen
 * laptop, or a faulty build, could sign. The receiver's checks of the
 * signature all pass; only the merge's checks stand between such a file and
 * the database.
 */

/** A change as a test writes it; the forger fills in the id, the stamp and the author. */
export interface ChangeSpec {
  table: string;
  rowId: string;
  /** An object (written as JSON) or the fields text exactly as it travels. */
  fields: Record<string, unknown> | string;
  /** For an edit: each field's replaced change id. */
  replaces?: Record<string, string> | null;
  /** The change's clock stamp; by default the sender's next tick. */
  hlc?: string;
  /** The change's device id column; by default the sender. */
  author?: string;
  id?: string;
}

export interface FileSpec {
  /** The changes, framed as Fieldbook frames them (5,000 a frame). */
  changes?: WireChange[];
  /** The whole payload, framed by the test (see payloadOf). */
  payload?: Uint8Array;
  /** The meta frame; by default what the sender's build writes, claiming what the changes are. */
  meta?: unknown;
  /** By default the next number from this forger (starting far above the sender's own, so its real files keep theirs). */
  sequence?: number;
  bundleId?: string;
  /** The envelope's clock stamp; by default the sender's next tick, after every change's. */
  createdAt?: string;
}

/** The meta frame a laptop writes. */
export function bundleMeta(deviceName: string, summary = { changes: 1, sessions: 0, signIns: 0, evaluations: 0, newPeople: 0 }) {
  return { kind: 'bundle', deviceName, summary };
}

/** One frame: its 4-byte big-endian length, then the raw-deflated text. */
export function frameOf(json: string | Buffer): Buffer {
  const body = deflateRawSync(typeof json === 'string' ? Buffer.from(json) : json, { level: 9 });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.byteLength);
  return Buffer.concat([length, body]);
}

/** A payload framed by hand: the meta, then each frame as given (for frames Fieldbook itself would never write). */
export function payloadOf(meta: unknown, ...frames: Buffer[]): Buffer {
  return Buffer.concat([frameOf(JSON.stringify(meta)), ...frames]);
}

interface SealedSender {
  deviceId: string;
  name: string;
  kind: 'bundle' | 'package';
  recipient: string;
  signingKey: Buffer;
  defaultMeta(changes: WireChange[]): unknown;
}

/** Writes files in one device's name, with its own keys and its own clock. */
export class Forger {
  private sequence: number;
  private readonly clock: HybridLogicalClock;

  constructor(
    private readonly source: TempCore,
    private readonly sender: SealedSender,
    firstSequence = 101,
  ) {
    this.sequence = firstSequence;
    const device = source.sqlite.prepare('SELECT clock FROM device').get() as { clock: string };
    this.clock = new HybridLogicalClock(sender.deviceId, () => source.clock().getTime(), device.clock);
  }

  get deviceId(): string {
    return this.sender.deviceId;
  }

  get name(): string {
    return this.sender.name;
  }

  /** The sender's next clock stamp, as its own clock would issue it. */
  tick(): string {
    return this.clock.tick();
  }

  /** A stamp at a given wall time (and counter), in this sender's name unless told otherwise. */
  stampAt(wall: Date | number, counter = 0, deviceId = this.sender.deviceId): string {
    return encodeHlc({ wallMs: typeof wall === 'number' ? wall : wall.getTime(), counter, deviceId });
  }

  change(spec: ChangeSpec): WireChange {
    return [
      spec.id ?? newUuidV7(),
      spec.hlc ?? this.tick(),
      spec.author ?? this.sender.deviceId,
      spec.table,
      spec.rowId,
      typeof spec.fields === 'string' ? spec.fields : JSON.stringify(spec.fields),
      spec.replaces ? JSON.stringify(spec.replaces) : null,
    ];
  }

  /** A sealed file, signed with the sender's key and encrypted to its recipient. */
  async file(spec: FileSpec): Promise<Uint8Array> {
    const changes = spec.changes ?? [];
    const sequence = spec.sequence ?? this.sequence++;
    return sealFile({
      envelope: {
        kind: this.sender.kind,
        bundleId: spec.bundleId ?? newUuidV7(),
        senderDeviceId: this.sender.deviceId,
        sequence,
        recipientFingerprint: recipientFingerprint(this.sender.recipient),
        createdAt: spec.createdAt ?? this.tick(),
      },
      payload: spec.payload ?? encodePayload(spec.meta ?? this.sender.defaultMeta(changes), changes),
      signingKey: this.sender.signingKey,
      recipient: this.sender.recipient,
    });
  }

  /** A file of these changes, with everything else as the sender writes it. */
  async of(...changes: WireChange[]): Promise<Uint8Array> {
    return this.file({ changes });
  }
}

function signingKeyOf(core: TempCore): Buffer {
  const key = core.keyStore.get(SIGNING_KEY_NAME);
  if (!key) throw new Error('This test device has no signing key.');
  return key;
}

/** Bundles in an enrolled laptop's name, addressed to its paired office as the laptop addresses them. */
export function laptopForger(laptop: TempCore, firstSequence?: number): Forger {
  const device = laptop.sqlite.prepare('SELECT id, name FROM device').get() as { id: string; name: string };
  const office = laptop.sqlite.prepare('SELECT age_recipient FROM paired_office').get() as { age_recipient: string } | undefined;
  if (!office) throw new Error(`${device.name} is not paired with an office.`);
  return new Forger(
    laptop,
    {
      deviceId: device.id,
      name: device.name,
      kind: 'bundle',
      recipient: office.age_recipient,
      signingKey: signingKeyOf(laptop),
      defaultMeta: (changes) => bundleMeta(device.name, { changes: changes.length, sessions: 0, signIns: 0, evaluations: 0, newPeople: 0 }),
    },
    firstSequence,
  );
}

/** Packages in the office's name for one enrolled laptop, addressed as the office addresses them. */
export function officeForger(office: TempCore, laptopId: string, firstSequence?: number): Forger {
  const device = office.sqlite.prepare('SELECT id, name FROM device').get() as { id: string; name: string };
  const laptop = office.sqlite.prepare('SELECT age_recipient FROM enrolled_devices WHERE device_id = ?').get(laptopId) as { age_recipient: string } | undefined;
  if (!laptop) throw new Error('That laptop is not enrolled with this office.');
  return new Forger(
    office,
    {
      deviceId: device.id,
      name: device.name,
      kind: 'package',
      recipient: laptop.age_recipient,
      signingKey: signingKeyOf(office),
      defaultMeta: () => ({ kind: 'package', officeName: device.name, laptopDeviceId: laptopId, acknowledged: [], sessions: 0, people: 0 }),
    },
    firstSequence,
  );
}

/** The tables whose rows differ between two dumps (dumpDatabase), by name. */
export function changedTables(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((table) => JSON.stringify(a[table]) !== JSON.stringify(b[table])).sort();
}

/** How many rows of one table each dump holds. */
export function rowCounts(dump: string, table: string): number {
  return ((JSON.parse(dump) as Record<string, unknown[]>)[table] ?? []).length;
}
