import { z } from 'zod';
import { Empty, Id, RecordVersion, tooLongText, versioned } from './common';
import { IncomingFile, OutgoingFile } from './pairing';

/**
 * Moving data as files: the laptop's end-of-day bundle, the office's import
 * and merge, and the office's package back to a laptop.
 */

/** What a bundle or package holds, in words a facilitator recognises. */
export const BundleSummary = z.object({
  changes: z.number(),
  sessions: z.number(),
  /** Sign-ins that still stand. */
  signIns: z.number(),
  /** Sign-ins undone; files from before this count was kept read as none. */
  undone: z.number().default(0),
  evaluations: z.number(),
  newPeople: z.number(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const OutgoingBundle = z.object({
  bundleId: z.string(),
  sequence: z.number(),
  createdAt: z.string(),
  summary: BundleSummary,
  /** When the office's package said it had this bundle; null until then. */
  acknowledgedAt: z.string().nullable(),
});
export type OutgoingBundle = z.infer<typeof OutgoingBundle>;

export const Outbox = z.object({
  officeName: z.string().nullable(),
  /** What the next export would carry. */
  unsent: BundleSummary,
  /** Newest first. */
  bundles: z.array(OutgoingBundle),
  /** Acknowledged personal data older than this many days is removed from the laptop. */
  retentionDays: z.number(),
});
export type Outbox = z.infer<typeof Outbox>;

export const ExportResult = OutgoingFile.extend({ bundle: OutgoingBundle });
export type ExportResult = z.infer<typeof ExportResult>;

export const importStatuses = ['imported', 'already_imported', 'held'] as const;
export const ImportOutcome = z.object({
  status: z.enum(importStatuses),
  /** Plain words: "Imported end-of-day file 3 from Hall laptop 2", "Already imported on 12 March from Hall laptop 2". */
  message: z.string(),
  bundleId: z.string(),
  senderName: z.string(),
  sequence: z.number(),
  summary: BundleSummary,
  /** Sessions whose places are over capacity only after this merge. */
  capacityFlags: z.number(),
  /** Values this merge overwrote, now in the conflict log. */
  conflicts: z.number(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const PackageOutcome = z.object({
  status: z.enum(['imported', 'already_imported']),
  message: z.string(),
  sessions: z.number(),
  people: z.number(),
  /** Bundles of this laptop the office confirmed it holds. */
  acknowledged: z.number(),
  /** Sessions whose personal data was removed from this laptop. */
  prunedSessions: z.number(),
});
export type PackageOutcome = z.infer<typeof PackageOutcome>;

export const InboxResult = z.object({
  folder: z.string(),
  files: z.array(
    z.object({
      fileName: z.string(),
      outcome: ImportOutcome.nullable(),
      /** Why a file was refused, when it was. */
      refusal: z.string().nullable(),
    }),
  ),
});
export type InboxResult = z.infer<typeof InboxResult>;

export const ManifestEntry = z.object({
  deviceId: z.string(),
  name: z.string(),
  revoked: z.boolean(),
  received: z.array(z.number()),
  /** Sequence numbers below the newest that have not arrived. */
  missing: z.array(z.number()),
  /** How many times a bundle already imported was offered again. */
  repeatsSeen: z.number(),
  lastImportedAt: z.string().nullable(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** A refused file is in the log too (from the inbox's Refused folder), beside the files imported. */
export const importLogStatuses = [...importStatuses, 'refused'] as const;
export const ImportLogEntry = z.object({
  at: z.string(),
  fileName: z.string(),
  /** Null for a refused file: a damaged or unsigned file cannot say which laptop wrote it. */
  senderName: z.string().nullable(),
  sequence: z.number().nullable(),
  status: z.enum(importLogStatuses),
  /** For a refused file, the plain reason it was refused. */
  message: z.string(),
  /** On the office server, the staff member who imported it; null for the desktop app, the inbox and laptops' uploads. */
  staffName: z.string().nullable(),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;

export const Conflict = z.object({
  id: z.string(),
  table: z.string(),
  rowId: z.string(),
  /** What the record is, in words: "Amira Khan", "Booking: Amira Khan, 12 March". */
  record: z.string(),
  field: z.string(),
  /**
   * Present (true) for equality answers, which are reported only in aggregate,
   * never one by one: their values stay in the core (both are left out) and
   * the overwritten one cannot be restored, only the change marked reviewed.
   */
  valuesWithheld: z.literal(true).optional(),
  keptValue: z.unknown().optional(),
  keptBy: z.string(),
  keptAt: z.string(),
  overwrittenValue: z.unknown().optional(),
  overwrittenBy: z.string(),
  overwrittenAt: z.string(),
  status: z.enum(['open', 'accepted', 'reversed']),
  /** On the office server, the staff member who kept or restored the value; null otherwise, and while open. */
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const CapacityFlag = z.object({
  sessionId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  capacity: z.number(),
  held: z.number(),
  flaggedAt: z.string(),
});
export type CapacityFlag = z.infer<typeof CapacityFlag>;

export const HeldBundle = z.object({
  bundleId: z.string(),
  fileName: z.string(),
  senderName: z.string(),
  sequence: z.number(),
  createdAt: z.string(),
  reason: z.string(),
  receivedAt: z.string(),
});

const DuplicatePerson = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  organisationName: z.string().nullable(),
  addedBy: z.string(),
  sessions: z.number(),
});
export const DuplicateCandidate = z.object({ first: DuplicatePerson, second: DuplicatePerson, reason: z.string() });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const SyncSettings = z.object({
  inboxFolder: z.string().nullable(),
  retentionDays: z.number(),
});

export const SyncSettingsInput = z.strictObject({
  inboxFolder: z
    .string({ error: 'Enter the inbox folder as text.' })
    .trim()
    .max(1000, { error: tooLongText('Inbox folder', 1000) })
    .nullish()
    .transform((value) => (value ? value : null)),
  retentionDays: z
    .number({ error: 'Enter how many days to keep acknowledged data, for example 30.' })
    .int({ error: 'Enter a whole number of days to keep acknowledged data, for example 30.' })
    .min(1, { error: 'Keep acknowledged data for at least 1 day.' })
    .max(3650, { error: 'Keep acknowledged data for 3,650 days (10 years) or fewer.' }),
});

/** "Send to office" on a laptop paired with an office server: the end-of-day file, and whether it went over the network. */
export const SendOutcome = z.object({
  /** The end-of-day file written; with nothing new, the earlier one the office did not have yet and took now; else null, and only the package was asked for. */
  file: ExportResult.nullable(),
  /** True when the office server took the file: nothing needs saving. False with a file: save it and take it to the office as today. */
  sent: z.boolean(),
  /** Plain words: what happened, and what to do with the file when it was not sent. */
  message: z.string(),
  /** The office's import of the uploaded file, when it was sent. */
  upload: ImportOutcome.nullable(),
  /** The package fetched and applied straight after, when that worked. */
  package: PackageOutcome.nullable(),
  /** End-of-day files this press knows have not reached the office (not taken, refused before, or written but not sent), in order: empty when all went. */
  notReached: z.array(z.number()),
});
export type SendOutcome = z.infer<typeof SendOutcome>;

/** A laptop's request for its package from the office server: a pairing-style signed file, base64. */
export const PackageRequestInput = z.strictObject({
  request: z
    .string({ error: 'Send the signed package request as text.' })
    .min(1, { error: 'Send the signed package request: it is empty.' })
    .max(16 * 1024, { error: 'Send a shorter package request: that one is too long to be one.' }),
});

export const syncProcedures = {
  /** With the version a save sends back: a save over values changed since is refused with CHANGED_SINCE_OPENED (record-version.ts). */
  'sync.settings': { kind: 'query', input: Empty, output: versioned(SyncSettings) },
  'sync.saveSettings': { kind: 'mutation', input: SyncSettingsInput.extend({ version: RecordVersion }), output: versioned(SyncSettings) },
  // Laptop
  'sync.outbox': { kind: 'query', input: Empty, output: Outbox },
  'sync.exportBundle': { kind: 'mutation', input: Empty, output: ExportResult },
  /** The same bundle again (same id and number), for a lost or broken stick; a mutation, since it forgets the office's held or refused answer for it so the next Send to office tries it again. */
  'sync.rewriteBundle': { kind: 'mutation', input: z.strictObject({ sequence: z.number().int().min(1) }), output: ExportResult },
  'sync.importPackage': { kind: 'mutation', input: IncomingFile, output: PackageOutcome },
  /** Writes the end-of-day file and, when the paired office runs a server that answers with the certificate learned at pairing, uploads it and applies the package it answers with; with nothing new, only fetches and applies the package. */
  'sync.sendToOffice': { kind: 'mutation', input: Empty, output: SendOutcome },
  // Office
  'sync.importFile': { kind: 'mutation', input: IncomingFile, output: ImportOutcome },
  'sync.importInbox': { kind: 'mutation', input: Empty, output: InboxResult },
  'sync.manifest': { kind: 'query', input: Empty, output: z.array(ManifestEntry) },
  'sync.importLog': { kind: 'query', input: Empty, output: z.array(ImportLogEntry) },
  'sync.held': { kind: 'query', input: Empty, output: z.array(HeldBundle) },
  'sync.importHeld': { kind: 'mutation', input: z.strictObject({ bundleId: Id }), output: ImportOutcome },
  'sync.conflicts': { kind: 'query', input: Empty, output: z.array(Conflict) },
  'sync.resolveConflict': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, action: z.enum(['accept', 'reverse'], { error: 'Choose to keep the merged value or restore the overwritten one.' }) }),
    output: Conflict,
  },
  'sync.capacityFlags': { kind: 'query', input: Empty, output: z.array(CapacityFlag) },
  'sync.duplicates': { kind: 'query', input: Empty, output: z.array(DuplicateCandidate) },
  'sync.resolveDuplicate': {
    kind: 'mutation',
    input: z.strictObject({
      keepId: Id,
      otherId: Id,
      action: z.enum(['merge', 'keep_apart'], { error: 'Choose to merge the two people or keep them apart.' }),
    }),
    output: z.object({ ok: z.literal(true) }),
  },
  'sync.writePackage': { kind: 'mutation', input: z.strictObject({ deviceId: Id }), output: OutgoingFile.extend({ sessions: z.number(), people: z.number() }) },
  /** The office server's answer to a laptop's signed package request: that laptop's package, as Write package makes it. */
  'sync.packageForLaptop': { kind: 'mutation', input: PackageRequestInput, output: OutgoingFile.extend({ sessions: z.number(), people: z.number() }) },
} as const;
