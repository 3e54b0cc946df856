import { z } from 'zod';
import { Id, requiredText } from './common';
import { Ethnicity } from './equality';
import { searchableLength } from '../search-text';

/**
 * The consent text's version. The words live in the kiosk's message
 * catalogues (one per language); change this whenever their meaning changes,
 * so every record says which text the person agreed to.
 */
export const CONSENT_TEXT_VERSION = 'consent-2026-11-v1';

export const kioskLanguages = ['en', 'ar', 'pl'] as const;
export const KioskLanguage = z.enum(kioskLanguages, { error: 'Choose one of the offered languages.' });
export type KioskLanguage = z.infer<typeof KioskLanguage>;

export const Pin = z
  .string({ error: 'Enter a PIN of 4 to 8 digits.' })
  .regex(/^\d{4,8}$/, { error: 'Enter a PIN of 4 to 8 digits.' });

/** Sign-in, or (at the end of a session) the evaluation. */
export const KioskMode = z.enum(['sign_in', 'evaluation'], { error: 'Choose sign-in or evaluation.' });
export type KioskMode = z.infer<typeof KioskMode>;

export const KioskStatus = z.object({
  active: z.boolean(),
  mode: KioskMode,
  pinSet: z.boolean(),
  /** While wrong PINs are being slowed down: when the next try is allowed. */
  lockedUntil: z.string().nullable(),
  session: z
    .object({ id: z.string(), courseTitle: z.string(), venueName: z.string(), startsAt: z.string(), endsAt: z.string() })
    .nullable(),
});
export type KioskStatus = z.infer<typeof KioskStatus>;

export const KioskFindInput = z.strictObject({
  query: z
    .string({ error: 'Type your name.' })
    .trim()
    .max(100, { error: 'Shorten the name to 100 characters or fewer.' })
    // Letters, not keystrokes: "a'" must not list everyone whose name starts with A.
    .refine((text) => searchableLength(text) >= 2, { error: 'Type at least two letters of your name.' }),
});

/** What a participant may see of someone else: first name, initial, organisation. */
export const KioskMatch = z.object({ personId: z.string(), label: z.string() });
export type KioskMatch = z.infer<typeof KioskMatch>;

/**
 * A sign-in search result: the label, the first name to greet them by, and
 * whether they are signed in already, so the kiosk marks them and stops them
 * at the first step instead of after the consent and the equality question.
 */
export const KioskSignInMatch = KioskMatch.extend({ firstName: z.string(), signedIn: z.boolean() });
export type KioskSignInMatch = z.infer<typeof KioskSignInMatch>;

/**
 * The names shown (the first few) and how many match in all, so the kiosk
 * never says "10 found" of 377. A keystroke's count stops at 200, to keep
 * each search within its budget: `more` says more than `total` match, and
 * kiosk.countMatches then gives the whole count.
 */
export const KioskFindResult = z.object({
  matches: z.array(KioskSignInMatch),
  total: z.number().int().min(0),
  more: z.boolean(),
});
export type KioskFindResult = z.infer<typeof KioskFindResult>;

export const Consent = z.strictObject({
  textVersion: z.literal(CONSENT_TEXT_VERSION, { error: 'Read the consent text again: it has changed.' }),
  language: KioskLanguage,
  agreed: z.literal(true, { error: 'Agree to the consent text to sign in.' }),
});

/**
 * Signed in, or (when the session is full) waiting at this place in the queue;
 * with who it was, so the kiosk can go on to the before questions.
 */
export const KioskOutcome = z.object({ firstName: z.string(), personId: z.string(), waitlistPosition: z.number().nullable() });
export type KioskOutcome = z.infer<typeof KioskOutcome>;

const Participation = {
  consent: Consent,
  /** Optional equality monitoring: null when the participant skipped the question. */
  ethnicity: Ethnicity.nullable().default(null),
};

export const kioskProcedures = {
  'kiosk.status': { kind: 'query', access: 'kiosk', input: z.strictObject({}), output: KioskStatus },
  'kiosk.start': {
    kind: 'mutation',
    input: z.strictObject({ sessionId: Id, pin: Pin.optional(), mode: KioskMode.default('sign_in') }),
    output: KioskStatus,
  },
  'kiosk.exit': { kind: 'mutation', access: 'kiosk', input: z.strictObject({ pin: Pin }), output: KioskStatus },
  'kiosk.find': { kind: 'query', access: 'kiosk', input: KioskFindInput, output: KioskFindResult },
  /** Everyone whose name starts with the text, counted in full: asked for when kiosk.find found more than it counts. */
  'kiosk.countMatches': {
    kind: 'query',
    access: 'kiosk',
    input: KioskFindInput,
    output: z.object({ query: z.string(), total: z.number().int().min(0) }),
  },
  'kiosk.signIn': {
    kind: 'mutation',
    access: 'kiosk',
    input: z.strictObject({ personId: Id, ...Participation }),
    output: KioskOutcome,
  },
  'kiosk.organisations': {
    kind: 'query',
    access: 'kiosk',
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), name: z.string() })),
  },
  'kiosk.addSelf': {
    kind: 'mutation',
    access: 'kiosk',
    input: z.strictObject({
      givenName: requiredText('Given name', 100),
      familyName: requiredText('Family name', 100),
      organisationId: Id.nullable().default(null),
      ...Participation,
    }),
    output: KioskOutcome,
  },
} as const;
