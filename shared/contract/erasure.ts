import { z } from 'zod';
import { Id, RecordVersion, versioned } from './common';

/**
 * Erasure (UK GDPR Article 17) and retention, at the office. Erasing a person
 * removes them, the people merged with them, and everything that points at
 * them, from every table; one audit line stays (who, when, why, and how many
 * rows of each kind went; no names). The ids stay too, so an old end-of-day
 * file or a laptop's copy never brings them back, and each laptop is sent
 * the erasure in its next package and confirms it in its next end-of-day file.
 */

const Empty = z.strictObject({});

/** How many rows of one kind went (or will go), in words the screen can show. */
export const ErasedCount = z.object({
  /** The table, for a machine; `label` is what a person reads. */
  table: z.string(),
  label: z.string(),
  count: z.number(),
});
export type ErasedCount = z.infer<typeof ErasedCount>;

export const ErasurePreview = z.object({
  /** Everyone who goes: the person and the records merged with them, by name (shown before, never kept after). */
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  counts: z.array(ErasedCount),
  /** End-of-day files held for review that hold them, and will be sealed again without them. */
  heldFiles: z.number(),
});
export type ErasurePreview = z.infer<typeof ErasurePreview>;

const reason = z
  .string({ error: 'Enter the reason as text.' })
  .trim()
  .min(3, { error: 'Enter why this person is erased, for example "Asked to be forgotten by email".' })
  .max(500, { error: 'Shorten the reason to 500 characters or fewer.' });

const erasedBy = z
  .string({ error: 'Enter your name as text.' })
  .trim()
  .min(1, { error: 'Enter your name, so the record says who erased them.' })
  .max(100, { error: 'Shorten your name to 100 characters or fewer.' });

export const EraseInput = z.strictObject({
  personIds: z
    .array(Id, { error: 'Choose the people to erase.' })
    .min(1, { error: 'Choose at least one person to erase.' })
    .max(500, { error: 'Choose 500 people or fewer at a time.' }),
  reason,
  erasedBy,
});

export const ErasureLaptop = z.object({
  deviceId: z.string(),
  name: z.string(),
  /** When its end-of-day file confirmed it had erased them; null until then. */
  confirmedAt: z.string().nullable(),
});

export const Erasure = z.object({
  id: z.string(),
  erasedAt: z.string(),
  erasedBy: z.string(),
  reason: z.string(),
  counts: z.array(ErasedCount),
  /** Every enrolled laptop that has not been revoked, and whether it confirmed. */
  laptops: z.array(ErasureLaptop),
});
export type Erasure = z.infer<typeof Erasure>;

export const EraseResult = z.object({
  erasures: z.array(Erasure),
  /** "Erased 1 person and 14 records that were about them." */
  message: z.string(),
});
export type EraseResult = z.infer<typeof EraseResult>;

export const RetentionSettings = z.object({
  /** People not seen (no attendance, booking, membership or change) for longer than this are past retention. */
  personRetentionYears: z.number(),
  /** Imported and refused end-of-day files stay in the inbox's folders this long, then are deleted. */
  inboxRetentionDays: z.number(),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const SaveRetentionInput = z.strictObject({
  personRetentionYears: z
    .number({ error: 'Enter how many years to keep people, as a number.' })
    .int({ error: 'Enter a whole number of years.' })
    .min(1, { error: 'Keep people at least 1 year.' })
    .max(100, { error: 'Enter 100 years or fewer.' }),
  inboxRetentionDays: z
    .number({ error: 'Enter how many days to keep imported files, as a number.' })
    .int({ error: 'Enter a whole number of days.' })
    .min(1, { error: 'Keep imported files at least 1 day.' })
    .max(3650, { error: 'Enter 3650 days or fewer.' }),
});

export const PastRetentionPerson = z.object({
  id: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
  /** The last day they were seen: an attendance, a booked session, a membership's end or a change to their record. */
  lastSeen: z.string(),
});

export const PastRetention = z.object({
  personRetentionYears: z.number(),
  /** People last seen before this day. */
  before: z.string(),
  people: z.array(PastRetentionPerson),
  /** How many there are in all (the list shows at most 500). */
  total: z.number(),
});
export type PastRetention = z.infer<typeof PastRetention>;

export const erasureProcedures = {
  'erasure.preview': { kind: 'query', input: z.strictObject({ personId: Id }), output: ErasurePreview },
  'erasure.erase': { kind: 'mutation', input: EraseInput, output: EraseResult },
  'erasure.list': { kind: 'query', input: Empty, output: z.array(Erasure) },
  /** With the version a save sends back: a save over values changed since is refused with CHANGED_SINCE_OPENED (record-version.ts). */
  'erasure.settings': { kind: 'query', input: Empty, output: versioned(RetentionSettings) },
  'erasure.saveSettings': { kind: 'mutation', input: SaveRetentionInput.extend({ version: RecordVersion }), output: versioned(RetentionSettings) },
  'erasure.pastRetention': { kind: 'query', input: Empty, output: PastRetention },
} as const;
