import { dayOfYear } from '../../shared/contract/contracts';
import type { SchemeFields, SchemeView } from '../../shared/contract/membership';
import { sheetHeaderKey } from '../../shared/contract/sheets';
import { FieldbookError } from '../../shared/errors';
import { callerFor } from '../demo/call';
import { createDispatcher } from '../dispatch/dispatcher';
import { withCore, type Output } from './commands';
import { UsageError } from './failures';

export interface SchemeOptions {
  dataFolder: string;
  name: string;
  requiredCourse?: string;
  withinMonths?: number;
  /** MM-DD, or 'rolling' for rolling 12-month terms. */
  yearStarts?: string;
  /** As typed: "25", "25.00" or "£25". */
  fee?: string;
}

/** A fee as people type it, in pence: "25" and "£25.00" are 2500. */
export function feeInPence(text: string): number {
  const match = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new UsageError(`--fee must be an amount in pounds, like 25 or 25.00, not "${text}".`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function yearStartsFrom(text: string): string | null {
  if (text.trim().toLowerCase() === 'rolling') return null;
  const checked = dayOfYear('--year-starts').safeParse(text);
  if (!checked.success) throw new UsageError(`${checked.error.issues[0]!.message} Or say --year-starts rolling for rolling 12-month terms.`);
  return checked.data;
}

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

function describe(scheme: SchemeView): string {
  const courses = scheme.requiredCourses.map((course) => course.title).join(' or ');
  const firstDay = scheme.yearStarts && new Date(`2001-${scheme.yearStarts}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const year = firstDay ? `membership year from ${firstDay}` : 'rolling 12-month terms';
  const fee = scheme.feePence === null ? 'no fee' : `fee ${pounds(scheme.feePence)}`;
  return `${scheme.name}: members attend ${courses} within ${scheme.windowMonths} months of joining; ${year}; ${fee}; ${scheme.graceDays} days' grace.`;
}

/**
 * `fieldbook scheme --name NAME --required-course TITLE [--within-months N]
 * [--year-starts MM-DD] [--fee AMOUNT]`: creates the scheme of that name, or
 * changes the one already there (the name compared without regard to case),
 * through the same procedures as the office's screen. What is left out of a
 * change stays as it was.
 */
export async function schemeCommand(options: SchemeOptions, out: Output): Promise<void> {
  const yearStarts = options.yearStarts === undefined ? undefined : yearStartsFrom(options.yearStarts);
  const feePence = options.fee === undefined ? undefined : feeInPence(options.fee);
  await withCore(options.dataFolder, async (core) => {
    const call = callerFor(createDispatcher(core.handlers));
    const existing = (await call('schemes.list', {})).find((scheme) => scheme.name.toLowerCase() === options.name.trim().toLowerCase());
    if (!existing && options.requiredCourse === undefined) {
      throw new UsageError(`There is no scheme called ${options.name} yet; to create it, say which course members must attend with --required-course TITLE.`);
    }
    let requiredCourseIds = existing?.requiredCourseIds;
    if (options.requiredCourse !== undefined) {
      const wanted = sheetHeaderKey(options.requiredCourse);
      const course = (await call('courses.list', { query: options.requiredCourse, limit: 500 })).find((candidate) => sheetHeaderKey(candidate.title) === wanted);
      if (!course) throw new FieldbookError('NOT_FOUND', `There is no course called ${options.requiredCourse}. Add it to the catalogue first, or check the spelling.`);
      requiredCourseIds = [course.id];
    }
    const fields: SchemeFields = {
      // The name as typed now, so a change can correct its capitals.
      name: options.name,
      requiredCourseIds: requiredCourseIds!,
      windowMonths: options.withinMonths ?? existing?.windowMonths ?? 6,
      yearStarts: yearStarts === undefined ? (existing?.yearStarts ?? null) : yearStarts,
      feePence: feePence === undefined ? (existing?.feePence ?? null) : feePence,
      graceDays: existing?.graceDays ?? 30,
    };
    // The command line edits the scheme as it reads it now, so it sends the version it reads now.
    const saved = existing
      ? await call('schemes.update', { id: existing.id, version: (await call('schemes.get', { id: existing.id })).version, fields })
      : await call('schemes.create', fields);
    out.line(`${existing ? 'Updated' : 'Created'} the scheme ${describe(saved)}`);
  });
}
