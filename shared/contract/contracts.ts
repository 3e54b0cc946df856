import { z } from 'zod';
import { GetInput, Id, SearchInput, calendarDate, editOf, requiredText, theField, versioned } from './common';

/**
 * Contracts: the funding sources sessions are delivered under. Each has its
 * own year (a city's public-health contract may run from 1 August), which
 * is the period its funder reports by. A session belongs to one contract or
 * to none ("paid-for / other"). Office data; laptops receive it read-only.
 */

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the year as MM-DD ("08-01" for 1 August); 29 February is refused, as most years have none. */
export function dayOfYear(label: string) {
  return z
    .string({ error: `Enter ${theField(label)} as a day of the year, for example 08-01 (1 August).` })
    .trim()
    .regex(/^\d{2}-\d{2}$/, { error: `Enter ${theField(label)} as a day of the year, for example 08-01 (1 August).` })
    .refine(
      (value) => {
        const [month, day] = value.split('-').map(Number) as [number, number];
        return month >= 1 && month <= 12 && day >= 1 && day <= monthDays[month - 1]! && value !== '02-29';
      },
      { error: `Choose a day every year has for ${theField(label)}: from 01-01 to 12-31, other than 02-29.` },
    );
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "08-01" as people say it, "1 August", for the screens and the files alike. */
export function yearStartInWords(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return `${day} ${monthNames[month - 1] ?? monthDay}`;
}

/** What a session with no contract is, in the screens' and the files' words. */
export const NO_CONTRACT = 'None (paid-for / other)';

export const ContractFields = z
  .strictObject({
    name: requiredText('Contract name'),
    funder: requiredText('Funder'),
    yearStarts: dayOfYear('The day the contract year starts'),
    endsOn: calendarDate('End date').nullish().transform((value) => value ?? null),
  });
export type ContractFields = z.input<typeof ContractFields>;

export const Contract = z.object({
  id: z.string(),
  name: z.string(),
  funder: z.string(),
  yearStarts: z.string(),
  endsOn: z.string().nullable(),
});
export type Contract = z.infer<typeof Contract>;
export const VersionedContract = versioned(Contract);

/**
 * The contract a session is delivered under, as a session's fields and the
 * request-scheduling form give it: null for none (paid-for / other). Left
 * out of an edit, the session keeps the contract it has.
 */
export const ContractChoice = Id.nullable().optional();

export const contractProcedures = {
  'contracts.list': { kind: 'query', input: SearchInput, output: z.array(Contract) },
  'contracts.get': { kind: 'query', input: GetInput, output: VersionedContract },
  'contracts.create': { kind: 'mutation', input: ContractFields, output: Contract },
  'contracts.update': { kind: 'mutation', input: editOf(ContractFields), output: VersionedContract },
} as const;
