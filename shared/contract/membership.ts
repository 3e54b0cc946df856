import { z } from 'zod';
import { Id, calendarDate, optionalText, requiredText } from './common';
import { dayOfYear } from './contracts';

/**
 * Membership schemes: practitioners join for a term (a membership year or a
 * rolling 12 months) and must attend a required course before joining or
 * within a window of calendar months after it. Office data; laptops see only
 * status lines for the people booked on their sessions.
 */

export const termOrigins = ['new', 'renewal', 'rejoin'] as const;
export const TermOrigin = z.enum(termOrigins, { error: 'A term is new, a renewal, or a rejoin.' });
export type TermOrigin = z.infer<typeof TermOrigin>;

/** A fee in pence, recorded only: Fieldbook takes no payments. */
export const feePence = (label: string) =>
  z
    .number({ error: `${label} must be an amount.` })
    .int({ error: `${label} must be a whole number of pence.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(100_000_000, { error: `${label} must be £1,000,000 or less.` });

export const SchemeFields = z.strictObject({
  name: requiredText('Scheme name'),
  requiredCourseIds: z
    .array(Id, { error: 'Choose the course members must attend.' })
    .min(1, { error: 'Choose at least one required course.' })
    .max(10, { error: 'A scheme can require at most 10 courses.' }),
  windowMonths: z
    .number({ error: 'The window must be a number of months.' })
    .int({ error: 'The window must be a whole number of months.' })
    .min(1, { error: 'The window must be at least 1 month.' })
    .max(60, { error: 'The window must be 60 months or fewer.' })
    .default(6),
  /** The membership year's first day, or null for rolling 12-month terms. */
  yearStarts: dayOfYear('The day the membership year starts').nullish().transform((value) => value ?? null),
  feePence: feePence('The fee').nullish().transform((value) => value ?? null),
  graceDays: z
    .number({ error: 'The grace period must be a number of days.' })
    .int({ error: 'The grace period must be a whole number of days.' })
    .min(0, { error: 'The grace period cannot be negative.' })
    .max(365, { error: 'The grace period must be 365 days or fewer.' })
    .default(30),
});
export type SchemeFields = z.input<typeof SchemeFields>;

export const Scheme = z.object({
  id: z.string(),
  name: z.string(),
  requiredCourseIds: z.array(z.string()),
  windowMonths: z.number(),
  yearStarts: z.string().nullable(),
  feePence: z.number().nullable(),
  graceDays: z.number(),
});
export type Scheme = z.infer<typeof Scheme>;

/** What a stored term may hold (the procedures that make terms check more: order, overlaps). */
export const TermValues = z.object({
  startsOn: calendarDate('Start date'),
  endsOn: calendarDate('End date'),
  origin: TermOrigin,
  feePence: feePence('The fee paid').nullable(),
  paidOn: calendarDate('Date paid').nullable(),
  notes: optionalText('Notes', 2000),
  cancelledOn: calendarDate('Cancelled date').nullable(),
  exemptReason: optionalText('Reason for the exemption', 300),
});
