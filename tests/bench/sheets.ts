import { execFileSync } from 'node:child_process';
import { attachWithKey, openWithKey } from '../../electron/db/encryption';
import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Sector } from '../../shared/contract';
import { normaliseForSearch } from '../../shared/search-text';
import { openDatabase } from '../../electron/db/open';
import { demoCourses, demoOrganisations, demoVenues } from '../../electron/demo/catalogue-data';
import { randomName } from '../../electron/demo/names';
import { emailLocalPart } from '../../electron/demo/random-person';
import { seededRandom, type Random } from '../../electron/demo/random';
import { DATABASE_FILE } from '../../electron/host/data-folder';
import { insertPerson } from '../../electron/core/catalogue/people';
import { write } from '../../electron/core/write';
import { IMPORT_CACHE_KIB } from '../../electron/core/sheets/run';
import { databaseKeyInFolder, openCoreInFolder } from '../../electron/host/open-core';
import type { Figure } from './report';

/** Issue 12's sheet: years of paper sign-in sheets typed up, one row per person per session. */
export const SHEET_SCALE = { people: 20_000, sessions: 2_000, rows: 100_000, organisations: 300 };
type Scale = typeof SHEET_SCALE;

const HEADER = ['First name', 'Surname', 'Email', 'Organisation', 'Sector', 'Session date', 'Course', 'Venue', 'Attended (Y/N)'];
const TITLE = 'Sign-in sheets typed up from paper';

interface SheetPerson {
  givenName: string;
  familyName: string;
  email: string | null;
  organisation: { name: string; sector: Sector } | null;
}

interface SheetSession {
  course: string;
  venue: string;
  /** yyyy-mm-dd, in the past. */
  date: string;
}

const SECTOR_WORDS: Record<Sector, string> = { statutory: 'Statutory', vcse: 'VCSE', other: 'Other' };

/** A few hundred organisations: the demo's own, then generated ones in each sector. */
function organisations(count: number): { name: string; sector: Sector }[] {
  const list = demoOrganisations.map(({ name, sector }) => ({ name, sector }));
  const places = ['Northgate', 'Southfield', 'Eastbrook', 'Westmoor', 'Riverside', 'Hillcrest', 'Canal Side', 'Moorside', 'Oakwood', 'Ashton', 'Brookvale', 'Kingsway', 'Millbank', 'Parkside', 'Stonebridge', 'Greenhill', 'Fairfield', 'Highcliffe', 'Lowther', 'Marsh Lane'];
  const kinds: { kind: string; sector: Sector }[] = [
    { kind: 'Surgery', sector: 'statutory' },
    { kind: 'Primary Care Network', sector: 'statutory' },
    { kind: 'Health Centre', sector: 'statutory' },
    { kind: 'Primary School', sector: 'statutory' },
    { kind: 'Community Pharmacy', sector: 'other' },
    { kind: 'Care Home', sector: 'other' },
    { kind: 'Housing Co-operative', sector: 'other' },
    { kind: 'Food Bank', sector: 'vcse' },
    { kind: 'Residents Association', sector: 'vcse' },
    { kind: 'Refugee Drop-in', sector: 'vcse' },
    { kind: 'Youth Club', sector: 'vcse' },
    { kind: 'Carers Group', sector: 'vcse' },
    { kind: 'Mosque Welfare Committee', sector: 'vcse' },
    { kind: 'Church Community Project', sector: 'vcse' },
    { kind: 'Family Hub', sector: 'statutory' },
  ];
  for (const { kind, sector } of kinds) for (const place of places) if (list.length < count) list.push({ name: `${place} ${kind}`, sector });
  return list;
}

/** The courses the sheet's sessions were of: none of them in the empty office, so the import adds (and the office confirms) them all. */
export const sheetCourses = () => [...demoCourses.map((course) => course.title), 'Trauma-informed practice', 'Mental health first aid'];

/** yyyy-mm-dd of a day some days before today. */
function daysAgo(days: number): string {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/**
 * The sheet's rows, seeded: distinct people (most with an email; none who
 * would match another by name at their organisation, so all of them are
 * new), distinct sessions (course × past date × venue) in date order as they
 * were typed up, and each session's attendance spread over the people so
 * nobody is on the same session twice: every row is one sign-in.
 */
export function attendanceRows(scale: Scale = SHEET_SCALE): { person: SheetPerson; session: SheetSession }[] {
  const random = seededRandom(12);
  const orgs = organisations(scale.organisations);
  const people: SheetPerson[] = [];
  const namesAt = new Set<string>();
  while (people.length < scale.people) {
    const { givenName, familyName } = randomName(random.next);
    // About one in ten came as a member of the public.
    const organisation = random.chance(0.9) ? random.pick(orgs) : null;
    const key = `${normaliseForSearch(`${givenName} ${familyName}`)}|${organisation?.name ?? ''}`;
    if (namesAt.has(key)) continue;
    namesAt.add(key);
    // Most left an email; numbered, so two people of the same name do not share one.
    const email = random.chance(0.85) ? `${emailLocalPart(givenName, familyName)}${people.length}@${organisation ? 'work.example' : 'mail.example'}` : null;
    people.push({ givenName, familyName, email, organisation });
  }

  const courses = sheetCourses();
  const venues = [...demoVenues.map((venue) => venue.fields.name), 'Northgate Library', 'Eastbrook Family Hub', 'Riverside Mosque community room'];
  const sessions: SheetSession[] = [];
  const seen = new Set<string>();
  while (sessions.length < scale.sessions) {
    // Weekdays over the last six years, the latest a week ago.
    const date = daysAgo(random.int(7, 7 + 6 * 365));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const session = { course: random.pick(courses), venue: random.pick(venues), date };
    const key = `${session.course}|${session.venue}|${date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sessions.push(session);
  }
  sessions.sort((a, b) => a.date.localeCompare(b.date));

  const order = shuffle(random, people.map((_, index) => index));
  const perSession = scale.rows / scale.sessions;
  const rows: { person: SheetPerson; session: SheetSession }[] = [];
  sessions.forEach((session, index) => {
    for (let seat = 0; seat < perSession; seat += 1) rows.push({ person: people[order[(index * perSession + seat) % people.length]!]!, session });
  });
  return rows;
}

const cells = ({ person, session }: { person: SheetPerson; session: SheetSession }) => [
  person.givenName,
  person.familyName,
  person.email ?? '',
  person.organisation?.name ?? '',
  person.organisation ? SECTOR_WORDS[person.organisation.sector] : '',
];

/** The sheet as Excel keeps it, written with exceljs (what the core reads it with): a title row, the header, dates as date cells. */
export async function xlsxFile(rows: { person: SheetPerson; session: SheetSession }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Attendance');
  sheet.addRow([TITLE]);
  sheet.addRow([]);
  sheet.addRow(HEADER);
  for (const row of rows) {
    const [year, month, day] = row.session.date.split('-').map(Number) as [number, number, number];
    sheet.addRow([...cells(row), new Date(Date.UTC(year, month - 1, day)), row.session.course, row.session.venue, 'Y']);
  }
  sheet.getColumn(6).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The same sheet as Excel's "CSV UTF-8" writes it: a byte-order mark, CRLF, dates typed dd/mm/yyyy. */
export function csvFile(rows: { person: SheetPerson; session: SheetSession }[]): Buffer {
  const lines = [TITLE, '', HEADER.join(',')];
  for (const row of rows) {
    const [year, month, day] = row.session.date.split('-');
    lines.push([...cells(row), `${day}/${month}/${year}`, row.session.course, row.session.venue, 'Y'].map(csvCell).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

interface ChildReport {
  ms: number;
  maxRssMb: number;
  imported: boolean;
  rowsRead: number;
  refused: number;
  people: number;
  matched: number;
  likelyDuplicates: number;
  organisations: number;
  sessions: number;
  signIns: number;
}

type Expected = Partial<Pick<ChildReport, 'rowsRead' | 'refused' | 'people' | 'matched' | 'likelyDuplicates' | 'sessions' | 'signIns'>>;

/** One preview or import in a process of its own, so its peak memory is that call's alone. */
function inChild(mode: 'preview' | 'import', folder: string, sheetPath: string, scale: Scale, differently: Expected = {}): ChildReport {
  const report = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sheets-import-child.ts'), mode, folder, sheetPath], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    }),
  ) as ChildReport;
  // Every row a sign-in, every person and session new: otherwise the figure would be for less work than it says.
  const expected = { rowsRead: scale.rows, refused: 0, people: scale.people, matched: 0, likelyDuplicates: 0, sessions: scale.sessions, signIns: scale.rows, ...differently };
  for (const [key, value] of Object.entries(expected)) {
    if (report[key as keyof typeof expected] !== value) throw new Error(`The ${mode} of ${sheetPath} found ${key} ${String(report[key as keyof ChildReport])}, not ${value}.`);
  }
  return report;
}

/**
 * An office that already has every person of the sheet, each under another
 * email where the sheet gives one (the address they used before), at the
 * same organisation: a row with an email matches nobody by the import's
 * rules, and one at an organisation looks like someone already there, so
 * the preview checks the sheet's people against 20,000 known ones and lists
 * most of them as likely duplicates. A row without an email is the known
 * person, by name at their organisation.
 */
async function seedKnownPeople(folder: string, rows: { person: SheetPerson }[]): Promise<Expected> {
  const people = [...new Set(rows.map((row) => row.person))];
  const core = openCoreInFolder(folder);
  await write(core.context, async (scope) => {
    const organisations = new Map<string, string>();
    for (const { organisation } of people) {
      if (!organisation || organisations.has(organisation.name)) continue;
      const id = scope.newId();
      await scope.insert('organisations', { id, name: organisation.name, sector: organisation.sector });
      organisations.set(organisation.name, id);
    }
    for (const person of people) {
      await insertPerson(scope, {
        givenName: person.givenName,
        familyName: person.familyName,
        preferredName: null,
        email: person.email && `before.${person.email}`,
        phone: null,
        organisationId: person.organisation ? organisations.get(person.organisation.name)! : null,
        membershipJoinedOn: null,
      });
    }
  });
  await core.close();
  const withEmail = people.filter((person) => person.email !== null);
  return {
    people: withEmail.length,
    matched: people.length - withEmail.length,
    likelyDuplicates: withEmail.filter((person) => person.organisation !== null).length,
  };
}

/** Tables the import writes to, in an order their foreign keys accept. */
const WRITE_ORDER = ['organisations', 'courses', 'venues', 'people', 'person_search_keys', 'person_sort_keys', 'sessions', 'bookings', 'booking_events', 'sign_ins', 'change_log'];

/** Kept by triggers, which the raw inserts fire as the import's writes do: not inserted twice. */
const TRIGGER_KEPT = new Set(['report_source_versions']);

/**
 * What an import added, table by table: every row of the imported database
 * that the empty office database does not have. The device row (its clock
 * moved on) is the one row an import updates rather than adds.
 */
function rowsAdded(importedPath: string, emptyPath: string): { table: string; columns: string[]; rows: unknown[][] }[] {
  // Both are copies of one data folder, so one key opens both.
  const key = databaseKeyInFolder(dirname(importedPath));
  const imported = openWithKey(importedPath, key, { readonly: true });
  try {
    attachWithKey(imported, emptyPath, 'empty', key);
    const tables = imported.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'device'").pluck().all() as string[];
    const added = tables
      .map((table) => {
        const columns = (imported.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).map((column) => `"${column}"`);
        const rows = imported.prepare(`SELECT ${columns.join(', ')} FROM main."${table}" EXCEPT SELECT ${columns.join(', ')} FROM empty."${table}"`).raw().all() as unknown[][];
        return { table, columns, rows };
      })
      .filter((entry) => entry.rows.length > 0 && !TRIGGER_KEPT.has(entry.table));
    const unknown = added.filter((entry) => !WRITE_ORDER.includes(entry.table)).map((entry) => entry.table);
    if (unknown.length > 0) throw new Error(`The import wrote to tables the raw baseline does not know the order of: ${unknown.join(', ')}`);
    return added.sort((a, b) => WRITE_ORDER.indexOf(a.table) - WRITE_ORDER.indexOf(b.table));
  } finally {
    imported.close();
  }
}

/**
 * The floor for the same work: the rows the import wrote (people and their
 * search keys, organisations, courses, venues, sessions, bookings, sign-ins,
 * and every change-log row), read back from the imported database before the
 * clock starts, inserted with raw prepared statements in one transaction into
 * a copy of the same empty office database: encrypted, synchronous=FULL, the
 * report versions' triggers firing, and the page cache the import runs with,
 * so the only difference left is the import's own work. The raw rows go in
 * table by table, which SQLite does somewhat faster than in the import's
 * order (each sign-in's booking, its event and the sign-in together, each
 * with its change-log row): measured at load 5, 24.8 s against 29.9 s.
 */
function rawInsert(databasePath: string, added: { table: string; columns: string[]; rows: unknown[][] }[]): number {
  const database = openDatabase(databasePath, databaseKeyInFolder(dirname(databasePath)));
  const sqlite = database.sqlite;
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const inserts = added.map(({ table, columns, rows }) => ({
    statement: sqlite.prepare<unknown[]>(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
    rows,
  }));
  const started = performance.now();
  sqlite.transaction(() => {
    for (const { statement, rows } of inserts) for (const row of rows) statement.run(...row);
  })();
  const ms = performance.now() - started;
  void database.close();
  return ms;
}

/**
 * Issue 12's speed figures: a 100,000-row attendance sheet (20,000 people,
 * 2,000 sessions) previewed and imported as XLSX and as CSV, each in a
 * process of its own in a copy of the same empty office, beside the raw
 * insert of the rows the import wrote.
 */
export async function benchSheets(scale: Scale = SHEET_SCALE): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-sheets-'));
  try {
    const empty = join(root, 'office-empty');
    const office = openCoreInFolder(empty);
    await office.handlers['device.setUp']({ role: 'office', name: 'Bench office' });
    // Closing checkpoints the WAL, so the folder's database file is its whole state.
    await office.close();
    for (const copy of ['office-xlsx', 'office-csv', 'office-raw', 'office-preview', 'office-known']) cpSync(empty, join(root, copy), { recursive: true });

    const rows = attendanceRows(scale);
    const files = {
      xlsx: join(root, 'attendance-sheets.xlsx'),
      csv: join(root, 'attendance-sheets.csv'),
    };
    writeFileSync(files.xlsx, await xlsxFile(rows));
    writeFileSync(files.csv, csvFile(rows));
    const size = (path: string) => `${(statSync(path).size / 2 ** 20).toFixed(1)} MB`;

    const preview = { xlsx: inChild('preview', join(root, 'office-preview'), files.xlsx, scale), csv: inChild('preview', join(root, 'office-preview'), files.csv, scale) };
    const known = await seedKnownPeople(join(root, 'office-known'), rows);
    const previewKnown = inChild('preview', join(root, 'office-known'), files.xlsx, scale, known);
    const imported = { xlsx: inChild('import', join(root, 'office-xlsx'), files.xlsx, scale), csv: inChild('import', join(root, 'office-csv'), files.csv, scale) };
    const added = rowsAdded(join(root, 'office-xlsx', DATABASE_FILE), join(empty, DATABASE_FILE));
    const rawMs = rawInsert(join(root, 'office-raw', DATABASE_FILE), added);
    const written = added.reduce((sum, entry) => sum + entry.rows.length, 0);
    const baseline = { label: `raw insert of the ${written.toLocaleString('en-GB')} rows the import wrote (change log included), one transaction, same page cache`, value: rawMs };
    const what = `${scale.rows.toLocaleString('en-GB')}-row attendance sheet (${scale.people.toLocaleString('en-GB')} people, ${scale.sessions.toLocaleString('en-GB')} sessions)`;

    const figures: Figure[] = [];
    for (const format of ['xlsx', 'csv'] as const) {
      const name = `${format.toUpperCase()}, ${size(files[format])}`;
      figures.push(
        { name: `import a ${what}, ${name} (sheets.import)`, value: imported[format].ms, statistic: 'total', unit: 'ms', budget: 20_000, baseline },
        { name: `peak memory of that ${format.toUpperCase()} import process (resident set)`, value: imported[format].maxRssMb, statistic: 'total', unit: 'MB', budget: 400 },
        { name: `preview of that ${format.toUpperCase()} file (sheets.preview, writes nothing)`, value: preview[format].ms, statistic: 'total', unit: 'ms', budget: 5_000 },
      );
    }
    figures.push({
      name: `preview of that XLSX file beside the ${scale.people.toLocaleString('en-GB')} people already in Fieldbook under other emails (${previewKnown.likelyDuplicates.toLocaleString('en-GB')} rows that look like someone already there)`,
      value: previewKnown.ms,
      statistic: 'total',
      unit: 'ms',
      budget: 5_000,
    });
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
