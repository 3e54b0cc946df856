import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_SEED } from '../demo/load-demo';
import { defaultDataFolder } from '../host/data-folder';
import { demoCommand, generatePeopleCommand, helpText, type Output } from './commands';
import { importCommand } from './import-command';
import { sheetKinds, type SheetKind } from '../../shared/contract';
import { importSheetCommand } from './sheet-command';
import { schemeCommand } from './scheme-command';
import { describeFailure, UsageError } from './failures';
import { backupCommand, restoreCommand } from './backup-command';
import { reportCommand, reportOptions, setupCommand, setupOptions } from './report-command';
import { serveCommand, serveOptions } from './serve-command';
import { staffCommand, staffOptions } from './staff-command';
import { readPassword } from './password-input';
import { officeCommand, officeOptions } from './move-to-postgres-command';

export interface Terminal extends Output {
  error(text: string): void;
}

const MAX_GENERATED_PEOPLE = 10_000_000;

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

const commandOptions = {
  demo: { data: { type: 'string' }, seed: { type: 'string' } },
  'generate-people': { data: { type: 'string' }, seed: { type: 'string' }, count: { type: 'string' } },
  import: { data: { type: 'string' } },
  'import-sheet': {
    data: { type: 'string' },
    kind: { type: 'string' },
    scheme: { type: 'string' },
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    'same-person': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  scheme: {
    data: { type: 'string' },
    name: { type: 'string' },
    'required-course': { type: 'string' },
    'within-months': { type: 'string' },
    'year-starts': { type: 'string' },
    fee: { type: 'string' },
  },
  report: reportOptions,
  setup: setupOptions,
  backup: { data: { type: 'string' }, to: { type: 'string' } },
  restore: { data: { type: 'string' } },
  serve: serveOptions,
  staff: staffOptions,
  office: officeOptions,
  help: {},
} satisfies Record<string, OptionSpec>;

type CommandName = keyof typeof commandOptions;

const isCommand = (name: string): name is CommandName => Object.hasOwn(commandOptions, name);

/** node:util's messages are written for programmers; say the same thing plainly. */
/** Commands that take a list of files after their options. */
const takesFiles = new Set<CommandName>(['import', 'import-sheet', 'report', 'restore', 'staff', 'office']);

function parseOptions(command: CommandName, args: string[]): { values: Record<string, string | undefined> & { 'dry-run'?: boolean }; files: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: commandOptions[command], strict: true, allowPositionals: true });
    if (positionals.length > 0 && !takesFiles.has(command)) throw new UsageError(`"${command}" does not take "${positionals[0]}".`);
    return { values: values as Record<string, string | undefined> & { 'dry-run'?: boolean }, files: positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec(String((error as Error).message))?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`"${command}" has no option ${option}.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value after it.`);
    throw error;
  }
}

/** Whole numbers as people type them: "100000", "100_000" or "100,000". */
function wholeNumber(text: string | undefined, option: string, { min, max }: { min: number; max: number }): number | undefined {
  if (text === undefined) return undefined;
  const digits = text.replace(/[_,]/g, '');
  const value = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${option} must be a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}, not "${text}".`);
  }
  return value;
}

function dataFolderFrom(values: Record<string, string | undefined>): string {
  if (values.data !== undefined && values.data.trim() === '') throw new UsageError('--data needs a folder.');
  return resolve(values.data ?? defaultDataFolder());
}

/** Runs one command line and returns the process exit code; never throws. */
export async function runCli(argv: readonly string[], terminal: Terminal): Promise<number> {
  const [first, ...rest] = argv;
  let dataFolder: string | undefined;
  try {
    if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
      terminal.line(helpText(defaultDataFolder()));
      return 0;
    }
    if (!isCommand(first)) throw new UsageError(`Unknown command "${first}".`);
    const { values, files } = parseOptions(first, rest);
    const seed = wholeNumber(values.seed, 'seed', { min: 0, max: 2 ** 32 - 1 });
    dataFolder = dataFolderFrom(values);

    if (first === 'demo') {
      await demoCommand({ dataFolder, seed: seed ?? DEFAULT_DEMO_SEED, today: new Date() }, terminal);
    } else if (first === 'generate-people') {
      const count = wholeNumber(values.count, 'count', { min: 1, max: MAX_GENERATED_PEOPLE });
      if (count === undefined) throw new UsageError('generate-people needs --count, for example --count 100000.');
      await generatePeopleCommand({ dataFolder, count, seed: seed ?? 1 }, terminal);
    } else if (first === 'import') {
      if (files.length === 0) throw new UsageError('import needs one or more files, for example: fieldbook import hall-laptop-2-*.fieldbook');
      return await importCommand({ dataFolder, files: files.map((file) => resolve(file)) }, terminal);
    } else if (first === 'import-sheet') {
      const [file, extra] = files;
      if (file === undefined) throw new UsageError('import-sheet needs a file, for example: fieldbook import-sheet sign-ins.xlsx --kind attendance');
      if (extra !== undefined) throw new UsageError(`import-sheet reads one file at a time, not "${extra}" as well.`);
      const kind = values.kind;
      if (!(sheetKinds as readonly string[]).includes(kind ?? '')) {
        throw new UsageError('import-sheet needs --kind attendance, --kind people, --kind members or --kind evaluations.');
      }
      if (kind === 'members' && values.scheme === undefined) throw new UsageError('import-sheet --kind members needs --scheme NAME, the membership scheme the list is for.');
      if (kind !== 'members' && values.scheme !== undefined) throw new UsageError('--scheme is only for --kind members.');
      return await importSheetCommand(
        {
          dataFolder,
          file: resolve(file),
          kind: kind as SheetKind,
          scheme: values.scheme,
          sheet: values.sheet,
          mappingFile: values.mapping && resolve(values.mapping),
          samePeople: values['same-person'],
          dryRun: values['dry-run'] === true,
        },
        terminal,
      );
    } else if (first === 'scheme') {
      if (values.name === undefined || values.name.trim() === '') throw new UsageError('scheme needs --name, for example: fieldbook scheme --name Allies --required-course "Cultural Competency"');
      await schemeCommand(
        {
          dataFolder,
          name: values.name,
          requiredCourse: values['required-course'],
          withinMonths: wholeNumber(values['within-months'], 'within-months', { min: 1, max: 60 }),
          yearStarts: values['year-starts'],
          fee: values.fee,
        },
        terminal,
      );
    } else if (first === 'report') {
      if (files.length > 1) throw new UsageError(`report makes one report at a time, not "${files[1]}" as well.`);
      return await reportCommand({ dataFolder, kind: files[0], values }, terminal);
    } else if (first === 'setup') {
      return await setupCommand({ dataFolder, values }, terminal);
    } else if (first === 'backup') {
      if (values.to !== undefined && values.to.trim() === '') throw new UsageError('--to needs a folder.');
      await backupCommand({ dataFolder, to: values.to === undefined ? undefined : resolve(values.to) }, terminal);
    } else if (first === 'restore') {
      const [file, extra] = files;
      if (file === undefined) throw new UsageError('restore needs a backup file, for example: fieldbook restore fieldbook-backup-20261202-093000.sqlite');
      if (extra !== undefined) throw new UsageError(`restore takes one backup file, not "${extra}" as well.`);
      await restoreCommand({ dataFolder, file: resolve(file) }, terminal);
    } else if (first === 'staff') {
      if (files.length > 1) throw new UsageError(`staff does one thing at a time, not "${files[1]}" as well.`);
      return await staffCommand({ dataFolder, action: files[0], values: { role: values.role, name: values.name, email: values.email }, readPassword }, terminal);
    } else if (first === 'office') {
      if (files.length > 1) throw new UsageError(`office does one thing at a time, not "${files[1]}" as well.`);
      await officeCommand({ dataFolder, action: files[0], databaseUrl: values.database }, terminal);
    } else if (first === 'serve') {
      const untilStopped = new Promise((stop) => {
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      return await serveCommand({ dataFolder, listen: values.listen, tlsCert: values['tls-cert'], tlsKey: values['tls-key'], untilStopped }, terminal);
    } else {
      terminal.line(helpText(defaultDataFolder()));
    }
    return 0;
  } catch (error) {
    const failure = describeFailure(error, dataFolder);
    terminal.error(failure.message);
    if (failure.details) terminal.error(failure.details);
    return failure.exitCode;
  }
}
