import type { EnrolledLaptop, LaptopPinReset, PairedOffice } from '../../../shared/contract';
import { pinResetsByLaptop } from '../settings/laptop-pins';
import { FieldbookError } from '../../../shared/errors';
import type { EnrolledDevicesTable, PairedOfficeTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { fingerprintOf } from '../device/device';
import type { HandlerGroup } from '../handler-types';
import { deviceKeys, thisDevice, type DeviceKeys } from './device-keys';
import { officeServerLink, pairedServerLink } from './office-server-record';
import {
  EnrolmentBody,
  EnrolmentRequestBody,
  fileSafe,
  publicKeysFingerprint,
  readSignedFile,
  writeSignedFile,
  type PublicKeys,
} from './pairing-files';

const toBase64 = (text: string) => Buffer.from(text).toString('base64');

type PairedDeviceRow = Omit<PairedOfficeTable, 'singleton' | 'server_addresses' | 'server_spki_sha256'>;

/** What both ends of a pairing keep about the other: the office about a laptop, a laptop about its office. */
function toPairedDevice(row: PairedDeviceRow): Omit<PairedOffice, 'server'> {
  return {
    deviceId: row.device_id,
    name: row.name,
    fingerprint: fingerprintOf(row.signing_public_key, row.age_recipient),
    team: row.team,
    facilitators: JSON.parse(row.facilitators) as string[],
    enrolledAt: row.enrolled_at,
  };
}

function toPairedOffice(row: PairedOfficeTable): PairedOffice {
  return { ...toPairedDevice(row), server: pairedServerLink(row) };
}

/** `resets` is the office's kiosk PIN resets by laptop (settings/laptop-pins.ts), so the Devices screen shows whether each was applied. */
export function toEnrolledLaptop(row: EnrolledDevicesTable, resets: ReadonlyMap<string, LaptopPinReset>): EnrolledLaptop {
  return { ...toPairedDevice(row), revokedAt: row.revoked_at, revokedReason: row.revoked_reason, pinReset: resets.get(row.device_id) ?? null };
}

function ownPublicKeys(keys: DeviceKeys): PublicKeys {
  return {
    deviceId: keys.device.id,
    name: keys.device.name,
    signingPublicKey: keys.device.signing_public_key,
    ageRecipient: keys.device.age_recipient,
  };
}

const readRequest = (contentBase64: string) =>
  readSignedFile(contentBase64, EnrolmentRequestBody, "a laptop's enrolment request", (body) => body.signingPublicKey);

const readEnrolment = (contentBase64: string) =>
  readSignedFile(contentBase64, EnrolmentBody, "the office's enrolment file", (body) => body.office.signingPublicKey);

export async function enrolledLaptop(ctx: CoreContext, deviceId: string): Promise<EnrolledDevicesTable> {
  const row = await ctx.db.selectFrom('enrolled_devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose a laptop enrolled with this office: that one is not.');
  return row;
}

function enrolmentFile(ctx: CoreContext, keys: DeviceKeys, laptop: EnrolledDevicesTable) {
  // An office that has run as a server tells the laptop where, and which certificate key alone to trust.
  const server = officeServerLink(ctx);
  const body: EnrolmentBody = {
    kind: 'enrolment',
    format: 1,
    office: ownPublicKeys(keys),
    laptopDeviceId: laptop.device_id,
    team: laptop.team,
    facilitators: JSON.parse(laptop.facilitators) as string[],
    enrolledAt: laptop.enrolled_at,
    ...(server ? { server } : {}),
  };
  return {
    fileName: `${fileSafe(laptop.name)}-enrolment.fieldbook-enrolment`,
    contentBase64: toBase64(writeSignedFile(body, keys.signingKey)),
  };
}

export function pairingHandlers(ctx: CoreContext): HandlerGroup<'pairing'> {
  return {
    async 'pairing.status'() {
      const keys = await deviceKeys(ctx);
      const office = await ctx.db.selectFrom('paired_office').selectAll().executeTakeFirst();
      const laptops = await ctx.db.selectFrom('enrolled_devices').selectAll().orderBy('name').execute();
      const resets = pinResetsByLaptop(ctx);
      return {
        role: keys.device.role,
        deviceName: keys.device.name,
        fingerprint: keys.fingerprint,
        office: office ? toPairedOffice(office) : null,
        laptops: laptops.map((laptop) => toEnrolledLaptop(laptop, resets)),
      };
    },

    async 'pairing.request'() {
      const keys = await deviceKeys(ctx, 'laptop');
      const body: EnrolmentRequestBody = { kind: 'enrolment-request', format: 1, ...ownPublicKeys(keys) };
      return {
        fileName: `${fileSafe(keys.device.name)}-enrolment-request.fieldbook-request`,
        contentBase64: toBase64(writeSignedFile(body, keys.signingKey)),
        fingerprint: keys.fingerprint,
      };
    },

    async 'pairing.readRequest'({ contentBase64 }) {
      await thisDevice(ctx, 'office');
      const request = readRequest(contentBase64);
      const existing = await ctx.db.selectFrom('enrolled_devices').select('device_id').where('device_id', '=', request.deviceId).executeTakeFirst();
      return { deviceId: request.deviceId, name: request.name, fingerprint: publicKeysFingerprint(request), alreadyEnrolled: !!existing };
    },

    async 'pairing.enrol'({ request: file, team, facilitators }) {
      const keys = await deviceKeys(ctx, 'office');
      const request = readRequest(file.contentBase64);
      if (request.deviceId === keys.device.id) throw new FieldbookError('CONFLICT', 'Choose the request a laptop wrote: that is this computer’s own.');
      const enrolled = await ctx.db.selectFrom('enrolled_devices').selectAll().where('device_id', '=', request.deviceId).executeTakeFirst();
      if (enrolled && (enrolled.signing_public_key !== request.signingPublicKey || enrolled.age_recipient !== request.ageRecipient)) {
        // Same laptop id, other keys: someone else's request, or a copy of the laptop. Either way, not the laptop enrolled.
        throw new FieldbookError(
          'BAD_SIGNATURE',
          `This request names ${enrolled.name}, which is already enrolled with different keys, so it was not accepted. A reinstalled laptop makes a new request under a new name.`,
        );
      }
      // Enrolling again replaces the keys and lifts a revocation: it is a deliberate new pairing.
      const row: EnrolledDevicesTable = {
        device_id: request.deviceId,
        name: request.name,
        signing_public_key: request.signingPublicKey,
        age_recipient: request.ageRecipient,
        team,
        facilitators: JSON.stringify(facilitators),
        enrolled_at: ctx.clock().toISOString(),
        revoked_at: null,
        revoked_reason: null,
      };
      const { device_id: _, ...update } = row;
      await ctx.db
        .insertInto('enrolled_devices')
        .values(row)
        .onConflict((conflict) => conflict.column('device_id').doUpdateSet(update))
        .execute();
      return { laptop: toEnrolledLaptop(row, pinResetsByLaptop(ctx)), enrolment: enrolmentFile(ctx, keys, row) };
    },

    async 'pairing.enrolmentFile'({ deviceId }) {
      const keys = await deviceKeys(ctx, 'office');
      return enrolmentFile(ctx, keys, await enrolledLaptop(ctx, deviceId));
    },

    async 'pairing.revoke'({ deviceId, reason }) {
      await thisDevice(ctx, 'office');
      const laptop = await enrolledLaptop(ctx, deviceId);
      if (laptop.revoked_at) return toEnrolledLaptop(laptop, pinResetsByLaptop(ctx));
      const revoked = { ...laptop, revoked_at: ctx.clock().toISOString(), revoked_reason: reason };
      await ctx.db
        .updateTable('enrolled_devices')
        .set({ revoked_at: revoked.revoked_at, revoked_reason: reason })
        .where('device_id', '=', deviceId)
        .execute();
      return toEnrolledLaptop(revoked, pinResetsByLaptop(ctx));
    },

    async 'pairing.readEnrolment'({ contentBase64 }) {
      const device = await thisDevice(ctx, 'laptop');
      const enrolment = readEnrolment(contentBase64);
      if (enrolment.laptopDeviceId !== device.id) {
        throw new FieldbookError('WRONG_RECIPIENT', 'This enrolment file is for another laptop. Ask the office for the one written for this laptop.');
      }
      return {
        officeName: enrolment.office.name,
        fingerprint: publicKeysFingerprint(enrolment.office),
        team: enrolment.team,
        facilitators: enrolment.facilitators,
        serverAddresses: enrolment.server?.addresses ?? [],
      };
    },

    async 'pairing.acceptEnrolment'({ contentBase64 }) {
      const device = await thisDevice(ctx, 'laptop');
      const enrolment = readEnrolment(contentBase64);
      if (enrolment.laptopDeviceId !== device.id) {
        throw new FieldbookError('WRONG_RECIPIENT', 'This enrolment file is for another laptop. Ask the office for the one written for this laptop.');
      }
      const current = await ctx.db.selectFrom('paired_office').selectAll().executeTakeFirst();
      if (current && current.device_id !== enrolment.office.deviceId) {
        // Bundles already written were addressed to the old office; a new office starts from scratch.
        throw new FieldbookError('CONFLICT', `Use enrolment files from ${current.name} only: this laptop already sends to it and cannot switch to another office.`);
      }
      if (current && (current.signing_public_key !== enrolment.office.signingPublicKey || current.age_recipient !== enrolment.office.ageRecipient)) {
        // The file is signed by the keys it carries, so only the keys already trusted can vouch for an update:
        // anyone could otherwise write a file naming the office with their own keys and receive this laptop's data.
        throw new FieldbookError(
          'BAD_SIGNATURE',
          `This enrolment file names ${current.name} but carries different keys from the ones this laptop already trusts, so it was not accepted. Ask the office for a new enrolment file and compare the fingerprint.`,
        );
      }
      const row: PairedOfficeTable = {
        singleton: 1,
        device_id: enrolment.office.deviceId,
        name: enrolment.office.name,
        signing_public_key: enrolment.office.signingPublicKey,
        age_recipient: enrolment.office.ageRecipient,
        team: enrolment.team,
        facilitators: JSON.stringify(enrolment.facilitators),
        enrolled_at: enrolment.enrolledAt,
        // Read-only on the laptop: only a new enrolment file signed by the same office changes it.
        server_addresses: enrolment.server ? JSON.stringify(enrolment.server.addresses) : null,
        server_spki_sha256: enrolment.server?.spkiSha256 ?? null,
      };
      const { singleton: _, ...update } = row;
      await ctx.db
        .insertInto('paired_office')
        .values(row)
        .onConflict((conflict) => conflict.column('singleton').doUpdateSet(update))
        .execute();
      return toPairedOffice(row);
    },
  };
}
