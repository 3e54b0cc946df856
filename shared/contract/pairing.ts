import { z } from 'zod';
import { Empty, Id, optionalText, requiredText, tooLongText } from './common';
import { LaptopPinReset } from './settings';

/**
 * Pairing a laptop with the central office. Files carry public keys only;
 * the short fingerprint on both screens is what a person compares before
 * accepting, so a swapped file cannot slip through.
 */

/** A file the renderer offers as a download (web) or save dialog (Electron). */
export const OutgoingFile = z.object({
  fileName: z.string(),
  /** The file's bytes, base64-encoded so they cross either transport as JSON. */
  contentBase64: z.string(),
});
export type OutgoingFile = z.infer<typeof OutgoingFile>;

/** A file a person chose to import. */
export const IncomingFile = z.strictObject({
  fileName: z.string({ error: 'Enter the file name as text.' }).trim().max(260, { error: tooLongText('File name', 260) }).default('file'),
  contentBase64: z
    .string({ error: 'Choose a file to import.' })
    .min(1, { error: 'Choose another file: that one is empty.' })
    .max(400 * 1024 * 1024, { error: 'That file is too large to be a Fieldbook file.' }),
});
export type IncomingFile = z.input<typeof IncomingFile>;

const facilitatorNames = z
  .array(requiredText('Facilitator name', 120), { error: 'Add the facilitators as a list of names.' })
  .max(50, { error: 'List at most 50 facilitators.' })
  .default([]);

/** A device on the other end of a pairing, as this one knows it. */
const PairedDevice = z.object({
  deviceId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  /** The laptop's place in the organisation: a team or region. */
  team: z.string().nullable(),
  /** Whose upcoming sessions go into the laptop's package. Empty means every upcoming session. */
  facilitators: z.array(z.string()),
  enrolledAt: z.string(),
});

export const EnrolledLaptop = PairedDevice.extend({
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** The kiosk PIN reset the office last set for it, and whether the laptop has applied it; null when none was ever set. */
  pinReset: LaptopPinReset.nullable(),
});
export type EnrolledLaptop = z.infer<typeof EnrolledLaptop>;

/**
 * The office server a paired laptop may upload to, from the office's signed
 * enrolment file: its addresses and the SHA-256 of its certificate's public
 * key (SPKI, base64), the only certificate the laptop accepts from it.
 */
export const OfficeServerLink = z.object({
  addresses: z.array(z.string()),
  spkiSha256: z.string(),
});
export type OfficeServerLink = z.infer<typeof OfficeServerLink>;

export const PairedOffice = PairedDevice.extend({
  /** Null when the office was not running as a server when it enrolled this laptop: files travel by hand only. */
  server: OfficeServerLink.nullable(),
});
export type PairedOffice = z.infer<typeof PairedOffice>;

export const PairingStatus = z.object({
  role: z.enum(['laptop', 'office']),
  deviceName: z.string(),
  /** This device's own pairing fingerprint. */
  fingerprint: z.string(),
  /** Laptop: the office it sends to, once enrolled. */
  office: PairedOffice.nullable(),
  /** Office: every laptop it has enrolled, revoked ones included. */
  laptops: z.array(EnrolledLaptop),
});
export type PairingStatus = z.infer<typeof PairingStatus>;

/** What the office sees before accepting a laptop's request. */
export const EnrolmentRequestPreview = z.object({
  deviceId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  alreadyEnrolled: z.boolean(),
});

/** What the laptop sees before accepting the office's answer. */
export const EnrolmentPreview = z.object({
  officeName: z.string(),
  fingerprint: z.string(),
  team: z.string().nullable(),
  facilitators: z.array(z.string()),
  /** The office server's addresses, when the office runs as one: "Send to office" uploads there. */
  serverAddresses: z.array(z.string()),
});

export const EnrolInput = z.strictObject({
  request: IncomingFile,
  team: optionalText('Team', 120),
  facilitators: facilitatorNames,
});

export const RevokeInput = z.strictObject({
  deviceId: Id,
  reason: requiredText('Reason', 300),
});

export const pairingProcedures = {
  'pairing.status': { kind: 'query', input: Empty, output: PairingStatus },
  /** Laptop: the enrolment request file to give to the office. */
  'pairing.request': { kind: 'query', input: Empty, output: OutgoingFile.extend({ fingerprint: z.string() }) },
  /** Office: read a request and show its fingerprint; writes nothing. */
  'pairing.readRequest': { kind: 'query', input: IncomingFile, output: EnrolmentRequestPreview },
  /** Office: enrol the laptop and answer with its enrolment file. */
  'pairing.enrol': { kind: 'mutation', input: EnrolInput, output: z.object({ laptop: EnrolledLaptop, enrolment: OutgoingFile }) },
  /** Office: the enrolment file again, for a laptop already enrolled. */
  'pairing.enrolmentFile': { kind: 'query', input: z.strictObject({ deviceId: Id }), output: OutgoingFile },
  'pairing.revoke': { kind: 'mutation', input: RevokeInput, output: EnrolledLaptop },
  /** Laptop: read the office's answer and show its fingerprint; writes nothing. */
  'pairing.readEnrolment': { kind: 'query', input: IncomingFile, output: EnrolmentPreview },
  'pairing.acceptEnrolment': { kind: 'mutation', input: IncomingFile, output: PairedOffice },
} as const;
