import { writeFileSync } from 'node:fs';
import { reportKinds, type DeviceRole, type ReportChoice, type ReportKind } from '../../shared/contract';
import { createDispatcher } from '../dispatch/dispatcher';
import { callerFor } from '../demo/call';
import { withCore, type Output } from './commands';
import { UsageError } from './failures';

/**
 * `fieldbook report KIND` (membership with `--scheme NAME`) and `fieldbook setup`: the office's reports for
 * scripts and scheduled returns, and a data folder set up without the app.
 * Both go through the same procedures as the screens (reports.run,
 * device.setUp), so a script gets exactly the figures the office sees.
 */

export const reportOptions = {
  data: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'contract-year': { type: 'string' },
  'as-of': { type: 'string' },
  contract: { type: 'string' },
  course: { type: 'string' },
  scheme: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export const setupOptions = { data: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } as const;

type Values = Record<string, string | boolean | undefined>;
const text = (values: Values, key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function day(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${option} must be a date like 2026-08-01, not "${value}".`);
  }
  return value;
}

export interface ReportCommand {
  dataFolder: string;
  kind: string | undefined;
  values: Values;
}

export async function reportCommand({ dataFolder, kind, values }: ReportCommand, out: Output): Promise<number> {
  if (!kind || !(reportKinds as readonly string[]).includes(kind)) throw new UsageError(`report needs one of: ${reportKinds.join(', ')}.`);
  const format = text(values, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format must be json, csv or xlsx, not "${format}".`);
  if (format !== 'json' && text(values, 'out') === undefined) throw new UsageError(`--format ${format} needs --out FILE, the file to write.`);
  const from = day(text(values, 'from'), 'from');
  const to = day(text(values, 'to'), 'to');
  const asOf = day(text(values, 'as-of'), 'as-of');
  const contractYear = text(values, 'contract-year');
  if (contractYear !== undefined && (from !== undefined || to !== undefined)) throw new UsageError('Give either --from and --to, or --contract-year, not both.');
  if ((from === undefined) !== (to === undefined)) throw new UsageError('Give both --from and --to (both days are included).');
  if (from === undefined && contractYear === undefined) throw new UsageError('report needs a period: --from DATE --to DATE, or --contract-year YYYY with --contract NAME.');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}: the first day must be on or before the last.`);
  if (contractYear !== undefined && !/^\d{4}$/.test(contractYear)) throw new UsageError(`--contract-year must be a year like 2026, not "${contractYear}".`);
  if (contractYear !== undefined && text(values, 'contract') === undefined) throw new UsageError('--contract-year needs --contract NAME, the contract whose year it is.');
  if (kind === 'membership' && text(values, 'scheme') === undefined) throw new UsageError('report membership needs --scheme NAME, the membership scheme it is about.');
  if (kind !== 'membership' && text(values, 'scheme') !== undefined) throw new UsageError('--scheme is for the membership report only.');

  return withCore(dataFolder, async (core) => {
    const call = callerFor(createDispatcher(core.handlers));
    const options = await call('reports.options', {});
    const named = <T extends { name: string }>(list: T[], name: string | undefined, what: string): T | undefined => {
      if (name === undefined) return undefined;
      const found = list.find((item) => item.name.localeCompare(name, 'en', { sensitivity: 'accent' }) === 0);
      if (!found) throw new UsageError(`There is no ${what} called "${name}".`);
      return found;
    };
    const contract = named(options.contracts, text(values, 'contract'), 'contract');
    const course = named(options.courses, text(values, 'course'), 'course');
    const scheme = named(options.schemes, text(values, 'scheme'), 'membership scheme');
    const choice: ReportChoice = {
      kind: kind as ReportKind,
      period: contractYear !== undefined ? { kind: 'contractYear', contractId: contract!.id, startYear: Number(contractYear) } : { kind: 'custom', from: from!, to: to! },
      ...(asOf ? { asOf } : {}),
      filters: { ...(contract ? { contractId: contract.id } : {}), ...(course ? { courseId: course.id } : {}), ...(scheme ? { schemeId: scheme.id } : {}) },
    };
    if (format !== 'json') {
      const file = await call('reports.export', { choice, format });
      writeFileSync(text(values, 'out')!, Buffer.from(file.contentBase64, 'base64'));
      out.line(`Wrote ${text(values, 'out')}.`);
      return 0;
    }
    const result = await call('reports.run', choice);
    const json = JSON.stringify(
      { report: result.kind, period: result.period, filters: result.filters, ...result.data, notes: result.notes, definitions: result.definitions },
      null,
      2,
    );
    const file = text(values, 'out');
    if (file) {
      writeFileSync(file, `${json}\n`);
      out.line(`Wrote the ${result.title.toLowerCase()} report for ${result.period.label} to ${file}.`);
    } else {
      out.line(json);
    }
    return 0;
  });
}

export async function setupCommand({ dataFolder, values }: { dataFolder: string; values: Values }, out: Output): Promise<number> {
  const role = text(values, 'role');
  if (role !== 'office' && role !== 'laptop') throw new UsageError('setup needs --role office or --role laptop.');
  const name = text(values, 'name');
  if (name === undefined || name.trim() === '') throw new UsageError('setup needs --name, for example --name "Central office".');
  return withCore(dataFolder, async (core) => {
    const call = callerFor(createDispatcher(core.handlers));
    const device = await call('device.setUp', { role: role as DeviceRole, name });
    out.line(`Set up ${dataFolder} as ${device.role === 'office' ? 'the central office' : 'a facilitator laptop'} named "${device.name}".`);
    return 0;
  });
}
